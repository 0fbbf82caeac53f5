import { PhraseMatcher } from '../../../src/nlu/phrase-matcher';

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher<string>().add('trækker ikke vejret', 'breathing').add('selvmord*', 'suicide').add('hej', 'hello');

  it('finds whole-word phrases in folded text', () => {
    expect(matcher.findAll('Hjælp, han TRÆKKER IKKE VEJRET')).toEqual(['breathing']);
    expect(matcher.findAll('han traekker ikke vejret')).toEqual(['breathing']);
  });

  it('matches a starred phrase as a word prefix', () => {
    expect(matcher.findAll('jeg har selvmordstanker')).toEqual(['suicide']);
  });

  it('does not match inside other words', () => {
    expect(matcher.findAll('hejsa')).toEqual([]);
  });

  it('matches the whole text exactly', () => {
    expect(matcher.exact(' Hej! ')).toBe('hello');
    expect(matcher.exact('hej med dig')).toBeUndefined();
  });
});
