import { foldedWords } from './fold';

/** Whom the help is for, by age, as the documents divide it: children, young people (13–17), adults. */
export type AgeGroup = 'child' | 'young' | 'adult';

const YOUNG_FROM = 13;
const ADULT_FROM = 18;
/** Words that make a number an age: "på 17", "er 15", "16 år", "I'm 14", "15 yo", "aged 16". */
const BEFORE = new Set(['pa', 'er', 'm', 'im', 'is', 'aged', 'age', 'alder', 'blevet', 'kun']);
const AFTER = new Set(['ar', 'arig', 'arige', 'yo', 'years', 'year', 'y']);
/** "i 6 år", "for 3 år siden", "in 2 years": a time, not an age. */
const DURATION = new Set(['i', 'for', 'om', 'efter', 'sidste', 'in', 'since', 'after', 'past', 'last']);

/**
 * The age group a message gives for the person it is about ("min søn på 17", "jeg er 15", "she's 14
 * years old"), or undefined. Only the group is kept, never the number.
 */
export function ageGroupOf(text: string): AgeGroup | undefined {
  const words = foldedWords(text);
  for (const [index, word] of words.entries()) {
    if (!/^\d{1,2}$/.test(word)) continue;
    const before = words[index - 1] ?? '';
    const aged = BEFORE.has(before) || (AFTER.has(words[index + 1] ?? '') && !DURATION.has(before));
    const age = Number(word);
    if (!aged || age < 2) continue;
    return age < YOUNG_FROM ? 'child' : age < ADULT_FROM ? 'young' : 'adult';
  }
  return undefined;
}
