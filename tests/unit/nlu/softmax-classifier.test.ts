import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { trainingExamples } from '../../../src/nlu/recognizer';
import { epochOrders, SoftmaxClassifier } from '../../../src/nlu/softmax-classifier';

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
});
