/**
 * Chooses the classifier's settings without touching the held-out set: k-fold cross-validation over
 * the training phrases, reporting each setting's right/clarified/missed/wrong rates.
 * Run: npm run tune:nlu
 */

import { defaultContentDir } from '../src/base/project-paths';
import { loadContent } from '../src/content/load-content';
import { decideIntent, THRESHOLDS, type Thresholds, trainingExamples } from '../src/nlu/recognizer';
import { type LabelledText, type Prediction, SoftmaxClassifier, type TrainingOptions } from '../src/nlu/softmax-classifier';
import { type Outcome, outcomeOf } from '../src/review/evaluate-recognizer';

const FOLDS = 5;
interface Scored {
  label: string;
  words: number;
  predictions: Prediction[];
}
const examples = trainingExamples(loadContent(defaultContentDir()));

function foldPredictions(options: Partial<TrainingOptions>): Scored[] {
  const out: Scored[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train: LabelledText[] = examples.filter((_, index) => index % FOLDS !== fold);
    const test = examples.filter((_, index) => index % FOLDS === fold);
    const classifier = SoftmaxClassifier.train(train, options);
    for (const example of test) out.push({ label: example.label, words: example.text.split(/\s+/).length, predictions: classifier.predict(example.text) });
  }
  return out;
}

function rates(scored: Scored[], thresholds: Thresholds): string {
  const counts: Record<Outcome, number> = { answered_right: 0, clarified: 0, missed: 0, confidently_wrong: 0 };
  for (const { label, predictions } of scored.filter((s) => s.words >= 4)) counts[outcomeOf(decideIntent(predictions, thresholds), [label])]++;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const pct = (n: number): string => `${((100 * n) / total).toFixed(1)}%`;
  return `right ${pct(counts.answered_right)}  clarified ${pct(counts.clarified)}  missed ${pct(counts.missed)}  wrong ${pct(counts.confidently_wrong)}`;
}

const settings: Array<Partial<TrainingOptions>> = [{}, { decay: 0.0005 }, { epochs: 80 }];
const grid: Array<Partial<Thresholds>> = [{}, { answer: 0.55, margin: 0.25 }, { answer: 0.35, margin: 0.1 }];
console.log(`${examples.length} training phrases, ${FOLDS}-fold cross-validation`);
for (const setting of settings) {
  const scored = foldPredictions(setting);
  for (const partial of grid) {
    console.log(`${JSON.stringify(setting).padEnd(36)} ${JSON.stringify(partial).padEnd(32)} ${rates(scored, { ...THRESHOLDS, ...partial })}`);
  }
}
