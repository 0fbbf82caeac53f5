import { fold } from '../text/fold';

/**
 * Finds whole-word phrases in folded text. A phrase ending in "*" also matches longer words
 * ("selvmord*" matches "selvmordstanker").
 */
export class PhraseMatcher<T> {
  /** Each phrase as it is searched for in the padded text: " word " whole, " word" as a prefix. */
  private readonly entries: Array<{ needle: string; value: T }> = [];
  /** Whole phrases by their folded text, the first added winning: thousands of training phrases are looked up per message. */
  private readonly whole = new Map<string, T>();

  add(phrase: string, value: T): this {
    const prefix = phrase.endsWith('*');
    const pattern = fold(prefix ? phrase.slice(0, -1) : phrase);
    if (pattern !== '') this.entries.push({ needle: prefix ? ` ${pattern}` : ` ${pattern} `, value });
    if (pattern !== '' && !this.whole.has(pattern)) this.whole.set(pattern, value);
    return this;
  }

  /** Values of every phrase found in the text, in the order the phrases were added. */
  findAll(text: string): T[] {
    const padded = ` ${fold(text)} `;
    const found: T[] = [];
    for (const { needle, value } of this.entries) if (padded.includes(needle)) found.push(value);
    return found;
  }

  /** The value of the first phrase that equals the whole text. */
  exact(text: string): T | undefined {
    return this.whole.get(fold(text));
  }
}
