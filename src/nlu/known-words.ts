import { fold } from '../text/fold';

/** What separates words: anything but letters. */
export const NOT_LETTERS = /[^\p{L}]+/u;
/**
 * Uses that make a word one of the language rather than someone's slip: "ambulance" is used dozens of times, "afgifning"
 * once; a vowel-less "cpr" is a word as it stands.
 */
export const KNOWN_USES = 3;

/**
 * How often each word is used in the texts, in lower case: folding tens of thousands of texts whole would take about
 * three times as long, and for most uses the case is the only difference that matters.
 */
export function wordUses(texts: Iterable<string>): Map<string, number> {
  const uses = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(NOT_LETTERS)) if (word !== '') uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  return uses;
}

/**
 * The words the phrases and examples use often enough to be words in their own right, folded: a word one letter from
 * a subject's name ("ambulance" beside "ambulante") is no typo of it. Counted at the first look, so the start does not
 * wait.
 */
export class KnownWords {
  private known?: ReadonlySet<string>;

  constructor(private readonly texts: () => Iterable<string>) {}

  has(foldedWord: string): boolean {
    this.known ??= this.count();
    return this.known.has(foldedWord);
  }

  private count(): ReadonlySet<string> {
    // Each distinct word folded once.
    const folded = new Map<string, number>();
    for (const [word, count] of wordUses(this.texts())) {
      const key = fold(word);
      folded.set(key, (folded.get(key) ?? 0) + count);
    }
    return new Set([...folded].filter(([, count]) => count >= KNOWN_USES).map(([word]) => word));
  }
}
