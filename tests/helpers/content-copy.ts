import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { defaultContentDir } from '../../src/base/project-paths';

// biome-ignore lint/suspicious/noExplicitAny: tests edit content files as free data to break them on purpose
export type Json = Record<string, any>;

/** A copy of the real content in a new temporary folder (the caller removes it). */
export function copyOfContent(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(defaultContentDir(), dir, { recursive: true });
  return dir;
}

/** Changes one content file of a copy as an editor would, and writes it back in its own format (YAML or two-space JSON). */
export function editContentFile(dir: string, file: string, change: (data: Json) => void): void {
  const target = path.join(dir, file);
  const yaml = file.endsWith('.yaml');
  const text = readFileSync(target, 'utf8');
  const data = (yaml ? parseYaml(text) : JSON.parse(text)) as Json;
  change(data);
  writeFileSync(target, yaml ? stringifyYaml(data, { lineWidth: 0 }) : `${JSON.stringify(data, null, 2)}\n`);
}
