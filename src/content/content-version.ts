import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A short fingerprint of the files an answer is made from (content/ and sources/): the same files give
 * the same version on every instance, and any edit gives another, so staff can tell which text answered.
 */
export function contentVersion(dirs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) {
      hash.update(`${path.basename(dir)}/${path.relative(dir, file).split(path.sep).join('/')}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex').slice(0, 12);
}
