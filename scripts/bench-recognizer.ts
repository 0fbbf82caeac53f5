/**
 * What recognising a message costs, and what the recogniser costs at start-up: trained from content
 * (no cached model) and read from the model cache. Per message: p50 and p99 over many runs of a short
 * question, a 600-character and a 2000-character message (the longest read), each also as a ratio to a
 * reference measured in the same run (hashing the same text), since these machines are shared and noisy.
 * Run: npm run bench:recognizer
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultContentDir } from '../src/base/project-paths';
import { loadContent } from '../src/content/load-content';
import { trainCrisisClassifier } from '../src/nlu/crisis-classifier';
import { Recognizer, topicClassifier } from '../src/nlu/recognizer';

const RUNS = 500;
const WARM_UP = 100;
const LONG =
  'Hej. Jeg ved ikke rigtig hvor jeg skal starte, men min søn på 17 er begyndt at ryge hash næsten hver dag, og han er holdt op med at gå i skole. ' +
  'Vi skændes hele tiden derhjemme og jeg er bange for at han også tager andre ting. Jeg har prøvet at snakke med ham men han vil ikke høre på mig. ' +
  'Hvad kan jeg gøre? Jeg har også hørt om anonym rådgivning, men jeg ved ikke om det er noget for os. Han er meget vred for tiden og jeg er bekymret. ';
const MESSAGES = { short: 'hvad koster dagbehandling?', '600 chars': LONG.repeat(2).slice(0, 600), '2000 chars': LONG.repeat(6).slice(0, 2000) };

function percentiles(run: (index: number) => void): { p50: number; p99: number } {
  // Warm up first: the first calls of a function are interpreted, not yet compiled.
  for (let index = 0; index < WARM_UP; index++) run(RUNS + index);
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = process.hrtime.bigint();
    run(index);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS * 0.5)], p99: times[Math.floor(RUNS * 0.99)] };
}

function timed<T>(work: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = work();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

const content = loadContent(defaultContentDir());
const scratch = mkdtempSync(path.join(tmpdir(), 'bench-models-'));
try {
  const [, trainMs] = timed(() => topicClassifier(content, scratch));
  const [, readMs] = timed(() => topicClassifier(content, scratch));
  const [recognizer, startMs] = timed(() => new Recognizer(content, topicClassifier(content), trainCrisisClassifier(content)));
  console.log(
    `start-up: topic models trained ${trainMs.toFixed(0)} ms, read from the cache ${readMs.toFixed(0)} ms; recogniser ready from the cache ${startMs.toFixed(0)} ms`,
  );
  for (const [name, text] of Object.entries(MESSAGES)) {
    // A word that changes between runs, so nothing is answered from a cache of the same text.
    const own = percentiles((index) => recognizer.recognize(`${text} ord${index}`));
    const reference = percentiles((index) => {
      for (let round = 0; round < 20; round++) createHash('sha256').update(`${text} ord${index} ${round}`).digest();
    });
    console.log(
      `${name.padEnd(10)} p50 ${own.p50.toFixed(2)} ms  p99 ${own.p99.toFixed(2)} ms  (${(own.p50 / reference.p50).toFixed(1)} × / ${(own.p99 / reference.p99).toFixed(1)} × the reference: 20 SHA-256 of the text)`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
