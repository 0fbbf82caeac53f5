import { ageGroupOf } from '../../../src/nlu/age-group';

describe('the age group a message gives', () => {
  it.each([
    ['min søn på 17 ryger hash', 'young'],
    ['jeg er 15', 'young'],
    ['16-årig pige', 'young'],
    ["she's 14 years old", 'young'],
    ['my son is 16', 'young'],
    ['hun er 12 år', 'child'],
    ["I'm 29 and drink too much", 'adult'],
    ['jeg er 34 og bor i Ishøj', 'adult'],
  ])('reads "%s" as %s', (text, group) => {
    expect(ageGroupOf(text)).toBe(group);
  });

  it.each([
    ['jeg har røget i 6 år'],
    ['det startede for 3 år siden'],
    ['jeg har drukket i over 15 år'],
    ['ca 15 år'],
    ['hvad er 14 dage'],
    ['Garantien er 14 dage, ikke?'],
    ['the guarantee is 14 days'],
    ['kan jeg få behandling på 14 dage?'],
    ['dagbehandling er 5 dage om ugen'],
    ['ring 20 69 28 33'],
    ['aflys BLÅ-MÅGE-471852'],
    ['hvad koster det'],
  ])('finds no age in "%s"', (text) => {
    expect(ageGroupOf(text)).toBeUndefined();
  });
});
