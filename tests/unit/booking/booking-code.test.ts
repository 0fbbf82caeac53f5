import { CODE_ADJECTIVES, CODE_NOUNS, editDistance, findBookingCode, newBookingCode } from '../../../src/booking/booking-code';
import { fold } from '../../../src/nlu/fold';

describe('booking codes', () => {
  it.each([['adjectives', CODE_ADJECTIVES], ['nouns', CODE_NOUNS]])('keeps the %s at least three letters apart, so one typo cannot reach another word', (_name, words) => {
    for (const [index, word] of words.entries()) {
      for (const other of words.slice(index + 1)) expect({ word, other, distance: editDistance(fold(word), fold(other)) >= 3 }).toEqual({ word, other, distance: true });
    }
  });

  it('draws codes of an adjective, a noun and two digits that read back as themselves', () => {
    for (let draw = 0; draw < 200; draw++) {
      const code = newBookingCode();
      expect(code).toMatch(/^[A-ZÆØÅ]+-[A-ZÆØÅ]+-[1-9]\d$/);
      expect(findBookingCode(code)).toBe(code);
    }
  });

  it.each([
    ['BLÅ-MÅGE-47'],
    ['blå-måge-47'],
    ['bla mage 47'],
    ['blaa-maage-47'],
    ['BLÅ MÅGE47'],
    ['blåmåge 47'],
    ['aflys blå-møge-47'],
    ['min kode er blå mågen 47'],
  ])('reads "%s" as BLÅ-MÅGE-47', (typed) => {
    expect(findBookingCode(typed)).toBe('BLÅ-MÅGE-47');
  });

  it.each([['stærk pindsvn 12', 'STÆRK-PINDSVIN-12'], ['HURTG-DELFIN-99', 'HURTIG-DELFIN-99'], ['gamel stjerne 10', 'GAMMEL-STJERNE-10']])('forgives one wrong letter in a longer word: "%s"', (typed, code) => {
    expect(findBookingCode(typed)).toBe(code);
  });

  it.each([
    ['min hund er 12'],
    ['Min søn er 17 og ryger hash'],
    ['hvad koster dagbehandling'],
    ['blå måge'],
    ['blå måge 4'],
    ['jeg har en rød ged 12 og en masse andre ting at fortælle om min familie'],
    ['ring 20 69 28 33'],
  ])('finds no code in "%s"', (text) => {
    expect(findBookingCode(text)).toBeUndefined();
  });
});
