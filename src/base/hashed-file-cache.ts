import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-paths';

/** The git-ignored folder for what a start can derive again: trained models, compiled patterns, parsed content, compressed static files. */
export function cacheDir(kind: string): string {
  return path.join(projectRoot(), '.cache', kind);
}

/** A file not read for this long belongs to content or code that has changed since. */
const UNUSED_MS = 24 * 3_600_000;

/**
 * Files named `<name>-<hash of what made them><extension>` in one folder: what a start derives from its inputs
 * (a trained model, parsed content) is read back when the same inputs come again, and derived afresh when any of
 * them changes. A folder that cannot be written (a read-only image) only costs the time to derive it.
 */
export class HashedFileCache {
  constructor(
    private readonly dir: string,
    private readonly extension: string,
  ) {}

  private file(name: string, key: string): string {
    return path.join(this.dir, `${name}-${key}${this.extension}`);
  }

  /** The stored bytes, or undefined when there are none (or they cannot be read). */
  read(name: string, key: string): Buffer | undefined {
    const file = this.file(name, key);
    try {
      const stored = readFileSync(file);
      touch(file);
      return stored;
    } catch {
      return undefined;
    }
  }

  /** Stores the bytes whole under another name and renames them, so a reader never sees half a file. */
  write(name: string, key: string, data: Buffer | string): void {
    const file = this.file(name, key);
    try {
      mkdirSync(this.dir, { recursive: true });
      // Unique per writer: processes in containers that share the folder may all be pid 1.
      const partial = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.partial`;
      writeFileSync(partial, data);
      renameSync(partial, file);
      this.removeUnused(name);
    } catch {
      // a read-only folder: derived again at every start
    }
  }

  /**
   * Removes files of this name nobody has read for a day. Not every other one: a start whose training code is read
   * from compiled modules (no `src/` beside it) keys its models differently from one that reads the sources, and
   * both may use the same folder.
   */
  private removeUnused(name: string): void {
    for (const entry of readdirSync(this.dir).filter((candidate) => candidate.startsWith(`${name}-`) && candidate.endsWith(this.extension))) {
      const file = path.join(this.dir, entry);
      if (Date.now() - statSync(file).mtimeMs > UNUSED_MS) rmSync(file, { force: true });
    }
  }
}

function touch(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // a read-only folder: the file is simply never removed as unused
  }
}
