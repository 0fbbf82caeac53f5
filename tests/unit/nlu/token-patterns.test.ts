import { PatternVocabulary, TokenPatterns } from '../../../src/nlu/token-patterns';

const tokens = TokenPatterns.tokens;

function starts<T>(patterns: TokenPatterns<T>, text: string): Array<[T, number, number]> {
  return patterns.find(tokens(text)).map(({ value, start, end }) => [value, start, end]);
}

describe('TokenPatterns', () => {
  it('matches words, alternatives, groups, gaps and prefixes in folded text', () => {
    const patterns = new TokenPatterns<string>({ child: ['barn', 'baby'] })
      .add('kan ikke ~ vække', 'wake')
      .add('@child ~~ slugt|spist', 'swallowed')
      .add('selvmord*', 'suicide');
    expect(starts(patterns, 'Jeg KAN ikke rigtig vække ham')).toEqual([['wake', 1, 5]]);
    expect(starts(patterns, 'babyen har spist noget')).toEqual([]);
    expect(starts(patterns, 'vores baby har måske slugt en pille')).toEqual([['swallowed', 1, 5]]);
    expect(starts(patterns, 'selvmordstanker')).toEqual([['suicide', 0, 1]]);
    expect(starts(patterns, 'kan ikke sove og vil ikke vække')).toEqual([]);
  });

  it('forgives one typo in a long word or prefix, by length as well as letters, and none in a short one', () => {
    const patterns = new TokenPatterns<string>().add('unconscious', 'whole').add('bevidstløs*', 'prefix').add('skammer', 'short');
    expect(starts(patterns, 'he is unconsious')).toEqual([['whole', 2, 3]]);
    expect(starts(patterns, 'he is uncnoscious')).toEqual([['whole', 2, 3]]);
    expect(starts(patterns, 'he is uncnscous')).toEqual([]);
    expect(starts(patterns, 'han er bevistløs nu')).toEqual([['prefix', 2, 3]]);
    expect(starts(patterns, 'jeg skummer')).toEqual([]);
  });

  it('tries the alternatives at a place in the order written, one-word and several-word alike, whatever their number', () => {
    // The first alternative in the list that leads to a match decides where the match ends.
    expect(starts(new TokenPatterns<string>().add('har b|b+c', 'x'), 'har b c')).toEqual([['x', 0, 2]]);
    expect(starts(new TokenPatterns<string>().add('har b+c|b', 'x'), 'har b c')).toEqual([['x', 0, 3]]);
    expect(starts(new TokenPatterns<string>().add('har a|b+c|b|d', 'x'), 'har b c')).toEqual([['x', 0, 3]]);
    // A one-word alternative that leads nowhere gives way to a later several-word one, and the reverse.
    expect(starts(new TokenPatterns<string>().add('har b|b+c d', 'x'), 'har b c d')).toEqual([['x', 0, 4]]);
    expect(starts(new TokenPatterns<string>().add('har b+c|b c ~1 e', 'x'), 'har b c e')).toEqual([['x', 0, 4]]);
    // A group of a hundred numbers at a place, after a gap.
    const numbers = Array.from({ length: 100 }, (_, n) => String(n + 1));
    const counted = new TokenPatterns<string>({ number: numbers }).add('gjort ~1 det ~3 @number ~1 stk', 'counted');
    expect(starts(counted, 'nu har jeg gjort det. 40 stk')).toEqual([['counted', 3, 7]]);
    expect(starts(counted, 'nu har jeg gjort det. 400 stk')).toEqual([]);
    // A pattern whose later word is nowhere in the text is not tried at all, and a masked one still counts as absent.
    const patterns = new TokenPatterns<string>().add('tog ~2 piller', 'pills');
    expect(starts(patterns, 'tog nogle tabletter')).toEqual([]);
    expect(patterns.find(tokens('tog to piller'), new Set([2]))).toEqual([]);
  });

  it('never lets a masked position be part of a match', () => {
    const patterns = new TokenPatterns<string>().add('slår ~1 ihjel', 'kill');
    const words = tokens('det slår mig ihjel');
    expect(patterns.find(words).length).toBe(1);
    expect(patterns.find(words, new Set([1]))).toEqual([]);
  });

  it('lets pattern sets that share a vocabulary search words read once, with the results each finds alone', () => {
    const vocabulary = new PatternVocabulary();
    const signals = new TokenPatterns<string>({}, vocabulary).add('tager ~2 piller', 'pills').add('vil ~1 dø', 'die');
    const masks = new TokenPatterns<true>({}, vocabulary).add('dø af grin', true);
    const text = tokens('jeg vil dø af grin, men han tager alle piller');
    const words = vocabulary.read(text);
    expect(signals.findIn(words)).toEqual(signals.find(text));
    expect(masks.findIn(words)).toEqual(masks.find(text));
    const masked = new Set(masks.findIn(words).flatMap(({ start, end }) => Array.from({ length: end - start }, (_, k) => start + k)));
    expect(signals.findIn(words, masked).map(({ value }) => value)).toEqual(['pills']);
  });

  it('refuses words read by another vocabulary, whose atom numbers mean other words', () => {
    const patterns = new TokenPatterns<string>().add('piller', 'pills');
    expect(() => patterns.findIn(new PatternVocabulary().read(['piller']))).toThrow('another vocabulary');
  });
});
