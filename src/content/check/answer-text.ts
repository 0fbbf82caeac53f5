import { ASPECTS, AUDIENCES } from '../content-schema';
import { PLACEHOLDER } from '../locale-tree';

/** The texts a citizen asks for: each topic's answer, its audience variants and its aspect cells. */
const ANSWER_LEAVES = new Set(['answer', ...AUDIENCES.map((audience) => `answer_${audience}`), ...ASPECTS]);

export function isAnswerKey(key: string): boolean {
  const parts = key.split('.');
  return parts.length === 3 && parts[0] === 'topics' && ANSWER_LEAVES.has(parts[2]);
}

/**
 * An answer as it shows on screen: facts filled in, Markdown marks and link targets gone. Variables that
 * only a reply fills in (a date, a count) stand as a short word.
 */
export function visibleText(text: string, variables: Record<string, string>): string {
  return text
    .replace(PLACEHOLDER, (_whole, name: string) => variables[name] ?? 'xxxx')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)_(\S[^_]*\S|\S)_(?=\W|$)/g, '$1$2')
    .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '');
}
