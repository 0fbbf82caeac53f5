/**
 * Notes every locale key a test's app renders, so that the full run can check that each key has a test reaching it
 * (tests/keys/key-reach-reporter.js, which names the notes' folder in PITSTOP_KEY_REACH_DIR for a full run only). The
 * app makes its own i18next instance (src/content/i18n.ts); its translator is wrapped here, in the test process only.
 * Run by jest before each test file (setupFilesAfterEnv).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n } from 'i18next';
import { defaultContentDir } from '../../src/base/project-paths';
import { LANGUAGES } from '../../src/content/content-schema';
import { loadContent } from '../../src/content/load-content';
import { flattenLocale } from '../../src/content/locale-tree';

const folder = process.env.PITSTOP_KEY_REACH_DIR;
/** The notes' file of every text (tests/keys/key-reach-reporter.js reads it by this name). */
const TEXTS_FILE = 'texts.json';
const reached = new Set<string>();

function note(key: unknown, options: unknown): void {
  for (const one of Array.isArray(key) ? key : [key]) {
    if (typeof one !== 'string') continue;
    reached.add(one);
    const context = (options as { context?: unknown } | undefined)?.context;
    if (typeof context === 'string') reached.add(`${one}_${context}`);
  }
}

function noted(instance: I18n): I18n {
  const getFixedT = instance.getFixedT.bind(instance) as (...args: unknown[]) => (key: unknown, options?: unknown) => string;
  (instance as { getFixedT: unknown }).getFixedT = (...args: unknown[]) => {
    const fixed = getFixedT(...args);
    return (key: unknown, options?: unknown) => {
      note(key, options);
      return fixed(key, options);
    };
  };
  return instance;
}

if (folder !== undefined) {
  const createInstance = i18next.createInstance.bind(i18next);
  i18next.createInstance = ((...args: Parameters<typeof createInstance>) => noted(createInstance(...args))) as typeof i18next.createInstance;
  afterAll(() => {
    if (reached.size === 0) return;
    mkdirSync(folder, { recursive: true });
    const file = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`;
    writeFileSync(path.join(folder, file), JSON.stringify([...reached]));
    // Every text by key and language, as the loader reads them from the YAML files, for the reporter (plain
    // JavaScript) to judge against; written once per run, by the first test file to finish.
    const texts = path.join(folder, TEXTS_FILE);
    if (existsSync(texts)) return;
    const { locales } = loadContent(defaultContentDir());
    writeFileSync(texts, JSON.stringify(Object.fromEntries(LANGUAGES.map((language) => [language, Object.fromEntries(flattenLocale(locales[language]))]))));
  });
}
