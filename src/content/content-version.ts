import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A fingerprint of one folder's files, their paths and bytes: the same files give the same digest, any edit another. */
export function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(`${path.basename(dir)}/${path.relative(dir, file).split(path.sep).join('/')}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * A short fingerprint of the files an answer is made from (the digests of content/ and sources/): the same files give
 * the same version on every instance, and any edit gives another, so staff can tell which text answered.
 */
export function contentVersion(folderDigests: readonly string[]): string {
  return createHash('sha256').update(folderDigests.join('\0')).digest('hex').slice(0, 12);
}
