// After a full run, fails it if a locale key was reached by no test (issue 14: "every key has a test that reaches it
// or is deleted"). Workers note the keys their app rendered (tests/helpers/key-reach.ts); a key reached also reaches
// the keys its text nests ($t(…)). A run of some files or some tests (test:fast, -t, a path) cannot tell, and is not
// checked.
const { existsSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

/** The environment variable that carries the notes' folder to tests/helpers/key-reach.ts. */
const KEY_REACH_FOLDER = 'PITSTOP_KEY_REACH_DIR';
/**
 * Every text by language and key, as the content loader reads them from the YAML files, noted by the tests'
 * helper (tests/helpers/key-reach.ts): this reporter is plain JavaScript and does not read the content itself.
 */
const TEXTS_FILE = 'texts.json';

function testFilesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? testFilesUnder(path.join(folder, entry.name)) : entry.name.endsWith('.test.ts') ? [entry.name] : [],
  );
}

/** Keys reached, with what they nest and the plural forms (key_one, key_other) of a key rendered with a count. */
function closure(reached, texts) {
  const done = new Set();
  const todo = [...reached].flatMap((key) => [key, `${key}_one`, `${key}_other`]);
  while (todo.length > 0) {
    const key = todo.pop();
    if (done.has(key)) continue;
    done.add(key);
    for (const [, nested] of (texts.get(key) ?? '').matchAll(/\$t\(([\w.]+)/g)) todo.push(nested);
  }
  return done;
}

class KeyReachReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
    this.partial = Boolean(globalConfig.testNamePattern) || globalConfig.testPathPattern !== '' || (globalConfig.testPathIgnorePatterns ?? []).length > 1;
    this.folder = path.join(this.root, '.cache', 'key-reach');
    this.error = undefined;
  }

  /** A full run tells the test workers (started after this) where to note their keys; other runs note nothing. */
  onRunStart() {
    if (this.partial) return;
    rmSync(this.folder, { recursive: true, force: true });
    process.env[KEY_REACH_FOLDER] = this.folder;
  }

  onRunComplete(_contexts, results) {
    const allFiles = testFilesUnder(path.join(this.root, 'tests')).length;
    if (this.partial || results.numTotalTestSuites !== allFiles || results.numFailedTestSuites > 0) return;
    // No notes at all from a full run means the notes broke, not that every key is reached: the run fails.
    const files = existsSync(this.folder) ? readdirSync(this.folder) : [];
    if (!files.includes(TEXTS_FILE)) {
      this.error = new Error(`A full run left no key-reach notes in ${this.folder} (tests/helpers/key-reach.ts): no key can be judged reached`);
      process.stderr.write(`\n${this.error.message}\n`);
      return;
    }
    const textsByLanguage = JSON.parse(readFileSync(path.join(this.folder, TEXTS_FILE), 'utf8'));
    const notes = files.filter((file) => file !== TEXTS_FILE);
    const reached = new Set(notes.flatMap((file) => JSON.parse(readFileSync(path.join(this.folder, file), 'utf8'))));
    const unreached = Object.keys(textsByLanguage).flatMap((language) => {
      const texts = new Map(Object.entries(textsByLanguage[language]));
      const seen = closure(reached, texts);
      return [...texts.keys()].filter((key) => !seen.has(key)).map((key) => `${language}: ${key}`);
    });
    if (unreached.length === 0) return;
    this.error = new Error(`${unreached.length} locale keys are reached by no test (write a test that reaches each, or delete it):\n  ${unreached.join('\n  ')}`);
    process.stderr.write(`\n${this.error.message}\n`);
  }

  getLastError() {
    return this.error;
  }
}

module.exports = KeyReachReporter;
