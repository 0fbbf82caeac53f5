import { lixOf } from '../../src/content/check/readability';

describe('lixOf', () => {
  it('is words per sentence plus the percentage of words longer than six letters', () => {
    // 5 words, 2 sentences, 1 long word ("hurtigt"): 2.5 + 20 = 22.5.
    expect(lixOf('Hunden løb hurtigt. Katten sov.')).toEqual({ lix: 23, words: 5, sentences: 2, longWords: 1 });
  });

  it('counts a list item as a sentence and an abbreviation as no sentence end', () => {
    expect(lixOf('Du kan få:\n- rådgivning\n- behandling').sentences).toBe(3);
    expect(lixOf('Ring f.eks. til Pitstop i dag.').sentences).toBe(1);
  });

  it('does not count digits as letters', () => {
    expect(lixOf('Ring 20692833 nu.').longWords).toBe(0);
  });
});
