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

/** A small seeded generator, so training (and with it every answer) is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffledOrder(length: number, random: () => number): number[] {
  const order = Array.from({ length }, (_, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Multinomial logistic regression over TF-IDF features, trained with seeded SGD. */
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
    const random = mulberry32(seed);
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const index of shuffledOrder(vectors.length, random)) {
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
