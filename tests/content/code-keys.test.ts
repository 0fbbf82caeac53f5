import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContentDir } from '../../src/base/project-paths';
import { LANGUAGES } from '../../src/content/content-schema';
import { loadContent } from '../../src/content/load-content';
import { tsFilesUnder } from '../helpers/import-graph';

/**
 * Keys and topic ids written in code are plain strings: a typo would show a key to the user or make a rule
 * never fire. Every one the code names must exist, in both languages.
 */
const ROOT = path.join(__dirname, '..', '..');
const CODE_FOLDERS = ['src', 'dialogs'];
const LOCALE_KEY = /'((?:ui|guide|booking|crisis|topics|page|pages|handoff|sources)\.[A-Za-z0-9_.]+)'/g;
const TOPIC_CONSTANT = /const [A-Z_]+_TOPIC = '([a-z_]+)'/g;
/** Sets or lists of topic ids a rule reads, e.g. `const YOUNG_READINGS = new Set(['treatment_types', 'get_help'])`. */
const TOPIC_SET = /const [A-Z_]+_READINGS = (?:new Set\()?\[([^\]]*)\]/g;
/** Topic ids by a key, e.g. `const AUDIENCE_TOPIC: Record<Audience, string> = { relative: 'relatives', … }`. */
const TOPIC_RECORD = /const [A-Z_]+_TOPIC: Record<[^>]+> = \{([^}]*)\}/g;

const code = CODE_FOLDERS.flatMap((folder) => tsFilesUnder(path.join(ROOT, folder))).map((file) => readFileSync(file, 'utf8'));
/** The chat and staff pages' scripts, which get their words as whole subtrees (page, pages.staff) and use them by name. */
const browserCode = readdirSync(path.join(ROOT, 'public'))
  .filter((file) => /\.(js|html)$/.test(file))
  .map((file) => readFileSync(path.join(ROOT, 'public', file), 'utf8'))
  .join('\n');
const found = (pattern: RegExp): string[] => [...new Set(code.flatMap((text) => [...text.matchAll(pattern)].map((match) => match[1])))].sort();
const content = loadContent(defaultContentDir());

/** Whether the locale holds the key, as a text, a group of texts, or plural forms (i18next's `key_one`, `key_other`). */
function hasPath(tree: unknown, key: string): boolean {
  const parts = key.split('.');
  let node = tree;
  for (const [index, part] of parts.entries()) {
    if (typeof node !== 'object' || node === null) return false;
    const record = node as Record<string, unknown>;
    if (index === parts.length - 1 && !(part in record)) return `${part}_one` in record && `${part}_other` in record;
    if (!(part in record)) return false;
    node = record[part];
  }
  return true;
}

describe('keys and topic ids named in code', () => {
  // File names such as 'topics.yaml' look like keys and are not.
  const keys = found(LOCALE_KEY).filter((key) => !/\.(json|yaml)$/.test(key));

  it('finds the keys the code uses (the scan itself works)', () => {
    expect(keys).toEqual(expect.arrayContaining(['ui.clarify', 'crisis.acute.lead', 'booking.intro', 'guide.askWho']));
    expect(keys.length).toBeGreaterThan(50);
  });

  it.each(LANGUAGES)('has every locale key the code names in %s', (language) => {
    expect(keys.filter((key) => !hasPath(content.locales[language], key))).toEqual([]);
  });

  it('names only topics that exist', () => {
    const sets = [...found(TOPIC_SET), ...found(TOPIC_RECORD)].flatMap((list) => [...list.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]));
    expect(sets.length).toBeGreaterThan(3);
    const ids = [...found(TOPIC_CONSTANT), ...sets];
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.filter((id) => !content.topicById.has(id))).toEqual([]);
  });

  it.each(LANGUAGES)('uses every locale key in %s: named in code, built there from data, or read by the page', (language) => {
    // Keys built in code from an id or a name (`topics.${topic.id}.answer`, `pages.${page}.${name}`) reach every key
    // of that shape and the subtree under it (a page's sections are drawn whole).
    const templates = found(TEMPLATE_KEY)
      .filter((template) => !BROWSER_SUBTREES.some((subtree) => template.startsWith(subtree)))
      .map((template) => new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\$\{[^}]+\}/g, '[A-Za-z0-9_]+')}(\\..+)?$`));
    const named = new Set(keys);
    const reached = (key: string): boolean =>
      named.has(key) ||
      templates.some((template) => template.test(key)) ||
      // A variant of a key the code names: an answer for an audience or aspect, a question for a writer, a plural.
      (/_[a-z]+$/.test(key) && reached(key.replace(/_[a-z]+$/, ''))) ||
      (BROWSER_SUBTREES.some((subtree) => key.startsWith(subtree)) && new RegExp(`[.'"]${key.split('.').at(-1)}\\b`).test(browserCode));
    expect(leafKeys(content.locales[language]).filter((key) => !reached(key))).toEqual([]);
  });
});

/** Key templates in code: a backtick string that starts like a key and has a placeholder in it. */
const TEMPLATE_KEY = /`((?:ui|guide|booking|crisis|topics|page|pages|sources)\.[A-Za-z0-9_.]*\$\{[^`]*)`/g;
/** Subtrees the page scripts receive whole and read by name (src/http/chat-page.ts, staff-page.ts). */
const BROWSER_SUBTREES = ['page.', 'pages.staff.'];

function leafKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([name, child]) => leafKeys(child, prefix ? `${prefix}.${name}` : name));
}
