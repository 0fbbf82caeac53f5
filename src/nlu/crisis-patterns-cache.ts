import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, HashedFileCache } from '../base/hashed-file-cache';
import type { CrisisContent } from '../content/crisis-schema';
import type { CrisisClassifier } from './crisis-classifier';
import { CrisisDetector } from './crisis-detector';
import { type PatternSnapshot, PatternVocabulary } from './token-patterns';

/**
 * What compiled patterns depend on besides the content: the code that folds a pattern's words and compiles it (as it
 * runs: TypeScript in the tests, JavaScript when built).
 */
function compilingCode(): string {
  const extension = path.extname(__filename);
  return [path.join(__dirname, `token-patterns${extension}`), path.join(__dirname, '..', 'text', `fold${extension}`)]
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

const COMPILING_CODE = `${compilingCode()}\nformat 1`;

export function defaultPatternCacheDir(): string {
  return cacheDir('patterns');
}

/**
 * The emergency detector, its patterns compiled from a snapshot of the last start with the same content and code
 * (`.cache/patterns/`), or compiled afresh and the snapshot stored. Compiling twelve thousand patterns took about a
 * third of a second of every start (issue 15); reading the snapshot back takes a small part of that. The snapshot is
 * replayed only pattern by pattern as each is added with the same text, so it can only ever save time.
 */
export function cachedCrisisDetector(content: CrisisContent, classifier?: CrisisClassifier, dir: string = defaultPatternCacheDir()): CrisisDetector {
  const key = createHash('sha256').update(COMPILING_CODE).update(JSON.stringify(content)).digest('hex').slice(0, 24);
  const cache = new HashedFileCache(dir, '.json');
  const vocabulary = PatternVocabulary.replaying(storedSnapshot(cache.read('crisis', key)));
  const detector = new CrisisDetector(content, classifier, vocabulary);
  const snapshot = vocabulary.finish();
  if (snapshot) cache.write('crisis', key, JSON.stringify(snapshot));
  return detector;
}

/** The stored snapshot, or undefined where there is none or it cannot be read back. */
function storedSnapshot(stored: Buffer | undefined): PatternSnapshot | undefined {
  if (stored === undefined) return undefined;
  try {
    const snapshot = JSON.parse(stored.toString('utf8')) as PatternSnapshot;
    return Array.isArray(snapshot?.atoms) && Array.isArray(snapshot.places) && Array.isArray(snapshot.elements) && Array.isArray(snapshot.patterns)
      ? snapshot
      : undefined;
  } catch {
    return undefined;
  }
}
