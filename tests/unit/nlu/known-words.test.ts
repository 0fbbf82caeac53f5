import { KnownWords } from '../../../src/nlu/known-words';

describe('KnownWords', () => {
  it('knows a word used three times or more, folded, and not a word used less', () => {
    const texts = [
      'ring efter en ambulance',
      'Ambulancen kom',
      'en ambulance kom hurtigt',
      'ambulance!',
      'hvor lang tid er man på afgifning',
      'døgn på døgn, døgn',
    ];
    const known = new KnownWords(() => texts);
    expect(known.has('ambulance')).toBe(true);
    expect(known.has('afgifning')).toBe(false);
    expect(known.has('ambulancen')).toBe(false);
    expect(known.has('dogn')).toBe(true);
  });

  it('counts the texts only at the first look', () => {
    let reads = 0;
    const known = new KnownWords(() => {
      reads += 1;
      return ['ord ord ord'];
    });
    expect(reads).toBe(0);
    known.has('ord');
    known.has('andet');
    expect(reads).toBe(1);
  });
});
