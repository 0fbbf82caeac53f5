import { redactPersonalData } from '../../../src/privacy/redact-personal-data';
import { sharedNlu } from '../../helpers/test-app';

/**
 * Every pattern over user text must be linear: a quadratic one on a long run of letters or spaces
 * stalls the event loop for everyone. Timed as a ratio in the same run (these machines are noisy):
 * four times the input must cost well under sixteen times the time, which is what quadratic costs.
 */
function fastest(work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run += 1) {
    const start = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - start));
  }
  return best;
}

function growth(input: (size: number) => string, process: (text: string) => unknown, size: number): number {
  const small = input(size);
  const large = input(4 * size);
  return fastest(() => process(large)) / fastest(() => process(small));
}

const BODY_CAP = 256 * 1024;
const ADVERSARIAL: Array<[string, (size: number) => string]> = [
  ['a run of letters before an @', (size) => `${'a'.repeat(size)}@`],
  ['a run of letters after an @', (size) => `x@${'a'.repeat(size)}`],
  ['dots and letters around @s', (size) => 'a.b@c.'.repeat(size / 6)],
  ['six digits then spaces', (size) => `123456${' '.repeat(size)}x`],
  ['digit groups', (size) => '12 '.repeat(size / 3)],
];

describe('Patterns over user text', () => {
  it.each(ADVERSARIAL)('redact personal data in linear time on %s, up to the body cap', (_name, input) => {
    expect(growth(input, (text) => redactPersonalData(text), BODY_CAP / 4)).toBeLessThan(8);
  });

  it.each(ADVERSARIAL)('recognise a message in linear time on %s', (_name, input) => {
    const { recognizer } = sharedNlu();
    expect(growth(input, (text) => recognizer.recognize(text), 8 * 1024)).toBeLessThan(8);
  });
});
