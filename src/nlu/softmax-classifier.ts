import { type SparseVector, TfidfVectorizer } from './tfidf-vectorizer';

export interface LabelledText {
  text: string;
  label: string;
}

export interface Prediction {
  label: string;
  probability: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** The rate falls as learningRate / (1 + decay × step). */
  decay: number;
  l2: number;
  seed: number;
}

export const DEFAULT_OPTIONS: TrainingOptions = { epochs: 40, learningRate: 0.6, decay: 0.00005, l2: 1e-5, seed: 20180101 };

/** A 32-bit FNV-1a hash of a string, as the start of an example's place in every epoch's order. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Mixes two 32-bit numbers into a well-spread one (a murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Each epoch's order of the examples, seeded and decided by each example's own text: adding or
 * removing one example moves only that one, where a shuffle would reorder them all and, with them,
 * where training ends (one added phrase used to change some 34 unrelated regression answers).
 */
export function epochOrders(examples: readonly LabelledText[], seed: number): (epoch: number) => number[] {
  const keys = examples.map(({ text, label }) => hashOf(`${label}\u0000${text}`));
  return (epoch) => {
    const salt = mix(seed, epoch);
    const ranks = keys.map((key, index) => ({ index, rank: mix(key, salt) }));
    return ranks.sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ index }) => index);
  };
}

/** Multinomial logistic regression over TF-IDF features, trained with seeded SGD in an order each example's text decides. */
export class SoftmaxClassifier {
  private constructor(
    private readonly vectorizer: TfidfVectorizer,
    readonly labels: readonly string[],
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
  ) {}

  static train(examples: readonly LabelledText[], options: Partial<TrainingOptions> = {}): SoftmaxClassifier {
    const { epochs, learningRate, decay, l2, seed } = { ...DEFAULT_OPTIONS, ...options };
    const vectorizer = TfidfVectorizer.fit(examples.map((example) => example.text));
    const labels = [...new Set(examples.map((example) => example.label))].sort();
    const labelIndex = new Map(labels.map((label, index) => [label, index]));
    const vectors = examples.map((example) => vectorizer.transform(example.text));
    const targets = examples.map((example) => labelIndex.get(example.label) ?? 0);
    const classifier = new SoftmaxClassifier(vectorizer, labels, new Float64Array(labels.length * vectorizer.size), new Float64Array(labels.length));
    const orderOf = epochOrders(examples, seed);
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const index of orderOf(epoch)) {
        const rate = learningRate / (1 + decay * step++);
        classifier.sgdStep(vectors[index], targets[index], rate, l2);
      }
    }
    return classifier;
  }

  // Weights are stored feature by feature (feature × labels + label): a message's few hundred
  // features each touch one short run of memory instead of one entry in every label's long row.
  private sgdStep(vector: SparseVector, target: number, rate: number, l2: number): void {
    const probabilities = this.probabilities(vector);
    const labels = this.labels.length;
    const gradients = probabilities.map((probability, label) => probability - (label === target ? 1 : 0));
    for (let k = 0; k < vector.indices.length; k++) {
      const base = vector.indices[k] * labels;
      const value = vector.values[k];
      for (let label = 0; label < labels; label++) {
        const at = base + label;
        this.weights[at] -= rate * (gradients[label] * value + l2 * this.weights[at]);
      }
    }
    for (let label = 0; label < labels; label++) this.bias[label] -= rate * gradients[label];
  }

  private probabilities(vector: SparseVector): Float64Array {
    const labels = this.labels.length;
    const scores = Float64Array.from(this.bias);
    for (let k = 0; k < vector.indices.length; k++) {
      const base = vector.indices[k] * labels;
      const value = vector.values[k];
      for (let label = 0; label < labels; label++) scores[label] += this.weights[base + label] * value;
    }
    const max = Math.max(...scores);
    let total = 0;
    for (let label = 0; label < scores.length; label++) {
      scores[label] = Math.exp(scores[label] - max);
      total += scores[label];
    }
    return scores.map((score) => score / total);
  }

  /**
   * The trained model as bytes: a JSON header (labels, terms) and the numbers as 64-bit floats, so a
   * model read back predicts exactly what it did when trained.
   */
  toBuffer(): Buffer {
    const { terms, idf } = this.vectorizer.parts();
    const header = Buffer.from(JSON.stringify({ labels: this.labels, terms }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    // The floats start at a multiple of 8 so they can be read in place.
    const padding = Buffer.alloc((8 - ((4 + header.length) % 8)) % 8);
    return Buffer.concat([
      length,
      header,
      padding,
      ...[idf, this.weights, this.bias].map((array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength)),
    ]);
  }

  static fromBuffer(bytes: Buffer): SoftmaxClassifier {
    const headerLength = bytes.readUInt32LE(0);
    const { labels, terms } = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as { labels: string[]; terms: string[] };
    const start = 4 + headerLength + ((8 - ((4 + headerLength) % 8)) % 8);
    // Read in place where the bytes are aligned (a whole file read is), else copied once.
    const aligned = (bytes.byteOffset + start) % 8 === 0 && (bytes.length - start) % 8 === 0;
    const floats = aligned
      ? new Float64Array(bytes.buffer, bytes.byteOffset + start, (bytes.length - start) / 8)
      : new Float64Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.length));
    const sizes = [terms.length, terms.length * labels.length, labels.length];
    if (floats.length !== sizes[0] + sizes[1] + sizes[2]) throw new Error('A stored model of the wrong size');
    const idf = floats.subarray(0, sizes[0]);
    const weights = floats.subarray(sizes[0], sizes[0] + sizes[1]);
    const bias = floats.subarray(sizes[0] + sizes[1]);
    return new SoftmaxClassifier(TfidfVectorizer.fromParts(terms, idf), labels, weights, bias);
  }

  /** Every label with its probability, most likely first. */
  predict(text: string): Prediction[] {
    const probabilities = this.probabilities(this.vectorizer.transform(text));
    return this.labels.map((label, index) => ({ label, probability: probabilities[index] })).sort((a, b) => b.probability - a.probability);
  }
}
