import { fold } from '../text/fold';

/**
 * Finds whole-word phrases in folded text. A phrase ending in "*" also matches longer words
 * ("selvmord*" matches "selvmordstanker").
 */
export class PhraseMatcher<T> {
  private readonly entries: Array<{ pattern: string; prefix: boolean; value: T }> = [];
  /** Whole phrases by their folded text, the first added winning: thousands of training phrases are looked up per message. */
  private readonly whole = new Map<string, T>();

  add(phrase: string, value: T): this {
    const prefix = phrase.endsWith('*');
    const pattern = fold(prefix ? phrase.slice(0, -1) : phrase);
    if (pattern !== '') this.entries.push({ pattern, prefix, value });
    if (pattern !== '' && !this.whole.has(pattern)) this.whole.set(pattern, value);
    return this;
  }

  /** Values of every phrase found in the text, in the order the phrases were added. */
  findAll(text: string): T[] {
    const padded = ` ${fold(text)} `;
    return this.entries
      .filter(({ pattern, prefix }) => padded.includes(prefix ? ` ${pattern}` : ` ${pattern} `))
      .map(({ value }) => value);
  }

  /** The value of the first phrase that equals the whole text. */
  exact(text: string): T | undefined {
    return this.whole.get(fold(text));
  }
}
