export type Who = 'self' | 'relative' | 'professional';
export type AgeGroup = 'under13' | 'teen' | 'adult';
export type Substance = 'drugs' | 'alcohol' | 'both';

export interface GuideAnswers {
  who: Who;
  age?: AgeGroup;
  substance?: Substance;
  inTreatment?: boolean;
  anonymous?: boolean;
}

export type GuideResult = 'staff' | 'in_treatment' | 'relative' | 'relative_young' | 'child' | 'alcohol' | 'anonymous' | 'outpatient' | 'outpatient_alcohol';

/** The topic each result leads on to, for its source and its buttons. */
export const RESULT_TOPIC: Record<GuideResult, string> = {
  staff: 'staff_referral',
  in_treatment: 'treatment_plan',
  relative: 'relatives',
  relative_young: 'young',
  child: 'get_help',
  alcohol: 'alcohol',
  anonymous: 'counselling',
  outpatient: 'outpatient',
  outpatient_alcohol: 'outpatient',
};

/** Whether the guide still needs to ask about anonymity: only people asking for themselves, not yet in treatment. */
export function needsAnonymityQuestion(answers: GuideAnswers): boolean {
  return answers.who === 'self' && answers.inTreatment === false && answers.age !== 'under13';
}

/**
 * The offer that fits, from the quality standard: Pitstop treats from age 13; anyone, whatever their
 * age, can go to the abuse team; alcohol is treated under the Health Act; anonymous counselling is
 * for users, relatives and professionals alike.
 */
export function recommendOffer(answers: GuideAnswers): GuideResult {
  if (answers.who === 'professional') return 'staff';
  if (answers.who === 'relative') return answers.age === 'adult' || answers.age === undefined ? 'relative' : 'relative_young';
  if (answers.inTreatment) return 'in_treatment';
  if (answers.age === 'under13') return 'child';
  if (answers.substance === 'alcohol') return 'alcohol';
  if (answers.anonymous) return 'anonymous';
  return answers.substance === 'both' ? 'outpatient_alcohol' : 'outpatient';
}
