import { languageRequest } from '../../../src/nlu/language-request';

describe('languageRequest', () => {
  it('reads a request for the same answer in another language, with words beside it that ask nothing', () => {
    expect(languageRequest('kan du skrive det på engelsk')).toEqual({ command: 'english' });
    expect(languageRequest('pls in english, my dad is asking')).toEqual({ command: 'english' });
    expect(languageRequest('can you write it in english too')).toEqual({ command: 'english' });
    expect(languageRequest('kan du oversætte det til dansk')).toEqual({ command: 'danish' });
  });

  it('reads whom the answer is for after the request as part of it ("for my partner", "til min mor")', () => {
    expect(languageRequest('can you explain that in english for my partner, she doesnt read danish well')).toEqual({ command: 'english' });
    expect(languageRequest('kan du skrive det på engelsk til min mor')).toEqual({ command: 'english' });
  });

  it('does not take a question word inside a remark for a question of its own ("my friend who is 16 wants to read it")', () => {
    expect(languageRequest("can you write it in english too, my friend who's also 16 wants to read it")).toEqual({ command: 'english' });
  });

  it('gives the question asked beside a request, to answer in the language asked for', () => {
    expect(languageRequest('sorry can you say that in english, is it free?')).toEqual({ command: 'english', question: 'is it free?' });
    expect(languageRequest('same in english, and where is it')).toEqual({ command: 'english', question: 'and where is it' });
    expect(languageRequest('kan du skrive det på engelsk, hvor ligger det?')).toEqual({ command: 'english', question: 'hvor ligger det?' });
  });

  it('is no request where the language is what is asked about, or a long remark says more', () => {
    expect(languageRequest('taler de engelsk på pitstop?')).toBeUndefined();
    expect(languageRequest('can you explain that in english for the staff at the job centre')).toBeUndefined();
    expect(languageRequest('in english please, my husband has been drinking every single night for the last three years now')).toBeUndefined();
  });
});
