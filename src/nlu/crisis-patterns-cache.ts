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
  const sources = [
    path.join(__dirname, `token-patterns${extension}`),
    path.join(__dirname, `crisis-detector${extension}`),
    path.join(__dirname, '..', 'text', `fold${extension}`),
    path.join(__dirname, '..', 'base', `lists-by-key${extension}`),
  ];
  // The fold's Unicode normalisation and letter classes follow the runtime's Unicode tables.
  return [...sources.map((file) => readFileSync(file, 'utf8')), `unicode ${process.versions.unicode}`].join('\n');
}

const COMPILING_CODE = `${compilingCode()}\nformat 2`;

export function defaultPatternCacheDir(): string {
  return cacheDir('patterns');
}

/**
 * The emergency detector, its patterns compiled from a snapshot of the last start with the same content and code
 * (`.cache/patterns/`), or compiled afresh and the snapshot stored. Compiling twelve thousand patterns took about a
 * third of a second of every start (issue 15); reading the snapshot back takes a small part of that. The key covers
 * everything a compiled pattern depends on (the content, with its groups; the code that folds and compiles; the
 * runtime's Unicode tables); the snapshot is replayed only pattern by pattern as each is added with the same text, and
 * one that does not read back whole (a damaged file, a checksum that does not match) is compiled afresh.
 */
export function cachedCrisisDetector(content: CrisisContent, classifier?: CrisisClassifier, dir: string = defaultPatternCacheDir()): CrisisDetector {
  const key = createHash('sha256').update(COMPILING_CODE).update(JSON.stringify(content)).digest('hex').slice(0, 24);
  const cache = new HashedFileCache(dir, '.json');
  const stored = storedSnapshot(cache.read('crisis', key));
  const built = (snapshot: PatternSnapshot | undefined) => {
    const vocabulary = PatternVocabulary.replaying(snapshot);
    return { detector: new CrisisDetector(content, classifier, vocabulary), vocabulary };
  };
  let replayed: ReturnType<typeof built>;
  try {
    replayed = built(stored);
  } catch (error) {
    // A snapshot that is whole but does not fit (this code cannot write one): compiled afresh, and stored again below.
    if (stored === undefined) throw error;
    replayed = built(undefined);
  }
  const snapshot = replayed.vocabulary.finish();
  if (snapshot) cache.write('crisis', key, withChecksum(snapshot));
  return replayed.detector;
}

/** The snapshot as stored: the SHA-256 of its JSON on the first line, the JSON after it. */
function withChecksum(snapshot: PatternSnapshot): string {
  const body = JSON.stringify(snapshot);
  return `${createHash('sha256').update(body).digest('hex')}\n${body}`;
}

/** The stored snapshot, or undefined where there is none, or it is damaged (its checksum does not match) or unreadable. */
function storedSnapshot(stored: Buffer | undefined): PatternSnapshot | undefined {
  if (stored === undefined) return undefined;
  const text = stored.toString('utf8');
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline < 0 || createHash('sha256').update(body).digest('hex') !== text.slice(0, newline)) return undefined;
  try {
    return JSON.parse(body) as PatternSnapshot;
  } catch {
    return undefined;
  }
}
