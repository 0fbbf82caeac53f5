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

const DEFAULT_OPTIONS: TrainingOptions = { epochs: 40, learningRate: 0.6, decay: 0.00005, l2: 1e-5, seed: 20180101 };

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
    const classifier = new SoftmaxClassifier(
      vectorizer,
      labels,
      new Float64Array(labels.length * vectorizer.size),
      new Float64Array(labels.length),
    );
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

  private sgdStep(vector: SparseVector, target: number, rate: number, l2: number): void {
    const probabilities = this.probabilities(vector);
    const size = this.vectorizer.size;
    for (let label = 0; label < this.labels.length; label++) {
      const gradient = probabilities[label] - (label === target ? 1 : 0);
      const row = label * size;
      for (let k = 0; k < vector.indices.length; k++) {
        const at = row + vector.indices[k];
        this.weights[at] -= rate * (gradient * vector.values[k] + l2 * this.weights[at]);
      }
      this.bias[label] -= rate * gradient;
    }
  }

  private probabilities(vector: SparseVector): Float64Array {
    const size = this.vectorizer.size;
    const scores = new Float64Array(this.labels.length);
    for (let label = 0; label < this.labels.length; label++) {
      let score = this.bias[label];
      const row = label * size;
      for (let k = 0; k < vector.indices.length; k++) score += this.weights[row + vector.indices[k]] * vector.values[k];
      scores[label] = score;
    }
    const max = Math.max(...scores);
    let total = 0;
    for (let label = 0; label < scores.length; label++) {
      scores[label] = Math.exp(scores[label] - max);
      total += scores[label];
    }
    return scores.map((score) => score / total);
  }

  /** Every label with its probability, most likely first. */
  predict(text: string): Prediction[] {
    const probabilities = this.probabilities(this.vectorizer.transform(text));
    return this.labels
      .map((label, index) => ({ label, probability: probabilities[index] }))
      .sort((a, b) => b.probability - a.probability);
  }
}
