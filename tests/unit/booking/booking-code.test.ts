import { CODE_ADJECTIVES, CODE_NOUNS, CODE_SPACE, editDistance, findBookingCode, newBookingCode } from '../../../src/booking/booking-code';
import { fold } from '../../../src/text/fold';

describe('booking codes', () => {
  it.each([
    ['adjectives', CODE_ADJECTIVES],
    ['nouns', CODE_NOUNS],
  ])('keeps the %s at least three letters apart, so one typo cannot reach another word', (_name, words) => {
    for (const [index, word] of words.entries()) {
      for (const other of words.slice(index + 1))
        expect({ word, other, distance: editDistance(fold(word), fold(other)) >= 3 }).toEqual({ word, other, distance: true });
    }
  });

  it('draws codes of an adjective, a noun and six digits that read back as themselves', () => {
    for (let draw = 0; draw < 200; draw++) {
      const code = newBookingCode();
      expect(code).toMatch(/^[A-ZÆØÅ]+-[A-ZÆØÅ]+-[1-9]\d{5}$/);
      expect(findBookingCode(code)).toBe(code);
    }
  });

  it('has more codes than 2³², so that guessing one is hopeless', () => {
    expect(CODE_SPACE).toBe(CODE_ADJECTIVES.length * CODE_NOUNS.length * 900_000);
    expect(CODE_SPACE).toBeGreaterThan(2 ** 32);
    expect(new Set(CODE_ADJECTIVES).size + new Set(CODE_NOUNS).size).toBe(CODE_ADJECTIVES.length + CODE_NOUNS.length);
  });

  it('draws every word and spreads the numbers, so the space is really used', () => {
    const draws = Array.from({ length: 20_000 }, () => newBookingCode().split('-'));
    expect(new Set(draws.map(([adjective]) => adjective)).size).toBe(CODE_ADJECTIVES.length);
    expect(new Set(draws.map(([, noun]) => noun)).size).toBe(CODE_NOUNS.length);
    expect(new Set(draws.map(([, , number]) => number)).size).toBeGreaterThan(19_000);
  });

  it.each([
    ['BLÅ-MÅGE-471852'],
    ['blå-måge-471852'],
    ['bla mage 471852'],
    ['blaa-maage-471852'],
    ['BLÅ MÅGE471852'],
    ['blåmåge 471852'],
    ['blå måge 471 852'],
    ['blå måge 47 18 52'],
    ['blå-måge-471-852'],
    ['aflys blå-møge-471852'],
    ['min kode er blå mågen 471852'],
  ])('reads "%s" as BLÅ-MÅGE-471852', (typed) => {
    expect(findBookingCode(typed)).toBe('BLÅ-MÅGE-471852');
  });

  it('still reads a code from before the six digits, so bookings made then can be found', () => {
    expect(findBookingCode('aflys BLÅ-MÅGE-47')).toBe('BLÅ-MÅGE-47');
  });

  it.each([
    ['stærk pindsvn 123456', 'STÆRK-PINDSVIN-123456'],
    ['HURTG-DELFIN-999999', 'HURTIG-DELFIN-999999'],
    ['gamel stjerne 100000', 'GAMMEL-STJERNE-100000'],
    ['nysgerig flamingo 555555', 'NYSGERRIG-FLAMINGO-555555'],
  ])('forgives one wrong letter in a longer word: "%s"', (typed, code) => {
    expect(findBookingCode(typed)).toBe(code);
  });

  it.each([
    ['min hund er 12'],
    ['Min søn er 17 og ryger hash'],
    ['hvad koster dagbehandling'],
    ['blå måge'],
    ['blå måge 4'],
    ['blå måge 4718'],
    ['blå måge 4718529'],
    ['jeg har en rød ged 12 og en masse andre ting at fortælle om min familie'],
    ['ring 20 69 28 33'],
  ])('finds no code in "%s"', (text) => {
    expect(findBookingCode(text)).toBeUndefined();
  });
});
