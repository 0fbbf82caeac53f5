import { chooseLanguage, detectLanguage, languageOfLocale } from '../../../src/nlu/language-detector';

describe('detectLanguage', () => {
  it('recognises longer Danish and English messages', () => {
    expect(detectLanguage('hvad koster det at gå i behandling')).toBe('da');
    expect(detectLanguage('how much does it cost to get treatment')).toBe('en');
  });

  it('says nothing about short or mixed messages', () => {
    expect(detectLanguage('ok')).toBeUndefined();
    expect(detectLanguage('112')).toBeUndefined();
    expect(detectLanguage('Pitstop Ishøj Søvej')).toBeUndefined();
  });
});

describe('chooseLanguage', () => {
  it('takes the client locale on the first turn', () => {
    expect(chooseLanguage(undefined, 'en-US', 'ok', 'da')).toBe('en');
    expect(chooseLanguage(undefined, 'da-DK', 'ok', 'en')).toBe('da');
  });

  it('falls back when the locale is neither language', () => {
    expect(chooseLanguage(undefined, 'de-DE', 'ok', 'da')).toBe('da');
  });

  it('keeps the conversation language for short messages', () => {
    expect(chooseLanguage('en', 'da-DK', 'ok tak', 'da')).toBe('en');
  });

  it('switches when a longer message is clearly in the other language', () => {
    expect(chooseLanguage('da', 'da-DK', 'can you tell me what it costs', 'da')).toBe('en');
  });
});

describe('languageOfLocale', () => {
  it('reads the primary language tag', () => {
    expect(languageOfLocale('da_DK')).toBe('da');
    expect(languageOfLocale('EN-gb')).toBe('en');
    expect(languageOfLocale(undefined)).toBeUndefined();
  });
});
