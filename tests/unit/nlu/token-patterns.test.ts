import { PatternVocabulary, TokenPatterns, withinOneEdit } from '../../../src/nlu/token-patterns';

const tokens = TokenPatterns.tokens;

function starts<T>(patterns: TokenPatterns<T>, text: string): Array<[T, number, number]> {
  return patterns.find(tokens(text)).map(({ value, start, end }) => [value, start, end]);
}

describe('withinOneEdit', () => {
  it('allows one substitution, insertion, deletion or swap of neighbours, and nothing more', () => {
    expect(withinOneEdit('bevidstløs', 'bevidstløs')).toBe(true);
    expect(withinOneEdit('bevidstlos', 'bevidstløs')).toBe(true);
    expect(withinOneEdit('bevistløs', 'bevidstløs')).toBe(true);
    expect(withinOneEdit('bevidsstløs', 'bevidstløs')).toBe(true);
    expect(withinOneEdit('bevdistløs', 'bevidstløs')).toBe(true);
    expect(withinOneEdit('bevdisltøs', 'bevidstløs')).toBe(false);
    expect(withinOneEdit('bevidst', 'bevidstløs')).toBe(false);
    expect(withinOneEdit('ab', 'ba')).toBe(true);
    expect(withinOneEdit('abc', 'bca')).toBe(false);
  });

  it('reads only the first letters of the first word where told to, as for a prefix', () => {
    expect(withinOneEdit('selvmprdstanker', 'selvmord', 8)).toBe(true);
    expect(withinOneEdit('selvmprdstanker', 'selvmord', 9)).toBe(false);
    expect(withinOneEdit('selvmorstanker', 'selvmord', 7)).toBe(true);
    expect(withinOneEdit('sxlvmxrdstanker', 'selvmord', 8)).toBe(false);
  });
});

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

  it('forgives one typo anywhere in a long word or prefix, but a dropped first letter', () => {
    const patterns = new TokenPatterns<string>().add('unconscious', 'whole').add('selvmordst*', 'prefix');
    const oneTypo = (word: string): string[] =>
      [...word].flatMap((_, at) => [
        word.slice(0, at) + word.slice(at + 1),
        `${word.slice(0, at)}q${word.slice(at + 1)}`,
        `${word.slice(0, at)}q${word.slice(at)}`,
        ...(at + 1 < word.length ? [word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)] : []),
      ]);
    for (const [word, value] of [
      ['unconscious', 'whole'],
      ['selvmordstanker', 'prefix'],
    ]) {
      const forms = oneTypo(word).filter((form) => form !== word.slice(1));
      expect(forms.filter((form) => starts(patterns, form).length === 0)).toEqual([]);
      expect(forms.every((form) => starts(patterns, form)[0][0] === value)).toBe(true);
      expect(starts(patterns, word.slice(1))).toEqual([]);
    }
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

  it('finds what a plain reading of the patterns finds, on random patterns and texts', () => {
    // A small deterministic generator (no library), short words (no typo forgiveness) and a few groups.
    let state = 20261202;
    const random = (n: number): number => {
      // mulberry32: 32-bit integer steps, so no precision is lost on the way.
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const words = ['a', 'b', 'c', 'd', 'e', 'f'];
    const groups = { g: ['a', 'c', 'e'], h: ['b', 'd+e', 'f'] };
    const alternative = (): string => (random(4) === 0 ? `${words[random(6)]}+${words[random(6)]}` : words[random(6)]);
    // A place often holds a word and a longer alternative that starts with it, in either order: where both lead to a
    // match, the order written decides where it ends.
    const overlapping = (): string => {
      const [word, next] = [words[random(6)], words[random(6)]];
      return random(2) === 0 ? `${word}|${word}+${next}` : `${word}+${next}|${word}`;
    };
    const place = (): string => {
      const kind = random(6);
      if (kind === 0) return `@${random(2) === 0 ? 'g' : 'h'}`;
      if (kind <= 2) return overlapping();
      return Array.from({ length: 1 + random(3) }, alternative).join('|');
    };
    const pattern = (): string => {
      const parts = [place()];
      for (let more = random(3); more > 0; more--) parts.push(...(random(2) === 0 ? [`~${random(3)}`] : []), place());
      return parts.join(' ');
    };
    // The plain reading: each place's alternatives in the order written, each gap's skips from none up, the first
    // way that reaches the end decides where the match ends; masked positions hold no word.
    type Place = string[][] | number;
    const places = (text: string): Place[] =>
      text.split(' ').map((part) => {
        if (part.startsWith('~')) return Number(part.slice(1));
        return part
          .split('|')
          .flatMap((alt) => (alt.startsWith('@') ? groups[alt.slice(1) as 'g' | 'h'] : [alt]))
          .map((alt) => alt.split('+'));
      });
    const plain = (rule: Place[], tokens: (string | undefined)[], index: number, at: number): number | undefined => {
      if (index === rule.length) return at;
      const here = rule[index];
      if (typeof here === 'number') {
        for (let skip = 0; skip <= here && at + skip <= tokens.length; skip++) {
          const end = plain(rule, tokens, index + 1, at + skip);
          if (end !== undefined) return end;
        }
        return undefined;
      }
      for (const alt of here) {
        if (!alt.every((word, offset) => tokens[at + offset] === word)) continue;
        const end = plain(rule, tokens, index + 1, at + alt.length);
        if (end !== undefined) return end;
      }
      return undefined;
    };
    let trialsWithMatches = 0;
    for (let trial = 0; trial < 300; trial++) {
      const rules = Array.from({ length: 1 + random(4) }, pattern);
      const matcher = new TokenPatterns<number>(groups);
      rules.forEach((rule, index) => matcher.add(rule, index));
      const tokens = Array.from({ length: random(9) }, () => words[random(6)]);
      const masked = new Set(tokens.flatMap((_, position) => (random(6) === 0 ? [position] : [])));
      const visible = tokens.map((token, position) => (masked.has(position) ? undefined : token));
      const expected = tokens.flatMap((_, start) =>
        rules.flatMap((rule, index) => {
          const end = plain(places(rule), visible, 0, start);
          return end === undefined ? [] : [[index, start, end]];
        }),
      );
      const found = matcher.find(tokens, masked).map(({ value, start, end }) => [value, start, end]);
      const order = (list: number[][]): number[][] => [...list].sort((x, y) => x[1] - y[1] || x[0] - y[0]);
      if (expected.length > 0) trialsWithMatches++;
      expect({ rules, text: tokens.join(' '), masked: [...masked], found: order(found) }).toEqual({
        rules,
        text: tokens.join(' '),
        masked: [...masked],
        found: order(expected),
      });
    }
    // The generator must give the matcher real work: many texts match something (117 of 300 with this seed).
    expect(trialsWithMatches).toBeGreaterThan(100);
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

  describe('a snapshot of the compiled patterns, replayed at the next start', () => {
    const groups = { pills: ['piller', 'pills', '*piller', 'sove+piller'], swallowed: ['slugt', 'swallowed', 'spist'] };
    const SIGNALS = ['tager ~2 @pills', 'bevidstløs|unconscious', 'vil ~1 dø', '@swallowed ~~ @pills', 'selvmord*', 'ikke+vågne|not+wake ~1 op'];
    const MASKS = ['dø af grin', 'slår ~1 ihjel'];
    const TEXTS = [
      'jeg tager alle mine sovepiller nu',
      'han er bevidstlos og vil ikke vågne op',
      'min søn har spist noget, måske sove piller',
      'jeg vil dø af grin',
      'selvmordstanker og unconsious',
      'han har slugt alle pills',
    ];
    function build(vocabulary: PatternVocabulary, signals = SIGNALS) {
      const found = new TokenPatterns<number>(groups, vocabulary);
      signals.forEach((pattern, index) => found.add(pattern, index));
      const masks = new TokenPatterns<number>(groups, vocabulary);
      MASKS.forEach((pattern, index) => masks.add(pattern, 100 + index));
      return (text: string) => [...found.find(tokens(text)), ...masks.find(tokens(text))];
    }
    const stored = (vocabulary: PatternVocabulary) => JSON.parse(JSON.stringify(vocabulary.finish()));

    it('finds, replayed, exactly what the patterns compiled afresh find, and has nothing new to store', () => {
      const fresh = PatternVocabulary.replaying(undefined);
      const afresh = build(fresh);
      const replaying = PatternVocabulary.replaying(stored(fresh));
      const replayed = build(replaying);
      for (const text of TEXTS) expect(replayed(text)).toEqual(afresh(text));
      expect(TEXTS.filter((text) => afresh(text).length > 0).length).toBe(TEXTS.length);
      expect(replaying.finish()).toBeUndefined();
    });

    it('stores again a snapshot with patterns left over, and records nothing where not made to replay', () => {
      const old = PatternVocabulary.replaying(undefined);
      build(old);
      const replaying = PatternVocabulary.replaying(stored(old));
      const fewer = build(replaying, SIGNALS.slice(0, 3));
      expect(fewer('jeg vil dø')).toEqual(build(new PatternVocabulary(), SIGNALS.slice(0, 3))('jeg vil dø'));
      expect(stored(replaying).patterns).toHaveLength(3 + MASKS.length);
      const plain = new PatternVocabulary();
      build(plain);
      expect(plain.finish()).toBeUndefined();
    });

    it('compiles afresh from the first pattern that differs from the snapshot, and stores a new one', () => {
      const old = PatternVocabulary.replaying(undefined);
      build(old);
      const changed = [...SIGNALS.slice(0, 2), 'vil ~1 sove|dø', ...SIGNALS.slice(3)];
      const replaying = PatternVocabulary.replaying(stored(old));
      const replayed = build(replaying, changed);
      const afresh = build(new PatternVocabulary(), changed);
      for (const text of [...TEXTS, 'jeg vil bare sove']) expect(replayed(text)).toEqual(afresh(text));
      expect(replayed('jeg vil bare sove').map(({ value }) => value)).toEqual([2]);
      const next = stored(replaying);
      expect(next.patterns.map(([pattern]: [string]) => pattern)).toEqual([...changed, ...MASKS]);
      expect(build(PatternVocabulary.replaying(next), changed)('jeg vil bare sove')).toEqual(afresh('jeg vil bare sove'));
    });
  });

  it('finds a pattern added after the words were read, made of words its vocabulary knew', () => {
    const vocabulary = new PatternVocabulary();
    new TokenPatterns<string>({}, vocabulary).add('tager piller', 'pills').add('vil dø', 'die');
    const words = vocabulary.read(tokens('jeg vil tage piller'));
    const later = new TokenPatterns<string>({}, vocabulary).add('vil ~2 piller', 'later');
    expect(later.findIn(words).map(({ value }) => value)).toEqual(['later']);
  });

  it('names as possible every pattern it finds, and not one whose later word the text lacks', () => {
    const vocabulary = new PatternVocabulary();
    const patterns = new TokenPatterns<string>({ pills: ['piller', 'pamol'] }, vocabulary)
      .add('tog ~2 @pills', 'took')
      .add('tog ~1 bilen', 'car')
      .add('@pills ~3 alkohol', 'mixed');
    const words = vocabulary.read(tokens('jeg tog alle mine piller i går, og bilen står ude'));
    const found = patterns.findIn(words).map(({ value }) => value);
    expect(found).toEqual(['took']);
    // "bilen" is there but not within a word of "tog": possible, not found; "alkohol" is not there at all.
    expect([...patterns.possibleIn(words)].sort()).toEqual(['car', 'took']);
    expect(patterns.findIn(words, undefined, (value) => value !== 'took')).toEqual([]);
  });

  it('refuses words read by another vocabulary, whose atom numbers mean other words', () => {
    const patterns = new TokenPatterns<string>().add('piller', 'pills');
    expect(() => patterns.findIn(new PatternVocabulary().read(['piller']))).toThrow('another vocabulary');
  });
});
