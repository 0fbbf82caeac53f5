import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { trainingExamples } from '../../../src/nlu/recognizer';
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

  it('keeps what it learnt from the other phrases when one is added: the training order is decided by each phrase, not a shuffle of all', () => {
    // An eighth of the real training phrases, and the next eighth to read with it. With a shuffle of all
    // phrases, adding one changed the reading of 7 of these 758 (and of some 34 regression questions).
    const all = trainingExamples(loadContent(defaultContentDir()));
    const phrases = all.filter((_, index) => index % 8 === 0);
    const unseen = all.filter((_, index) => index % 8 === 1).map(({ text }) => text);
    const before = SoftmaxClassifier.train(phrases);
    const after = SoftmaxClassifier.train([...phrases, { label: 'fees', text: 'hvad koster det at få hjælp til min søn' }]);
    const moved = unseen.filter((text) => before.predict(text)[0].label !== after.predict(text)[0].label);
    expect(moved.length).toBeLessThanOrEqual(unseen.length / 250);
  });
});
