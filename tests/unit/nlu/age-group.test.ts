import { ageGroupOf, writerAgeOf } from '../../../src/nlu/age-group';

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
    // An upper bound means those younger than it.
    ['og hvis man er under 18 år?', 'young'],
    ['what about kids under 18', 'young'],
    ['børn under 13', 'child'],
    ['jeg er over 18 og ryger fed', 'adult'],
    ["I'm over 12", 'young'],
    // "only" and "just" before the number ("he's only 16").
    ["he's only 16, does that apply to him too?", 'young'],
    ["she's just 15", 'young'],
    ['han er bare 14', 'young'],
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
    ['bare 15 minutter'],
    ['only 2 times a week'],
    ['just 14 days'],
  ])('finds no age in "%s"', (text) => {
    expect(ageGroupOf(text)).toBeUndefined();
  });
});

describe('the age writers give for themselves', () => {
  it.each([
    ['jeg er 16 og min far tager kokain', 16],
    ["I'm 17 and my dad drinks", 17],
    ['i am 14, my mum uses', 14],
    ['er der nogen jeg kan snakke med?? er 15', 15],
    ['Min far har drukket hele mit liv. Jeg er 35 nu', 35],
    ['jeg er over 18 og ryger fed hver dag', 19],
    ['er 17 btw, gælder det stadig for mig?', 17],
    ['er 47 og tager coke i weekenderne, er pitstop kun for de unge?', 47],
  ])('reads "%s" as %i', (text, age) => {
    expect(writerAgeOf(text)).toBe(age);
  });

  it.each([
    ['min søn er 16'],
    ['jeg er 14 dage over fristen'],
    ['my sister is 19'],
    ['hun er 15 og jeg er bekymret'],
    ['Er 20 genstande om ugen for meget for min far?'],
    ["I'm 10 years sober and my dad still drinks"],
    ['er 20 og 30 genstande om ugen meget?'],
  ])('finds none in "%s"', (text) => {
    expect(writerAgeOf(text)).toBeUndefined();
  });
});
