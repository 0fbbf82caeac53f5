import type { AgeGroup } from '../content/content-schema';
import { foldedWords } from '../text/fold';

export type { AgeGroup };

const YOUNG_FROM = 13;
export const ADULT_FROM = 18;
/** Writers of 18–25 still call themselves young ("jeg er 22, er det kun for teenagere?"); past that, an adult asks. */
export const YOUNG_ADULT_TO = 25;
/** Words that make a number an age: "på 17", "er 15", "16 år", "I'm 14", "15 yo", "aged 16". */
const BEFORE = new Set(['pa', 'er', 'm', 'im', 'is', 'aged', 'age', 'alder', 'blevet', 'kun', 'bare', 'only', 'just']);
const AFTER = new Set(['ar', 'arig', 'arige', 'yo', 'years', 'year', 'y']);
/** The words that make a number a bound on an age: "under 18", "jeg er over 18". */
const UPPER_BOUND = 'under';
const LOWER_BOUND = 'over';
/** "i 6 år", "for 3 år siden", "over 15 år", "in 2 years": a time or an amount, not an age. */
const NOT_AN_AGE_BEFORE = new Set([
  'i',
  'for',
  'om',
  'efter',
  'sidste',
  'over',
  'ca',
  'omkring',
  'naesten',
  'nesten',
  'in',
  'since',
  'after',
  'past',
  'last',
  'about',
  'almost',
  'around',
]);
/** "er 14 dage", "5 dage om ugen", "is 14 days": a number with a unit is never an age. */
const UNITS = new Set([
  'dage',
  'dag',
  'dages',
  'uger',
  'uge',
  'ugers',
  'maneder',
  'maned',
  'timer',
  'time',
  'gange',
  'gang',
  'kr',
  'kroner',
  'procent',
  'days',
  'day',
  'weeks',
  'week',
  'months',
  'month',
  'hours',
  'hour',
  'times',
  'minutes',
  'minutter',
]);

/**
 * The age group a message gives for the person it is about ("min søn på 17", "jeg er 15", "she's 14
 * years old"), or undefined. Only the group is kept, never the number.
 */
export function ageGroupOf(text: string): AgeGroup | undefined {
  const words = foldedWords(text);
  for (const [index, word] of words.entries()) {
    if (!/^\d{1,2}$/.test(word)) continue;
    const before = words[index - 1] ?? '';
    const after = words[index + 1] ?? '';
    // "under 18 (år)" bounds an age from above: those it means are younger ("unge under 18" are young, not adults);
    // "jeg er over 18" from below (while "i over 15 år" is a time).
    const upper = before === UPPER_BOUND;
    const lower = before === LOWER_BOUND && BEFORE.has(words[index - 2] ?? '');
    if (UNITS.has(after) || (NOT_AN_AGE_BEFORE.has(before) && !lower)) continue;
    const aged = upper || lower || BEFORE.has(before) || AFTER.has(after);
    const age = Number(word);
    if (!aged || age < 2) continue;
    return ageGroupOfAge(upper ? age - 1 : lower ? age + 1 : age);
  }
  return undefined;
}

/**
 * The age writers give for themselves ("jeg er 16", "I'm 14", "i am 19"), or undefined. Used at once to
 * tell whose help a message asks for, never kept.
 */
export function writerAgeOf(text: string): number | undefined {
  const words = foldedWords(text);
  for (const [index, word] of words.entries()) {
    if (!/^\d{1,2}$/.test(word) || UNITS.has(words[index + 1] ?? '') || NOT_OWN_AGE_AFTER.has(words[index + 2] ?? '')) continue;
    const [twoBefore, before] = [words[index - 2], words[index - 1]];
    if (saysOwnAge(twoBefore, before)) return Number(word);
    // "jeg er over 18", "i'm over 18": at least the next year's age.
    if (before === LOWER_BOUND && saysOwnAge(words[index - 3], twoBefore)) return Number(word) + 1;
  }
  // "… er der nogen jeg kan snakke med?? er 15": "er 15" as a sentence of its own, opening or closing the message.
  const signedOff = SIGNED_AGE.exec(text);
  return signedOff ? Number(signedOff[1] ?? signedOff[2]) : undefined;
}

/** "jeg er", "i am", "i'm" (folded "i m", "im"): the two words before which writers give their own age. */
function saysOwnAge(first: string | undefined, second: string | undefined): boolean {
  return (first === 'jeg' && second === 'er') || (first === 'i' && (second === 'm' || second === 'am')) || second === 'im';
}

/**
 * "er 17 btw, gælder det stadig for mig?": an aside after the age still signs it. Opening the message, "er 47 og tager
 * coke i weekenderne" gives the age with "jeg" left out, as SMS style does.
 */
const SIGNED_AGE =
  /^\s*er (\d{1,2})(?:\s+(?:btw|forresten|fyi))?\s*(?:[.!?,]|\s+(?:og|men)\s+(?!\d)|$)|(?:^|[.!?]\s*)er (\d{1,2})(?:\s+(?:btw|forresten|fyi))?\s*[.!?]*\s*$/i;
/** "I'm 10 years sober", "jeg er 5 år clean": a time without, not an age. */
const NOT_OWN_AGE_AFTER = new Set(['sober', 'clean', 'aedru', 'stoffri', 'ude', 'off']);

/** The group an age belongs to: the one place the 13 and 18 year limits are written. */
export function ageGroupOfAge(age: number): AgeGroup {
  return age < YOUNG_FROM ? 'child' : age < ADULT_FROM ? 'young' : 'adult';
}

/** Under 18: a child or a young person. */
export function isUnderAge(ageGroup: AgeGroup | undefined): boolean {
  return ageGroup === 'child' || ageGroup === 'young';
}
