import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, HashedFileCache } from '../base/hashed-file-cache';
import { projectRoot } from '../base/project-paths';
import { DEFAULT_OPTIONS, type LabelledText, SoftmaxClassifier } from './softmax-classifier';
import { TfidfVectorizer } from './tfidf-vectorizer';

/** The files whose code turns text into features and learns from them, under `src/` (as modules, without extension). */
export const TRAINING_SOURCES = ['text/fold', 'nlu/tfidf-vectorizer', 'nlu/softmax-classifier'];

/**
 * What a model depends on besides its examples: the code that turns text into features and learns
 * from them, so any edit trains afresh. Read from the TypeScript sources where they are (the tests, the
 * test bot and the built bot then share one model); else, in a bot deployed without them, from the
 * compiled modules beside this one.
 */
function trainingCode(): string {
  const read = (dir: string, extension: string) => TRAINING_SOURCES.map((name) => readFileSync(path.join(dir, `${name}${extension}`), 'utf8')).join('\n');
  try {
    return read(path.join(projectRoot(), 'src'), '.ts');
  } catch {
    try {
      return read(path.join(__dirname, '..'), path.extname(__filename));
    } catch {
      // Laid out otherwise (bundled): the running classes' code, which leaves out the fold's helpers but never fails a start.
      return [SoftmaxClassifier, TfidfVectorizer].map(String).join('\n');
    }
  }
}

const TRAINING_CODE = `${trainingCode()}\nformat 1`;

export function defaultModelCacheDir(): string {
  return cacheDir('models');
}

/**
 * A classifier trained on these examples: read from the cache folder when the same examples were
 * learnt before (by an earlier start, or another test file), else trained and stored there. The file
 * is named by a hash of the examples, the training settings and code, so any change in them trains
 * afresh; training is seeded, so a stored model is exactly the model training would give.
 */
export function cachedClassifier(name: string, examples: readonly LabelledText[], dir: string = defaultModelCacheDir()): SoftmaxClassifier {
  const key = modelKey(examples);
  const cache = new HashedFileCache(dir, '.model');
  const stored = cache.read(name, key);
  if (stored) {
    try {
      return SoftmaxClassifier.fromBuffer(stored);
    } catch {
      // damaged: trained again below
    }
  }
  const classifier = SoftmaxClassifier.train(examples);
  cache.write(name, key, classifier.toBuffer());
  return classifier;
}

/**
 * The hash a model is stored under. Each example goes into the hash on its own, label and text prefixed by their
 * lengths so that no two lists hash alike: a tenth of the time of hashing the examples as one JSON text (a start
 * hashes about 110 000 of them; issue 15, cold start).
 */
function modelKey(examples: readonly LabelledText[]): string {
  const hash = createHash('sha256').update(JSON.stringify({ code: TRAINING_CODE, options: DEFAULT_OPTIONS }));
  for (const { label, text } of examples) hash.update(`${label.length}:${label}${text.length}:${text}`);
  return hash.digest('hex').slice(0, 24);
}
