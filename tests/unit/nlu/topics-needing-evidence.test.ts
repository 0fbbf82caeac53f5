import type { TopicReader } from '../../../src/nlu/backed-off-classifier';
import type { Evidence, Prediction } from '../../../src/nlu/softmax-classifier';
import { TopicsNeedingEvidence } from '../../../src/nlu/topics-needing-evidence';

/** A topic model that reads every text the same way. */
function fixedReader(ranking: Array<[string, number]>): TopicReader {
  const predictions: Prediction[] = ranking.map(([label, probability]) => ({ label, probability }));
  const evidence: Evidence = { scores: [[ranking[0][0], 1]], rest: 0, weight: 1 };
  return { predict: () => predictions, read: () => ({ predictions, evidence }) };
}

const READER = fixedReader([
  ['pregnant_children', 0.41],
  ['young', 0.32],
  ['what_is_abuse', 0.08],
]);
const CUES = { pregnant_children: ['gravid*', 'børn*', 'alenemor'] };
const EARLIER = { evidence: { scores: [['young', 1]] as Array<[string, number]>, rest: 0, weight: 1 }, share: 0.5 };
const labels = (predictions: Prediction[]) => predictions.map(({ label }) => label);

describe('TopicsNeedingEvidence', () => {
  it("drops a topic from a first message's reading that names none of its evidence, keeping the others' probabilities", () => {
    const reader = new TopicsNeedingEvidence(READER, CUES);
    expect(reader.read('jeg er 24 og ryger hash dagligt og tager coke i weekenderne').predictions).toEqual([
      { label: 'young', probability: 0.32 },
      { label: 'what_is_abuse', probability: 0.08 },
    ]);
  });

  it('keeps the topic where the message names its evidence, folded and as the start of a longer word', () => {
    const reader = new TopicsNeedingEvidence(READER, CUES);
    expect(labels(reader.read('jeg er gravid i 4. maaned og ryger hash').predictions)[0]).toBe('pregnant_children');
    expect(labels(reader.read('vi har to boern og jeg drikker').predictions)[0]).toBe('pregnant_children');
    expect(labels(reader.read('jeg er alenemor og tager piller').predictions)[0]).toBe('pregnant_children');
  });

  it("keeps a later message's reading, whose evidence may have been given before, and a sentence read alone", () => {
    const reader = new TopicsNeedingEvidence(READER, CUES);
    expect(labels(reader.read('kan jeg få hjælp uden at miste hende', { earlier: EARLIER }).predictions)[0]).toBe('pregnant_children');
    expect(labels(reader.predict('kan jeg få hjælp uden at miste hende'))[0]).toBe('pregnant_children');
  });
});
