import { escapeRegExp } from '../../text/escape-reg-exp';
import type { Content } from '../content';
import { LANGUAGES, type Language } from '../content-schema';
import { flattenLocale } from '../locale-tree';

/** A fact's value written into a text instead of its `{{name}}`: when the fact changes, this text would not. */
export interface WrittenFact {
  language: Language;
  key: string;
  written: string;
  /** The placeholder to write instead; undefined for a phone number that is no fact yet. */
  fact?: string;
  /** A number with its unit ("14 dage") is only likely the fact; a phone number, a name or a law surely is. */
  sure: boolean;
}

/** A Danish phone number: eight digits, in pairs, fours or together, perhaps after +45; not inside a placeholder. */
const PHONE = /(?<![\d{])(?:\+45[ -]?)?\d{2}(?:[ -]?\d{2}){3}(?![\d}])/g;
const digitsOf = (text: string): string => text.replace(/\D/g, '').replace(/^45(?=\d{8}$)/, '');
/** Words after a number that say what is counted ("{{guaranteeDays}} dage"), not words that join numbers. */
const NOT_UNITS = new Set(['og', 'and', 'eller', 'or', 'til', 'to', 'i', 'in', 'af', 'of']);
/** Button labels that are the user's answers to the guide, fixed in code ("Under 13 år"), not statements of a fact. */
const isGuideChoice = (key: string): boolean => {
  const [section, group] = key.split('.');
  return section === 'guide' && group === 'choices';
};

export function writtenFacts(content: Content): WrittenFact[] {
  const texts = LANGUAGES.flatMap((language) => flattenLocale(content.locales[language]).map(([key, text]) => ({ language, key, text })));
  const phones = new Map(Object.entries(content.facts.phones).map(([name, number]) => [digitsOf(number), `{{phone_${name}}}`]));
  // Facts that are words, laws or ranges ("SEL § 101", "8–24") are found as written; a bare number is too common alone.
  const wordFacts = Object.entries(content.facts.values)
    .filter(([, value]) => /\D/.test(value))
    .sort(([, a], [, b]) => b.length - a.length)
    .map(([name, value]) => ({ value, fact: `{{${name}}}`, pattern: new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(value)}(?![\\p{L}\\d])`, 'gu') }));
  const numberUnits = new Map<string, string>();
  for (const { text } of texts) {
    for (const [, name, unit] of text.matchAll(/\{\{(\w+)\}\} (\p{L}+)/gu)) {
      const value = content.facts.values[name];
      if (value && /^\d+$/.test(value) && !NOT_UNITS.has(unit.toLowerCase())) numberUnits.set(`${value} ${unit}`, `{{${name}}} ${unit}`);
    }
  }

  const unitPatterns = [...numberUnits].map(([written, fact]) => ({
    written,
    fact,
    pattern: new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(written)}(?![\\p{L}])`, 'iu'),
  }));

  const found: WrittenFact[] = [];
  for (const { language, key, text } of texts) {
    for (const [written] of text.matchAll(PHONE)) found.push({ language, key, written, fact: phones.get(digitsOf(written)), sure: true });
    // The longest fact first, so "SEL § 101 a" is not also reported as "SEL § 101".
    let rest = text;
    for (const { value, fact, pattern } of wordFacts) {
      // search and replace ignore a global pattern's lastIndex, so one pattern serves every text.
      if (rest.search(pattern) < 0) continue;
      found.push({ language, key, written: value, fact, sure: true });
      rest = rest.replace(pattern, ' ');
    }
    if (isGuideChoice(key)) continue;
    for (const { written, fact, pattern } of unitPatterns) if (pattern.test(rest)) found.push({ language, key, written, fact, sure: false });
  }
  return found;
}
