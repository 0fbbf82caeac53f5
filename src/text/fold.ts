/**
 * One matching key for the many ways Danish is typed: "pårørende", "paarorende", "parorende" and
 * "PÅRØRENDE" all fold to "parorende". æ/ø/å become ae/oe/aa first (the ASCII spelling people use),
 * then those pairs collapse, so writers who drop the second letter match too.
 */
export function fold(text: string): string {
  let folded = recentFolds.get(text);
  if (folded === undefined) {
    folded = foldAfresh(text);
    remember(recentFolds, text, folded);
  }
  return folded;
}

/**
 * A message is folded and cut into words dozens of times while it is read (each phrase list, the reading rules, the
 * classifiers, the sentences): the folds and words of the texts read in the current task are kept until its
 * microtasks have run, so no text outlives the turn that brought it.
 */
const recentFolds = new Map<string, string>();
const recentWords = new Map<string, readonly string[]>();
const MAX_RECENT = 512;

function remember<V>(recent: Map<string, V>, text: string, value: V): void {
  if (recent.size === 0) queueMicrotask(() => recent.clear());
  else if (recent.size >= MAX_RECENT) recent.clear();
  recent.set(text, value);
}

/**
 * Lower-case ASCII words with single spaces, as most pattern words and many phone messages are: nothing to normalise,
 * lower or spell out, so those passes are skipped (the same result; they made folding the recogniser's patterns a tenth
 * of its start-up).
 */
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

function foldAfresh(text: string): string {
  return (PLAIN.test(text) ? text : spelledPlainly(text))
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'e')
    .replace(/[^\p{L}\p{N}§]+/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim();
}

/** Lower case, æ/ø/å written out as ae/oe/aa and other letters without their accents. */
function spelledPlainly(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').normalize('NFD').replace(/\p{M}/gu, '');
}

/** The folded text's words; the same array for the same text within a task, so not to be changed. */
export function foldedWords(text: string): readonly string[] {
  let words = recentWords.get(text);
  if (words === undefined) {
    const folded = fold(text);
    words = folded === '' ? [] : folded.split(' ');
    remember(recentWords, text, words);
  }
  return words;
}
