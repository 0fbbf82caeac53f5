import { redactPersonalData, withoutPlaceholders } from '../../../src/privacy/redact-personal-data';

const PUBLIC = ['20 69 28 33', '43 57 75 75'];

describe('redactPersonalData', () => {
  it.each([
    ['010190-1234'],
    ['0101901234'],
    ['010190 1234'],
    ['010190 - 1234'],
    ['01 01 90 1234'],
    ['01.01.90-1234'],
    ['０１０１９０－１２３４'],
    ['0101\u200B90-12\u200D34'],
    ['01\u00AD0190\u20601234'],
    ['311299–9999'],
  ])('replaces the CPR number in "min cpr er %s tak"', (cpr) => {
    const { text, found } = redactPersonalData(`min cpr er ${cpr} tak`);
    expect(text).toBe('min cpr er [cpr] tak');
    expect(found).toEqual(['cpr']);
  });

  it.each([
    ['22 33 44 55'],
    ['22334455'],
    ['2233 4455'],
    ['22-33-44-55'],
    ['+45 22 33 44 55'],
    ['+4522334455'],
    ['0045 22334455'],
    ['(+45) 22 33 44 55'],
    ['２２３３４４５５'],
  ])('replaces the phone number in "ring på %s"', (phone) => {
    const { text, found, phones } = redactPersonalData(`ring på ${phone}`);
    expect(text).toBe('ring på [phone]');
    expect(found).toEqual(['phone']);
    expect(phones).toEqual(['22334455']);
  });

  it.each([['mette.hansen@example.dk'], ['m+pitstop@mail.example.com'], ['søren@eksempel.dk']])('replaces the e-mail address %s', (email) => {
    expect(redactPersonalData(`skriv til ${email} please`)).toEqual({ text: 'skriv til [email] please', found: ['email'], phones: [] });
  });

  it('finds several kinds in one message', () => {
    const { text, found } = redactPersonalData('Jeg er 0101901234, ring 22334455 eller skriv a@b.dk');
    expect(text).toBe('Jeg er [cpr], ring [phone] eller skriv [email]');
    expect(found.sort()).toEqual(['cpr', 'email', 'phone']);
  });

  it('leaves the public numbers the bot itself gives', () => {
    expect(redactPersonalData('er 20 69 28 33 jeres nummer? og 43577575?', PUBLIC)).toEqual({
      text: 'er 20 69 28 33 jeres nummer? og 43577575?',
      found: [],
      phones: [],
    });
  });

  it('leaves ordinary numbers: days, ages, years, post codes, sections', () => {
    const message = 'Jeg er 17, har ventet 14 dage siden 2015, bor i 2635 Ishøj, SEL § 101 a, 3–5 samtaler, ring 112';
    expect(redactPersonalData(message)).toEqual({ text: message, found: [], phones: [] });
  });

  it('leaves a ten-digit number that is not a date', () => {
    expect(redactPersonalData('ordrenummer 9913991234').found).not.toContain('cpr');
  });
});

describe('redactPersonalData on broken text', () => {
  it('makes lone surrogates well-formed and turns control characters into spaces', () => {
    expect(redactPersonalData('a\uD800b\u0000c\u001Bd\te\nf').text).toBe('a\uFFFDb c d\te\nf');
  });
});

describe('withoutPlaceholders', () => {
  it('removes the placeholders', () => {
    expect(withoutPlaceholders('ring [phone] nu [cpr]').replace(/\s+/g, ' ').trim()).toBe('ring nu');
  });
});
