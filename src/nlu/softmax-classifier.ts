import { z } from 'zod';
import { type SparseVector, TfidfVectorizer } from './tfidf-vectorizer';

export interface LabelledText {
  text: string;
  label: string;
}

export interface Prediction {
  label: string;
  probability: number;
}

/**
 * What a message's words said for the labels they favour most (their part of the label's score: the weights times the
 * normalised TF-IDF, without the bias), the average for every other label, and how much the message said (its TF-IDF
 * vector's length before normalising). Label scores only, rounded, never the words: a conversation keeps it to read a
 * follow-up as if the two messages had been written together.
 */
export const evidenceSchema = z.object({
  /** Label and score, the strongest first. */
  scores: z.array(z.tuple([z.string(), z.number()])),
  rest: z.number(),
  weight: z.number(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** How many labels' scores evidence keeps: the few the words favour most decide a reading; the rest count as their average. */
const EVIDENCE_LABELS = 6;
const round2 = (value: number): number => Math.round(value * 100) / 100;
const NO_LABELS: ReadonlySet<string> = new Set();

/** A message read: its labels ranked, what its words said, and, given an earlier message, the two read together. */
export interface Read {
  predictions: Prediction[];
  evidence: Evidence;
  together?: Prediction[];
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
    return softmax(this.scores(vector));
  }

  /** Each label's score: its bias plus the weights times the vector. */
  private scores(vector: SparseVector): Float64Array {
    const labels = this.labels.length;
    const scores = Float64Array.from(this.bias);
    for (let k = 0; k < vector.indices.length; k++) {
      const base = vector.indices[k] * labels;
      const value = vector.values[k];
      for (let label = 0; label < labels; label++) scores[label] += this.weights[base + label] * value;
    }
    return scores;
  }

  private ranked(probabilities: Float64Array): Prediction[] {
    return this.labels.map((label, index) => ({ label, probability: probabilities[index] })).sort((a, b) => b.probability - a.probability);
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
    return this.ranked(this.probabilities(this.vectorizer.transform(text)));
  }

  /**
   * Every label with its probability, what the message's words said (never for the labels in `unkept`) and, given an
   * earlier message's evidence, the labels as if the earlier message had been written before this one, its words
   * counting `share` as much as they did. For a linear model one text of both is about the two word parts added and
   * normalised together; the length of the two together is taken as if they shared no terms (they often share some,
   * which makes the reading together a little surer than one text of both would be).
   */
  read(text: string, { earlier, unkept = NO_LABELS }: { earlier?: { evidence: Evidence; share: number }; unkept?: ReadonlySet<string> } = {}): Read {
    const vector = this.vectorizer.transform(text);
    const scores = this.scores(vector);
    const own = scores.map((score, label) => score - this.bias[label]);
    const predictions = this.ranked(softmax(scores));
    const evidence = this.evidenceOf(own, vector.norm, unkept);
    // Words the model does not know say nothing to read with the message before ("ok?!", a name); the same message
    // again ("I smoke too much weed" twice) is read as itself: added to itself it would only sound surer.
    if (!earlier || vector.norm === 0 || sameEvidence(earlier.evidence, evidence)) return { predictions, evidence };
    const before = new Map(earlier.evidence.scores);
    const weightBefore = earlier.evidence.weight * earlier.share;
    const length = Math.hypot(vector.norm, weightBefore);
    const joint = this.bias.map((bias, label) => {
      // A label the evidence does not name (not among the few kept, or new since) counts as the rest did.
      const said = before.get(this.labels[label]) ?? earlier.evidence.rest;
      return bias + (own[label] * vector.norm + said * weightBefore) / length;
    });
    return { predictions, evidence, together: this.ranked(softmax(joint)) };
  }

  private evidenceOf(own: Float64Array, weight: number, unkept: ReadonlySet<string>): Evidence {
    const order = [...own.keys()].filter((label) => !unkept.has(this.labels[label])).sort((a, b) => own[b] - own[a]);
    const others = order.slice(EVIDENCE_LABELS);
    const rest = others.length > 0 ? others.reduce((sum, label) => sum + own[label], 0) / others.length : 0;
    return {
      scores: order.slice(0, EVIDENCE_LABELS).map((label) => [this.labels[label], round2(own[label])]),
      rest: round2(rest),
      weight: round2(weight),
    };
  }
}

function softmax(scores: Float64Array): Float64Array {
  const max = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

function sameEvidence(a: Evidence, b: Evidence): boolean {
  return (
    a.weight === b.weight && a.rest === b.rest && a.scores.every(([label, score], index) => b.scores[index]?.[0] === label && b.scores[index][1] === score)
  );
}
