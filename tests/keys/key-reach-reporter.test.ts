import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Reporter {
  onRunComplete(contexts: unknown, results: { numTotalTestSuites: number; numFailedTestSuites: number }): void;
  getLastError(): Error | undefined;
}
/** The reporter is plain JavaScript, as jest loads it without a transform. */
const KeyReachReporter: new (globalConfig: object) => Reporter = require('./key-reach-reporter.js');

/** A project with one test file, and the notes of a full run: the texts in two languages and the keys its tests reached. */
function project(reached: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'key-reach-'));
  const texts = {
    'a.asks': 'Hvad $t(a.nested)?',
    'a.nested': 'mener du',
    'a.unused': 'aldrig',
    'a.count_one': 'én',
    'a.count_other': 'flere',
    answer: 'svar',
    answer_relative: 'svar til en pårørende',
  };
  mkdirSync(path.join(root, 'tests'));
  writeFileSync(path.join(root, 'tests', 'one.test.ts'), '');
  mkdirSync(path.join(root, '.cache', 'key-reach'), { recursive: true });
  writeFileSync(path.join(root, '.cache', 'key-reach', 'texts.json'), JSON.stringify({ da: texts, en: texts }));
  writeFileSync(path.join(root, '.cache', 'key-reach', 'worker.json'), JSON.stringify(reached));
  return root;
}

function errorAfterRun(root: string, config: object = {}): string | undefined {
  const reporter = new KeyReachReporter({ rootDir: root, testPathPattern: '', testPathIgnorePatterns: ['/node_modules/'], ...config });
  reporter.onRunComplete([], { numTotalTestSuites: 1, numFailedTestSuites: 0 });
  return reporter.getLastError()?.message;
}

describe('the key-reach check of a full test run', () => {
  const roots: string[] = [];
  // The reporter writes the keys it names to stderr for a real run; here they would read like a real failure.
  const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  afterAll(() => {
    quiet.mockRestore();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('names every key no test reached, in each language; a nested key and plural forms count as reached with their key', () => {
    const root = project(['a.asks', 'a.count', 'answer']);
    roots.push(root);
    const message = errorAfterRun(root) ?? '';
    expect(
      message
        .split('\n')
        .slice(1)
        .map((line) => line.trim()),
    ).toEqual(['da: a.unused', 'da: answer_relative', 'en: a.unused', 'en: answer_relative']);
  });

  it('counts a text rendered for an audience as reaching its variant, and passes when every key is reached', () => {
    const root = project(['a.asks', 'a.count', 'a.unused', 'answer', 'answer_relative']);
    roots.push(root);
    expect(errorAfterRun(root)).toBeUndefined();
  });

  it('fails a full run that left no notes at all, and names every key when no test reached any', () => {
    const root = project([]);
    roots.push(root);
    expect(errorAfterRun(root)).toContain('da: a.asks');
    rmSync(path.join(root, '.cache'), { recursive: true, force: true });
    expect(errorAfterRun(root)).toContain('left no key-reach notes');
  });

  it('does not judge a run of some tests or some files', () => {
    const root = project([]);
    roots.push(root);
    expect(errorAfterRun(root, { testNamePattern: 'booking' })).toBeUndefined();
    expect(errorAfterRun(root, { testPathPattern: 'tests/unit' })).toBeUndefined();
    expect(errorAfterRun(root)).toContain('da: answer');
  });
});
