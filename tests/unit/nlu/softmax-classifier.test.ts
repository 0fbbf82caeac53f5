import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { trainingExamples } from '../../../src/nlu/recognizer';
import { type Evidence, epochOrders, SoftmaxClassifier } from '../../../src/nlu/softmax-classifier';

const examples = [
  { text: 'hvad koster det', label: 'fees' },
  { text: 'er det gratis', label: 'fees' },
  { text: 'skal jeg betale', label: 'fees' },
  { text: 'hvordan klager jeg', label: 'complaints' },
  { text: 'jeg vil klage over en afgørelse', label: 'complaints' },
  { text: 'klagefrist', label: 'complaints' },
];

describe('SoftmaxClassifier', () => {
  it('ranks the label whose examples a message resembles first', () => {
    const classifier = SoftmaxClassifier.train(examples);
    expect(classifier.predict('hvad skal jeg betale')[0].label).toBe('fees');
    expect(classifier.predict('kan jeg klage')[0].label).toBe('complaints');
  });

  it('returns probabilities that sum to one', () => {
    const total = SoftmaxClassifier.train(examples)
      .predict('noget helt andet')
      .reduce((sum, prediction) => sum + prediction.probability, 0);
    expect(total).toBeCloseTo(1, 10);
  });

  it('trains the same model every time', () => {
    const first = SoftmaxClassifier.train(examples).predict('klage betale');
    const second = SoftmaxClassifier.train(examples).predict('klage betale');
    expect(second).toEqual(first);
  });

  it('orders each epoch by the phrases themselves: adding one leaves the order of all the others as it was', () => {
    // With a shuffle of all phrases, one more reordered every epoch, and with it where training ended: one added
    // phrase moved some 34 unrelated regression answers; with this order, 0-3.
    const phrases = trainingExamples(loadContent(defaultContentDir())).slice(0, 2000);
    const added = { label: 'fees', text: 'hvad koster det at få hjælp til min søn' };
    const [orderBefore, orderAfter] = [epochOrders(phrases, 7), epochOrders([...phrases.slice(0, 1000), added, ...phrases.slice(1000)], 7)];
    // The same phrases in the list with one more: index 1000 is the new one, the rest move up by one.
    const asBefore = (index: number) => (index < 1000 ? index : index - 1);
    for (const epoch of [0, 1, 39]) {
      expect(
        orderAfter(epoch)
          .filter((index) => index !== 1000)
          .map(asBefore),
      ).toEqual(orderBefore(epoch));
      expect(orderAfter(epoch)).toContain(1000);
    }
    // ...and each epoch and seed has its own order.
    expect(orderBefore(1)).not.toEqual(orderBefore(0));
    expect(epochOrders(phrases, 8)(0)).not.toEqual(orderBefore(0));
  });

  describe('reading a message together with the one before', () => {
    const classifier = SoftmaxClassifier.train([
      ...examples,
      { text: 'hvad sker der bagefter', label: 'aftercare' },
      { text: 'efterbehandling når man er færdig', label: 'aftercare' },
      { text: 'ringer de til mig bagefter', label: 'aftercare' },
      ...['døgnbehandling', 'afgiftning', 'dagbehandling', 'ambulant behandling', 'substitution med metadon', 'projekt giv for unge'].map((text, index) => ({
        text,
        label: `kind${index}`,
      })),
    ]);
    const complaint = classifier.read('jeg vil klage over en afgørelse').evidence;

    it('reads an unclear follow-up as one text with a message before it that was clear', () => {
      const { predictions, together } = classifier.read('hvad gør jeg nu', { earlier: { evidence: complaint, share: 1 } });
      expect(predictions[0].label).not.toBe('complaints');
      expect(together?.[0].label).toBe('complaints');
    });

    it("lets the follow-up's own question win where it asks one ('what does it cost?' after a complaint)", () => {
      expect(classifier.read('hvad koster det', { earlier: { evidence: complaint, share: 0.67 } }).together?.[0].label).toBe('fees');
    });

    it('reads the follow-up as it reads it alone where the message before counts for nothing', () => {
      const { predictions, together } = classifier.read('ringer de til mig', { earlier: { evidence: complaint, share: 0 } });
      expect(together?.map(({ label }) => label)).toEqual(predictions.map(({ label }) => label));
      together?.forEach(({ probability }, index) => expect(probability).toBeCloseTo(predictions[index].probability, 10));
    });

    it('reads nothing together where the follow-up says nothing the model knows, or repeats the message before', () => {
      expect(classifier.read('qwxz', { earlier: { evidence: complaint, share: 1 } }).together).toBeUndefined();
      expect(classifier.read('jeg vil klage over en afgørelse', { earlier: { evidence: complaint, share: 1 } }).together).toBeUndefined();
    });

    it('counts a label the evidence does not name (not kept, or new in the model) as the rest', () => {
      const readWith = (evidence: Evidence) => classifier.read('hvad gør jeg nu', { earlier: { evidence, share: 1 } }).together;
      const [label] = complaint.scores[complaint.scores.length - 1];
      const withoutIt = { ...complaint, scores: complaint.scores.slice(0, -1) };
      const withItAsTheRest = { ...complaint, scores: [...withoutIt.scores, [label, complaint.rest] as [string, number]] };
      expect(readWith(withoutIt)).toEqual(readWith(withItAsTheRest));
      expect(readWith(withItAsTheRest)).not.toEqual(readWith(complaint));
    });

    it('keeps of a message only its six strongest labels, rounded, its rest and weight: no word, and never an unkept label', () => {
      expect(classifier.labels.length).toBeGreaterThan(8);
      const { evidence } = classifier.read('Kanariefugl vil klage over kommunen', { unkept: new Set(['complaints']) });
      expect(evidence.scores).toHaveLength(6);
      expect(evidence.scores.map(([label]) => label)).not.toContain('complaints');
      expect(evidence.rest).not.toBe(0);
      for (const value of [evidence.rest, evidence.weight, ...evidence.scores.map(([, score]) => score)])
        expect(Math.round(value * 100)).toBeCloseTo(value * 100, 8);
      expect(Object.keys(evidence).sort()).toEqual(['rest', 'scores', 'weight']);
      // What a conversation stores is the evidence as JSON: read back, it reads the follow-up the same.
      const stored = JSON.parse(JSON.stringify(complaint));
      expect(classifier.read('hvad gør jeg nu', { earlier: { evidence: stored, share: 1 } }).together).toEqual(
        classifier.read('hvad gør jeg nu', { earlier: { evidence: complaint, share: 1 } }).together,
      );
    });
  });
});
