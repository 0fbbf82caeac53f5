import { SoftmaxClassifier } from '../../../src/nlu/softmax-classifier';

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
});
