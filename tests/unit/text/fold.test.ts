import { fold } from '../../../src/text/fold';

describe('fold', () => {
  it('gives one key for the ways Danish letters are typed', () => {
    const key = fold('pårørende');
    for (const variant of ['paarorende', 'paaroerende', 'parorende', 'PÅRØRENDE', 'Pårørende!', 'pårörende']) {
      expect(fold(variant)).toBe(key);
    }
  });

  it('treats æ and ae alike', () => {
    expect(fold('læge')).toBe(fold('laege'));
  });

  it('keeps § and digits and drops other punctuation', () => {
    expect(fold('SEL § 101 a, (anonym)?')).toBe('sel § 101 a anonym');
  });

  it('squeezes letters repeated three or more times', () => {
    expect(fold('hjæææælp')).toBe(fold('hjælp'));
  });

  it('folds full-width characters', () => {
    expect(fold('ＨＪÆＬＰ')).toBe(fold('hjælp'));
  });

  it('folds plain lower-case words (the quick path) exactly as the same words with punctuation (the full path)', () => {
    for (const plain of ['paaroerende', 'haaaash og aeeeh', 'min soen er 17 aar', 'ooo aaa eee', 'hjaelp aa oe ae', 'x', '112 er nummeret']) {
      expect(fold(plain)).toBe(fold(`${plain}!`));
    }
    expect(fold('paaroerende')).toBe('parorende');
    // And a thousand random plain texts (seeded), letter pairs and repeats among them.
    let seed = 1;
    const next = (below: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const letters = 'aaeeoobcdhijklmnrstuy019';
    for (let text = 0; text < 1000; text++) {
      const words = Array.from({ length: 1 + next(5) }, () => Array.from({ length: 1 + next(7) }, () => letters[next(letters.length)]).join(''));
      const plain = words.join(' ');
      expect(fold(plain)).toBe(fold(`${plain}!`));
    }
  });
});
