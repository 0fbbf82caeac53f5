import { VowellessWords } from '../../../src/nlu/vowelless-words';

// A few phrases stand in for the training phrases: each word is used as often as the list repeats it.
const PHRASES = [
  ...Array(5).fill('hvad koster døgnbehandling'),
  ...Array(4).fill('hvem bestemmer det'),
  ...Array(3).fill('jeg vil gerne snakke med nogen'),
  // "kaster" has the consonants of "koster" but is used less.
  ...Array(3).fill('han kaster op'),
  // A vowel-less word the phrases use often is a word as it stands.
  ...Array(3).fill('ring på tlf eller skriv en sms'),
  // Used once or twice: too rare to read a vowel-less word as.
  ...Array(2).fill('kasket'),
];

const words = (abbreviations: string[] = []) => new VowellessWords(() => PHRASES, abbreviations);

describe('words written without vowels', () => {
  it.each([
    ['hvd kstr dgnbhndlng', 'hvad koster døgnbehandling'],
    ['hvm bstmr dt?', 'hvem bestemmer det?'],
    ['HVD KSTR DT', 'hvad koster det'],
    // Two letters are read beside another vowel-less word ...
    ['jg vl snkk md ngn', 'jeg vil snakke med nogen'],
    // ... or as the whole message; a longer one also beside words with vowels.
    ['dt', 'det'],
    ['hvd koster det', 'hvad koster det'],
  ])('reads "%s" as "%s"', (text, readable) => {
    expect(words().restored(text)).toBe(readable);
  });

  it.each([
    // Nothing without vowels: the same string.
    ['hvad koster det?'],
    ['jeg vil gerne snakke med nogen'],
    // Used often in the phrases, or listed as a word: kept.
    ['hvad er jeres tlf'],
    ['kan jeg sende en sms'],
    // Two letters beside words with vowels are too often something else.
    ['hvad med dt'],
    // No word of the phrases has these consonants often enough.
    ['kskt og hmm'],
    // Numbers and the like are not words.
    ['ring 112'],
  ])('leaves "%s" as it is', (text) => {
    expect(words(['hmm']).restored(text)).toBe(text);
  });

  it('keeps the words the content lists even where a phrase has their consonants', () => {
    expect(words().restored('hvm bstmr')).toBe('hvem bestemmer');
    expect(words(['bstmr']).restored('hvm bstmr')).toBe('hvem bstmr');
  });

  it('learns from the phrases only at the first message that needs it', () => {
    let learnt = 0;
    const lazy = new VowellessWords(() => {
      learnt++;
      return PHRASES;
    }, []);
    lazy.restored('hvad koster det');
    expect(learnt).toBe(0);
    lazy.restored('hvd kstr dt');
    lazy.restored('hvm bstmr dt');
    expect(learnt).toBe(1);
  });
});
