/**
 * LIX (läsbarhetsindex, Björnsson 1968), the readability measure Danish plain-language guidance uses:
 * words per sentence + 100 × the share of long words (more than six letters).
 * Under 25 very easy, 25–34 easy, 35–44 medium (a newspaper), 45–54 hard (official texts), 55+ very hard.
 */
export interface Lix {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
}

const LONG_WORD_LETTERS = 6;
// A word is a run of letters, digits, hyphens and inner full stops ("f.eks.", "bl.a.", "§-101").
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\-.]*/gu;
// A sentence ends at . ! ? or : before a space or the end, and at a line break (a list item is a sentence).
const SENTENCE_END = /[.!?:](?=\s|$)|\n/g;

// An abbreviation such as "f.eks." or "bl.a." ends with a full stop that does not end its sentence.
const ABBREVIATION_STOP = /\p{L}\.\p{L}+\.(?=\s+\S)/gu;

export function lixOf(text: string): Lix {
  const words = (text.match(WORD) ?? []).filter((word) => /\p{L}/u.test(word));
  const pieces = text.split(SENTENCE_END).filter((piece) => /\p{L}/u.test(piece)).length;
  const sentences = Math.max(1, pieces - [...text.matchAll(ABBREVIATION_STOP)].length);
  const longWords = words.filter((word) => (word.match(/\p{L}/gu) ?? []).length > LONG_WORD_LETTERS).length;
  const lix = words.length === 0 ? 0 : words.length / sentences + (100 * longWords) / words.length;
  return { lix: Math.round(lix), words: words.length, sentences, longWords };
}
