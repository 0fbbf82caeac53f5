import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { PhraseMatcher } from '../../../src/nlu/phrase-matcher';
import { contractionTwin } from '../../../src/text/contractions';
import { fold } from '../../../src/text/fold';
import { REALISTIC_ROUNDS, realisticRound } from '../../helpers/realistic-questions';

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher<string>().add('trækker ikke vejret', 'breathing').add('selvmord*', 'suicide').add('hej', 'hello');

  it('finds whole-word phrases in folded text', () => {
    expect(matcher.findAll('Hjælp, han TRÆKKER IKKE VEJRET')).toEqual(['breathing']);
    expect(matcher.findAll('han traekker ikke vejret')).toEqual(['breathing']);
  });

  it('matches a starred phrase as a word prefix', () => {
    expect(matcher.findAll('jeg har selvmordstanker')).toEqual(['suicide']);
  });

  it('matches an English contraction typed with or without its apostrophe, whichever way the phrase was written', () => {
    const cues = PhraseMatcher.of(['dont want to call', "i'm scared"]);
    expect(cues.foundIn("I don't want to call them")).toBe(true);
    expect(cues.foundIn('i dont want to call')).toBe(true);
    expect(cues.foundIn('im scared')).toBe(true);
    expect(cues.foundIn('I’m scared')).toBe(true);
    // "doesn't" folds to "dosn t" ("oe" is read as "ø"): its twin must be folded the same way.
    expect(PhraseMatcher.of(['it doesnt help']).foundIn("it doesn't help")).toBe(true);
    // Joined forms that are words of their own are not contractions: "its" is not "it's", "were" not "we're".
    expect(PhraseMatcher.of(["it's free"]).foundIn('its free')).toBe(false);
    expect(cues.foundIn('i do not want to call')).toBe(false);
  });

  it('does not match inside other words', () => {
    expect(matcher.findAll('hejsa')).toEqual([]);
  });

  it('finds nothing in an empty text, and a phrase that ends the text', () => {
    expect(matcher.findAll('')).toEqual([]);
    expect(matcher.findAll('?!')).toEqual([]);
    expect(matcher.findAll('han trækker ikke vejret')).toEqual(['breathing']);
    expect(matcher.findAll('han trækker ikke')).toEqual([]);
  });

  it('gives every phrase found with the word it starts at, in the order of the text', () => {
    expect(matcher.findAllAt('hej, han har selvmordstanker og trækker ikke vejret')).toEqual([
      { value: 'hello', at: 0 },
      { value: 'suicide', at: 3 },
      { value: 'breathing', at: 5 },
    ]);
    expect(matcher.findAllAt('ingenting')).toEqual([]);
  });

  it('matches the whole text exactly', () => {
    expect(matcher.exact(' Hej! ')).toBe('hello');
    expect(matcher.exact('hej med dig')).toBeUndefined();
  });

  it('finds what a whole-word search of the folded text finds, for every cue in the content and every realistic question', () => {
    const content = loadContent(defaultContentDir());
    const phrases = [
      ...content.readingRules.flatMap((rule) => rule.cues),
      ...content.notInDocumentsCues,
      ...content.familyOfWriterCues,
      ...content.compareCues,
      ...content.beyondCounsellingCues,
      ...content.anonymityCues,
      ...content.legalBasisCues,
      ...content.talksForRelativeCues,
      ...content.subjectScopeCues,
      ...Object.values(content.guideAnswerCues).flat(),
      ...Object.values(content.audienceCues).flat(),
      ...Object.values(content.aspectCues).flat(),
      ...content.topics.flatMap((topic) => topic.mentions),
      'hvad hedder psykolog*',
      'selvmord*',
    ];
    const all = phrases.reduce((matcher, phrase, index) => matcher.add(phrase, index), new PhraseMatcher<number>());
    // The definition: " phrase " (or " phrase" for a starred one) inside " folded text ". (Each phrase and text is
    // folded once: folding every phrase again for each of the thousands of texts was most of this test's time.)
    // A phrase with an English contraction is also looked for written the other way ("don't" / "dont").
    const needles = phrases.map((phrase) => {
      const starred = phrase.endsWith('*');
      const folded = fold(starred ? phrase.slice(0, -1) : phrase);
      const spellings = [folded, contractionTwin(folded)].filter((spelling) => spelling !== undefined);
      return folded === '' ? [] : spellings.map((spelling) => (starred ? ` ${spelling}` : ` ${spelling} `));
    });
    const plain = (text: string): number[] => {
      const haystack = ` ${fold(text)} `;
      return needles.flatMap((spellings, index) => (spellings.some((needle) => haystack.includes(needle)) ? [index] : []));
    };
    const texts = REALISTIC_ROUNDS.flatMap(({ file }) => realisticRound(file).map(({ text }) => text));
    const differing = texts.filter((text) => JSON.stringify(all.findAll(text)) !== JSON.stringify(plain(text)));
    expect(texts.length).toBeGreaterThan(3000);
    expect(differing).toEqual([]);
    // Whether a cue list is in a message at all: the same answer as finding them all, list by list (the last
    // list only starred cues, which are tried at every word).
    const lists = [
      content.notInDocumentsCues,
      content.legalBasisCues,
      content.subjectScopeCues,
      content.beyondCounsellingCues,
      content.notInDocumentsCues.filter((cue) => cue.endsWith('*')),
    ];
    for (const list of lists) {
      const cues = PhraseMatcher.of(list);
      const disagree = texts.filter((text) => cues.foundIn(text) !== cues.findAll(text).length > 0);
      expect(texts.some((text) => cues.foundIn(text))).toBe(true);
      expect(disagree).toEqual([]);
    }
  });

  it('looks a short cue list up in a long message with the same answer as walking the message', () => {
    const cues = PhraseMatcher.of(['ikke vejret', 'selvmord*', 'blå', 'ikke svare']);
    const long = 'han sover og jeg kan ikke vække ham, men han trækker vejret og han har ikke taget noget, tror jeg, men jeg er bange';
    expect(cues.foundIn(long)).toBe(false);
    expect(cues.foundIn(`${long}, han vil ikke svare`)).toBe(true);
    expect(cues.foundIn(`${long}, han trækker ikke vejret`)).toBe(true);
    expect(cues.foundIn(`${long}, han har selvmordstanker`)).toBe(true);
    expect(cues.foundIn(`${long}, hans læber er blaa`)).toBe(true);
    expect(cues.foundIn(`${long}, selv mord`)).toBe(false);
    // A phrase added after a look-up is looked up too.
    expect(cues.add('trækker vejret', true).foundIn(long)).toBe(true);
  });

  it("answers each reading rule's cue lists as finding them all does, in long messages made of realistic questions", () => {
    const content = loadContent(defaultContentDir());
    const lists = content.readingRules.flatMap(({ cues, withCues, unlessCues }) => [cues, withCues ?? [], unlessCues ?? []]).filter((list) => list.length > 0);
    // Learnt rounds only: the newest round stays held out.
    const questions = REALISTIC_ROUNDS.slice(-5, -1).flatMap(({ file }) => realisticRound(file).map(({ text }) => text));
    const messages = Array.from({ length: 150 }, (_, index) => questions.slice(index * 6, index * 6 + 6).join(' '));
    let found = 0;
    const disagree: string[] = [];
    for (const list of lists) {
      const cues = PhraseMatcher.of(list);
      for (const message of messages) {
        const answer = cues.foundIn(message);
        if (answer) found++;
        if (answer !== cues.findAll(message).length > 0) disagree.push(`${list[0]} | ${message}`);
      }
    }
    expect(found).toBeGreaterThan(300);
    expect(disagree).toEqual([]);
  });
});
describe('PhraseMatcher that forgives typos', () => {
  const wordsOfTheirOwn = new Set(['ambulance']);
  const subjects = new PhraseMatcher<string>((word) => !wordsOfTheirOwn.has(word))
    .add('afgiftning', 'detox')
    .add('rådgivningssamtale', 'counselling')
    .add('døgn', 'residential')
    .add('ambulante', 'outpatient');

  it('finds a long one-word phrase written with one typo: a letter left out, swapped, wrong or added inside', () => {
    expect(subjects.findAll('hvor lang tid er man på afgifning ca')).toEqual(['detox']);
    expect(subjects.findAll('hvad er afigftning')).toEqual(['detox']);
    expect(subjects.findAll('hvad er afgiftnimg')).toEqual(['detox']);
    expect(subjects.foundIn('afgifftning?')).toBe(true);
  });

  it('does not take an ending for a typo, nor forgive a short phrase, two typos or another first letter', () => {
    expect(subjects.findAll('tilbyder I kun rådgivningssamtaler')).toEqual([]);
    expect(subjects.findAll('hvad med døg')).toEqual([]);
    expect(subjects.findAll('hvad er afgifnig')).toEqual([]);
    expect(subjects.findAll('hvad er ofgiftning')).toEqual([]);
  });

  it('does not take a word of its own for a typo of a name one letter away ("ambulance" is no "ambulante")', () => {
    expect(subjects.findAll('skal man betale for en ambulance?')).toEqual([]);
    expect(subjects.findAll('hvad er ambulnte behandling')).toEqual(['outpatient']);
  });

  it('forgives nothing where not asked to', () => {
    expect(new PhraseMatcher<string>().add('afgiftning', 'detox').findAll('afgifning')).toEqual([]);
  });
});
