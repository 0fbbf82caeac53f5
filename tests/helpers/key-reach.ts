/**
 * Notes every locale key a test's app renders, so that the full run can check that each key has a test reaching it
 * (tests/keys/key-reach-reporter.js, which names the notes' folder in PITSTOP_KEY_REACH_DIR for a full run only). The
 * app makes its own i18next instance (src/content/i18n.ts); its translator is wrapped here, in the test process only.
 * Run by jest before each test file (setupFilesAfterEnv).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n } from 'i18next';

const folder = process.env.PITSTOP_KEY_REACH_DIR;
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
  });
}
