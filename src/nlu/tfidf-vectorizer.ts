import { foldedWords } from '../text/fold';

export interface SparseVector {
  /** Ascending. */
  indices: Int32Array;
  values: Float64Array;
  /** The vector's length before normalising: how much the text said. */
  norm: number;
}

export const MIN_GRAM = 3;
export const MAX_GRAM = 5;

/**
 * Character 3–5-grams inside each word (with boundary marks), plus whole words. Character grams
 * tolerate typos and split Danish compounds ("pårørendegruppe" shares grams with "pårørende").
 */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const word of foldedWords(text)) {
    terms.push(`w:${word}`);
    const padded = ` ${word} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let start = 0; start + n <= padded.length; start++) terms.push(padded.slice(start, start + n));
    }
  }
  return terms;
}

/** TF-IDF with sublinear term frequency and L2 normalisation; terms unseen in training are ignored. */
export class TfidfVectorizer {
  /** Counts by term index, all zero between calls (a message's few hundred terms are counted in place, not in a map). */
  private counts?: Int32Array;
  /**
   * The vocabulary indices of a word's terms, by the index of the word itself: only words the vocabulary
   * holds are kept, and by number, so no string cut from a user's message (which may share its memory)
   * outlives the turn. Most words of a message are common ones, cut into grams once.
   */
  private readonly knownWords = new Map<number, readonly number[]>();

  private constructor(
    private readonly vocabulary: ReadonlyMap<string, number>,
    private readonly idf: Float64Array,
  ) {}

  static fit(documents: readonly string[]): TfidfVectorizer {
    const documentFrequency = new Map<string, number>();
    for (const document of documents) {
      for (const term of new Set(termsOf(document))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    const vocabulary = new Map<string, number>();
    const idf: number[] = [];
    for (const [term, frequency] of [...documentFrequency].sort(([a], [b]) => (a < b ? -1 : 1))) {
      vocabulary.set(term, idf.length);
      idf.push(Math.log((1 + documents.length) / (1 + frequency)) + 1);
    }
    return new TfidfVectorizer(vocabulary, Float64Array.from(idf));
  }

  get size(): number {
    return this.idf.length;
  }

  /** The terms in index order and their weights, to store a trained vectorizer. */
  parts(): { terms: string[]; idf: Float64Array } {
    return { terms: [...this.vocabulary.keys()], idf: this.idf };
  }

  static fromParts(terms: readonly string[], idf: Float64Array): TfidfVectorizer {
    const vocabulary = new Map<string, number>();
    terms.forEach((term, index) => vocabulary.set(term, index));
    return new TfidfVectorizer(vocabulary, idf);
  }

  /** The terms of `termsOf` counted by vocabulary index, without building the terms of a word the vocabulary holds again. */
  transform(text: string): SparseVector {
    this.counts ??= new Int32Array(this.idf.length);
    const counts = this.counts;
    const found: number[] = [];
    let indices: Int32Array;
    let values: Float64Array;
    try {
      for (const word of foldedWords(text)) {
        for (const index of this.featuresOf(word)) if (counts[index]++ === 0) found.push(index);
      }
      // Typed arrays filled by plain loops and sorted natively: with a comparator, or `from` with a mapping function,
      // a long message's terms cost more to order and weigh than to count.
      indices = new Int32Array(found.length);
      for (let k = 0; k < found.length; k++) indices[k] = found[k];
      indices.sort();
      values = new Float64Array(indices.length);
      for (let k = 0; k < indices.length; k++) {
        const count = counts[indices[k]];
        values[k] = (count === 1 ? 1 : 1 + Math.log(count)) * this.idf[indices[k]];
      }
    } finally {
      // The scratch counts are shared by every call: whatever happened, they are all zero again.
      for (const index of found) counts[index] = 0;
    }
    const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
    if (norm > 0) for (let k = 0; k < values.length; k++) values[k] /= norm;
    return { indices, values, norm };
  }

  private featuresOf(word: string): readonly number[] {
    const whole = this.vocabulary.get(`w:${word}`);
    const known = whole === undefined ? undefined : this.knownWords.get(whole);
    if (known) return known;
    const features: number[] = [];
    if (whole !== undefined) features.push(whole);
    const padded = ` ${word} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let start = 0; start + n <= padded.length; start++) {
        const index = this.vocabulary.get(padded.slice(start, start + n));
        if (index !== undefined) features.push(index);
      }
    }
    if (whole !== undefined) this.knownWords.set(whole, features);
    return features;
  }
}
