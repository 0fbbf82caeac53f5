import { BackedOffClassifier, type TopicReader } from '../../../src/nlu/backed-off-classifier';
import type { Evidence, Prediction } from '../../../src/nlu/softmax-classifier';

/** A topic model that reads every text the same way, and counts how often it was asked. */
function fixedReader(ranking: Array<[string, number]>): TopicReader & { asked: number } {
  const predictions: Prediction[] = ranking.map(([label, probability]) => ({ label, probability }));
  const evidence: Evidence = { scores: [[ranking[0][0], 1]], rest: 0, weight: 1 };
  const reader = {
    asked: 0,
    predict: () => {
      reader.asked += 1;
      return predictions;
    },
    read: () => {
      reader.asked += 1;
      return { predictions, evidence };
    },
  };
  return reader;
}

const EARLIER = { evidence: { scores: [['fees', 1]] as Array<[string, number]>, rest: 0, weight: 1 }, share: 0.5 };

describe('BackedOffClassifier', () => {
  it("keeps the first model's reading where it is sure, without asking the second", () => {
    const first = fixedReader([
      ['detox', 0.7],
      ['residential', 0.3],
    ]);
    const second = fixedReader([
      ['residential', 0.9],
      ['detox', 0.1],
    ]);
    const classifier = new BackedOffClassifier(first, second, 0.45);
    expect(classifier.predict('hvad er afgiftning').map(({ label }) => label)).toEqual(['detox', 'residential']);
    expect(classifier.read('hvad er afgiftning').predictions[0]).toEqual({ label: 'detox', probability: 0.7 });
    expect(second.asked).toBe(0);
  });

  it('averages the two readings where the first is unsure, keeping its evidence', () => {
    const first = fixedReader([
      ['get_help', 0.4],
      ['young', 0.35],
      ['fees', 0.25],
    ]);
    const second = fixedReader([
      ['young', 0.8],
      ['get_help', 0.2],
    ]);
    const classifier = new BackedOffClassifier(first, second, 0.45);
    const read = classifier.read('hvad kan han få af hjælp');
    expect(read.predictions.map(({ label, probability }) => [label, Number(probability.toFixed(3))])).toEqual([
      ['young', 0.575],
      ['get_help', 0.3],
      ['fees', 0.125],
    ]);
    expect(read.evidence.scores[0][0]).toBe('get_help');
    expect(classifier.predict('hvad kan han få af hjælp')[0].label).toBe('young');
  });

  it('counts a reading exactly at the threshold as sure, and judges sureness by topics, not an emergency', () => {
    const second = fixedReader([['residential', 0.9]]);
    const atThreshold = new BackedOffClassifier(
      fixedReader([
        ['detox', 0.45],
        ['residential', 0.55 - 0.45],
      ]),
      second,
      0.45,
    );
    expect(atThreshold.predict('afgiftning')[0].label).toBe('detox');
    const crisisFirst = new BackedOffClassifier(
      fixedReader([
        ['crisis', 0.5],
        ['detox', 0.3],
        ['residential', 0.2],
      ]),
      second,
      0.45,
    );
    expect(crisisFirst.predict('afgiftning')[0].label).toBe('residential');
    expect(second.asked).toBe(1);
  });

  it('reads a follow-up with the first model alone, as the second never learnt conversations', () => {
    const first = fixedReader([
      ['get_help', 0.4],
      ['young', 0.35],
    ]);
    const second = fixedReader([['young', 0.9]]);
    const classifier = new BackedOffClassifier(first, second, 0.45);
    expect(classifier.read('og hvad så?', { earlier: EARLIER }).predictions[0].label).toBe('get_help');
    expect(second.asked).toBe(0);
  });
});
