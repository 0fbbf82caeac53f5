import { substanceCues, unknownPlaces } from '../../../src/content/substance-cues';

const names = { alcohol: ['sprut', 'vodka'], drugs: ['hash', 'kokain', 'stof*'] };

describe('substanceCues', () => {
  it('writes a cue with a substance place out once per name of that substance', () => {
    expect(substanceCues(['hjælp til {drugs}'], names)).toEqual(['hjælp til hash', 'hjælp til kokain', 'hjælp til stof*']);
    expect(substanceCues(['stop drinking {alcohol}'], names)).toEqual(['stop drinking sprut', 'stop drinking vodka']);
  });

  it('keeps a name that completes a word ("stof*") out of the middle of a cue, where it could not match', () => {
    expect(substanceCues(['using {drugs} a lot'], names)).toEqual(['using hash a lot', 'using kokain a lot']);
  });

  it('leaves cues without a place, and places of no known substance, as they are', () => {
    expect(substanceCues(['hjælp', 'help with {money}'], names)).toEqual(['hjælp', 'help with {money}']);
  });

  it('writes out every place in a cue', () => {
    expect(substanceCues(['{alcohol} og {drugs}'], { alcohol: ['øl'], drugs: ['hash', 'speed'] })).toEqual(['øl og hash', 'øl og speed']);
  });
});

describe('unknownPlaces', () => {
  it('names the places in braces that are no substance, and none where every place is one', () => {
    expect(unknownPlaces('help with {drug} and {money}')).toEqual(['{drug}', '{money}']);
    expect(unknownPlaces('hjælp til {drugs} og {alcohol}')).toEqual([]);
    expect(unknownPlaces('hjælp')).toEqual([]);
  });
});
