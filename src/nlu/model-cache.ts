import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../base/project-paths';
import { fold, foldedWords } from '../text/fold';
import { DEFAULT_OPTIONS, type LabelledText, SoftmaxClassifier } from './softmax-classifier';
import { MAX_GRAM, MIN_GRAM, TfidfVectorizer, termsOf } from './tfidf-vectorizer';

/** The files whose code turns text into features and learns from them. */
const TRAINING_SOURCES = ['fold', 'tfidf-vectorizer', 'softmax-classifier'];

/**
 * What a model depends on besides its examples: the code that turns text into features and learns
 * from them, so any edit trains afresh. Read from the TypeScript sources where they are (the tests, the
 * test bot and the built bot then share one model); else from the running functions, which differ by
 * compiler but still change with every edit.
 */
function trainingCode(): string {
  const dir = path.join(projectRoot(), 'src', 'nlu');
  try {
    return TRAINING_SOURCES.map((name) => readFileSync(path.join(dir, `${name}.ts`), 'utf8')).join('\n');
  } catch {
    return [SoftmaxClassifier, TfidfVectorizer, termsOf, fold, foldedWords].map(String).concat(`grams ${MIN_GRAM}-${MAX_GRAM}`).join('\n');
  }
}

const TRAINING_CODE = `${trainingCode()}\nformat 1`;

export function defaultModelCacheDir(): string {
  return path.join(projectRoot(), '.cache', 'models');
}

/**
 * A classifier trained on these examples: read from the cache folder when the same examples were
 * learnt before (by an earlier start, or another test file), else trained and stored there. The file
 * is named by a hash of the examples, the training settings and code, so any change in them trains
 * afresh; training is seeded, so a stored model is exactly the model training would give. A folder
 * that cannot be written (a read-only image) only costs the time to train.
 */
export function cachedClassifier(name: string, examples: readonly LabelledText[], dir: string = defaultModelCacheDir()): SoftmaxClassifier {
  const key = createHash('sha256')
    .update(JSON.stringify({ code: TRAINING_CODE, options: DEFAULT_OPTIONS, examples }))
    .digest('hex')
    .slice(0, 24);
  const file = path.join(dir, `${name}-${key}.model`);
  try {
    const stored = SoftmaxClassifier.fromBuffer(readFileSync(file));
    touch(file);
    return stored;
  } catch {
    // not stored yet, or unreadable: trained below
  }
  const classifier = SoftmaxClassifier.train(examples);
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole under another name and renamed, so a reader never sees half a model.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, classifier.toBuffer());
    renameSync(partial, file);
    removeUnused(dir, name);
  } catch {
    // a read-only folder: the model lives in memory only
  }
  return classifier;
}

/** A model not read for this long belongs to content or code that has changed since. */
const UNUSED_MS = 24 * 3_600_000;

function touch(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // a read-only folder: the model is simply never removed as unused
  }
}

/**
 * Removes models of this name nobody has read for a day. Not every other one: the tests and the built
 * bot compile the same code differently, so each keeps a model of its own in the same folder.
 */
function removeUnused(dir: string, name: string): void {
  for (const entry of readdirSync(dir).filter((candidate) => candidate.startsWith(`${name}-`) && candidate.endsWith('.model'))) {
    const file = path.join(dir, entry);
    if (Date.now() - statSync(file).mtimeMs > UNUSED_MS) rmSync(file, { force: true });
  }
}
