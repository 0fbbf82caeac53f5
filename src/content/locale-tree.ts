import type { LocaleTree } from './content-schema';

export function textAt(tree: LocaleTree, key: string): string | undefined {
  let node: string | LocaleTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Every leaf of the tree as [dotted key, text]. */
export function flattenLocale(tree: LocaleTree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    const dotted = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[dotted, value]] : flattenLocale(value, dotted);
  });
}

/** A placeholder in a text, "{{guaranteeDays}}", with its name as the first group (global: for matchAll and replace, which keep no state in it). */
export const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();
}
