import { CRISIS_LABEL } from '../../../src/content/content-schema';
import type { CrisisExample } from '../../../src/content/crisis-schema';
import { crisisTrainingExamples, worryTrainingExamples } from '../../../src/nlu/crisis-classifier';

const example = (text: string, tier: CrisisExample['tier']): CrisisExample => ({ text, language: 'da', tier, suicide: false, poisoning: false, round: 1 });

const content = {
  crisisExamples: [example('han trækker ikke vejret', 'acute'), example('jeg skar i mig selv sidste år', 'concern'), example('jeg er død af grin', 'none')],
  examples: {
    da: { [CRISIS_LABEL]: ['jeg vil dø'], detox: ['hvad er afgiftning'] },
    en: { [CRISIS_LABEL]: ['i want to die'], detox: ['what is detox'] },
  },
  learnt: { fees: ['hvad koster det'], none: ['hej'] },
};

describe('What the two emergency models learn', () => {
  it('the first learns emergencies against everything else, a concern among the rest', () => {
    expect(crisisTrainingExamples(content)).toEqual([
      { text: 'han trækker ikke vejret', label: 'acute' },
      { text: 'jeg skar i mig selv sidste år', label: 'other' },
      { text: 'jeg er død af grin', label: 'other' },
      { text: 'jeg vil dø', label: 'acute' },
      { text: 'hvad er afgiftning', label: 'other' },
      { text: 'i want to die', label: 'acute' },
      { text: 'what is detox', label: 'other' },
    ]);
  });

  it('the second learns emergencies and concerns alike as worrying, against near-misses, phrases and every learnt question', () => {
    expect(worryTrainingExamples(content)).toEqual([
      { text: 'han trækker ikke vejret', label: 'worrying' },
      { text: 'jeg skar i mig selv sidste år', label: 'worrying' },
      { text: 'jeg er død af grin', label: 'other' },
      { text: 'jeg vil dø', label: 'worrying' },
      { text: 'hvad er afgiftning', label: 'other' },
      { text: 'i want to die', label: 'worrying' },
      { text: 'what is detox', label: 'other' },
      { text: 'hvad koster det', label: 'other' },
      { text: 'hej', label: 'other' },
    ]);
  });
});
