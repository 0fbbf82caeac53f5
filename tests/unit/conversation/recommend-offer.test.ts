import { needsAnonymityQuestion, RESULT_TOPIC, recommendOffer } from '../../../src/conversation/recommend-offer';
import { sharedNlu } from '../../helpers/test-app';

describe('recommendOffer', () => {
  it('sends professionals to referral and counselling for staff', () => {
    expect(recommendOffer({ who: 'professional' })).toBe('staff');
  });

  it('offers relatives their own help, with the youth facts for a young person', () => {
    expect(recommendOffer({ who: 'relative', age: 'adult', substance: 'drugs' })).toBe('relative');
    expect(recommendOffer({ who: 'relative', age: 'teen', substance: 'alcohol' })).toBe('relative_young');
    expect(recommendOffer({ who: 'relative', age: 'under13', substance: 'drugs' })).toBe('relative_young');
  });

  it('points someone already in treatment to the plan, aftercare and complaints', () => {
    expect(recommendOffer({ who: 'self', age: 'adult', substance: 'drugs', inTreatment: true })).toBe('in_treatment');
  });

  it('sends children under 13 to the abuse team, since Pitstop treats from 13', () => {
    expect(recommendOffer({ who: 'self', age: 'under13', substance: 'drugs' })).toBe('child');
  });

  it('chooses alcohol treatment, anonymous counselling or outpatient treatment', () => {
    expect(recommendOffer({ who: 'self', age: 'adult', substance: 'alcohol', inTreatment: false, anonymous: true })).toBe('alcohol');
    expect(recommendOffer({ who: 'self', age: 'teen', substance: 'drugs', inTreatment: false, anonymous: true })).toBe('anonymous');
    expect(recommendOffer({ who: 'self', age: 'teen', substance: 'drugs', inTreatment: false, anonymous: false })).toBe('outpatient');
    expect(recommendOffer({ who: 'self', age: 'adult', substance: 'both', inTreatment: false, anonymous: false })).toBe('outpatient_alcohol');
  });

  it('asks about anonymity only of people asking for themselves who are not in treatment', () => {
    expect(needsAnonymityQuestion({ who: 'self', age: 'adult', inTreatment: false })).toBe(true);
    expect(needsAnonymityQuestion({ who: 'self', age: 'adult', inTreatment: true })).toBe(false);
    expect(needsAnonymityQuestion({ who: 'relative', age: 'adult' })).toBe(false);
  });

  it('leads every result to a content topic with a result text in both languages', () => {
    const { content } = sharedNlu();
    for (const [result, topicId] of Object.entries(RESULT_TOPIC)) {
      expect(content.topicById.has(topicId)).toBe(true);
      expect(Object.keys((content.locales.da.guide as { results: object }).results)).toContain(result);
    }
  });
});
