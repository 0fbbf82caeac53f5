import { fold, foldedWords } from '../text/fold';
import { KNOWN_USES, NOT_LETTERS, wordUses } from './known-words';

/** Vowels, folded or not ("døgn", "dogn"). */
const VOWEL_LETTERS = 'aeiouyæøåéè';
const VOWEL = new RegExp(`[${VOWEL_LETTERS}]`);
const VOWELS = new RegExp(`[${VOWEL_LETTERS}]`, 'g');
/** A word is read into a vowel-less one only where the phrases use it this often: a rare word is a guess. */
const MIN_WORD_USES = 3;
/** Two letters ("jg", "kn") are read as a word only beside another vowel-less word, or as the whole message ("tk"): beside words with vowels they are too often something else. */
const SHORT = 2;

/**
 * Some write without vowels ("hvd kstr dgnbhndlng", "ptstp drss", "klgfrst hvr lng"). Each such word is read as the
 * word of the training phrases with the same consonants (doubled ones counted once) that the phrases use most, so
 * every reader after this one (the emergency patterns, the cues, the classifiers) sees "hvad koster døgnbehandling".
 * Words that are words without vowels ("kr", "tlf", "sms", "ptsd") are kept: those the content lists and those the
 * phrases use often.
 */
export class VowellessWords {
  private readonly abbreviations: ReadonlySet<string>;
  /** Learnt at the first message that needs it: most never do, and the start should not wait for it. */
  private learnt?: { wordOfConsonants: ReadonlyMap<string, string>; kept: ReadonlySet<string> };

  constructor(
    private readonly phrases: () => Iterable<string>,
    abbreviations: readonly string[],
  ) {
    this.abbreviations = new Set(abbreviations.map(fold));
  }

  /** The text with its vowel-less words read as words; the same string where there is none. */
  restored(text: string): string {
    const words = foldedWords(text);
    const vowelless = words.filter((word) => word.length >= SHORT && !VOWEL.test(word) && !this.abbreviations.has(word) && !NOT_LETTERS.test(word));
    if (vowelless.length === 0) return text;
    this.learnt ??= this.learn();
    const { wordOfConsonants, kept } = this.learnt;
    const readable = new Map<string, string>();
    for (const word of vowelless) {
      const reading = kept.has(word) ? undefined : wordOfConsonants.get(consonantsOf(word));
      if (reading !== undefined) readable.set(word, reading);
    }
    if (readable.size === 0) return text;
    const readShort = readable.size > 1 || words.length === 1;
    return text.replace(/\p{L}+/gu, (token) => {
      const folded = fold(token);
      return folded.length > SHORT || readShort ? (readable.get(folded) ?? token) : token;
    });
  }

  private learn(): { wordOfConsonants: ReadonlyMap<string, string>; kept: ReadonlySet<string> } {
    // Lower case is enough: the consonants of "døgnbehandling" and "dognbehandling" are the same.
    const uses = wordUses(this.phrases());
    const kept = new Set<string>();
    const likeliest = new Map<string, [word: string, uses: number]>();
    for (const [word, count] of uses) {
      if (!VOWEL.test(word)) {
        // Used this often, a vowel-less word is a word as it stands ("cpr", "ppl", "tbh").
        if (count >= KNOWN_USES) kept.add(word);
        continue;
      }
      if (count < MIN_WORD_USES) continue;
      const key = consonantsOf(word);
      // Ties go to the word first in alphabetical order, so the reading does not depend on the phrases' order.
      const best = likeliest.get(key);
      if (key.length > 0 && (!best || count > best[1] || (count === best[1] && word < best[0]))) likeliest.set(key, [word, count]);
    }
    return { wordOfConsonants: new Map([...likeliest].map(([key, [word]]) => [key, word])), kept };
  }
}

/** The word's consonants, a doubled one once ("bestemmer" and "bstmr" both give "bstmr"). */
function consonantsOf(word: string): string {
  return word.replace(VOWELS, '').replace(/(.)\1+/g, '$1');
}
