import { fold } from '../text/fold';

const NOT_LETTERS = /[^\p{L}]+/u;
/** Uses that make a word one of the language rather than someone's typo: "ambulance" is used dozens of times, "afgifning" once. */
const KNOWN_USES = 3;

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
    // Lower case first and each distinct word folded once: folding every phrase whole would take far longer.
    const uses = new Map<string, number>();
    for (const text of this.texts()) {
      for (const word of text.toLowerCase().split(NOT_LETTERS)) if (word !== '') uses.set(word, (uses.get(word) ?? 0) + 1);
    }
    const folded = new Map<string, number>();
    for (const [word, count] of uses) {
      const key = fold(word);
      folded.set(key, (folded.get(key) ?? 0) + count);
    }
    return new Set([...folded].filter(([, count]) => count >= KNOWN_USES).map(([word]) => word));
  }
}
