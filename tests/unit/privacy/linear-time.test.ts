import { redactPersonalData } from '../../../src/privacy/redact-personal-data';
import { sharedNlu } from '../../helpers/test-app';

/**
 * Every pattern over user text must be linear: a quadratic one on a long run of letters or spaces
 * stalls the event loop for everyone. Timed as a ratio in the same run (these machines are noisy):
 * four times the input must cost well under sixteen times the time, which is what quadratic costs
 * (ten allows for a noisy machine; linear is about four).
 */
/** Three runs in one timing: a few milliseconds alone are too easily lost in a busy machine's noise. */
function timed(work: () => void): number {
  const start = process.hrtime.bigint();
  for (let repeat = 0; repeat < 3; repeat += 1) work();
  return Number(process.hrtime.bigint() - start);
}

/** Enough runs that one quiet spell for each size is likely even when the machine is busy (one failed at 10.3 with 9). */
const RUNS = 15;

function growth(input: (size: number) => string, work: (text: string) => unknown, size: number): number {
  const small = input(size);
  const large = input(4 * size);
  // The fastest of several runs, small and large taken in turn: a shared machine only ever adds time,
  // and taking them in turn spreads a busy spell over both.
  let bestSmall = Number.POSITIVE_INFINITY;
  let bestLarge = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run += 1) {
    bestSmall = Math.min(
      bestSmall,
      timed(() => work(small)),
    );
    bestLarge = Math.min(
      bestLarge,
      timed(() => work(large)),
    );
  }
  return bestLarge / bestSmall;
}

const BODY_CAP = 256 * 1024;
const ADVERSARIAL: Array<[string, (size: number) => string]> = [
  ['a run of letters before an @', (size) => `${'a'.repeat(size)}@`],
  ['a run of letters after an @', (size) => `x@${'a'.repeat(size)}`],
  ['dots and letters around @s', (size) => 'a.b@c.'.repeat(size / 6)],
  ['six digits then spaces', (size) => `123456${' '.repeat(size)}x`],
  ['digit groups', (size) => '12 '.repeat(size / 3)],
  ['one long word before a number, like a booking code run together', (size) => `${'ab'.repeat(size / 2)} 47`],
  ['many short words before a number', (size) => `${'ab '.repeat(size / 3)}47`],
];

describe('Patterns over user text', () => {
  it.each(ADVERSARIAL)('redact personal data in linear time on %s, up to the body cap', (_name, input) => {
    expect(growth(input, (text) => redactPersonalData(text), BODY_CAP / 4)).toBeLessThan(10);
  });

  it.each(ADVERSARIAL)('recognise a message in linear time on %s', (_name, input) => {
    const { recognizer } = sharedNlu();
    // 4 KB against 16 KB: a few milliseconds per timing, long enough not to be lost in a busy machine's noise.
    expect(growth(input, (text) => recognizer.recognize(text), 4 * 1024)).toBeLessThan(10);
  });
});
