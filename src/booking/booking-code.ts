import { randomInt } from 'node:crypto';
import { fold } from '../text/fold';

/**
 * Booking codes are an adjective, a noun and six digits ("BLÅ-MÅGE-471852"): easy to say at the door or
 * on the phone, and with 64 × 76 × 900 000 ≈ 4.4 billion codes (more than 2³²) too many to guess. Within
 * each list, words differ in at least three letters after folding, so a code with one wrong, missing or
 * extra letter per word still finds exactly one booking. Codes from before the six digits (two digits)
 * are still read, so bookings made then can be found until they are deleted.
 */
// biome-ignore format: a word list reads best as a block
export const CODE_ADJECTIVES = [
  'BLÅ', 'RØD', 'GUL', 'HVID', 'SORT', 'LILLA', 'BRUN', 'MODIG', 'VARM', 'KLOG', 'STILLE', 'FRISK',
  'LYS', 'MILD', 'TRYG', 'HURTIG', 'FIN', 'STÆRK', 'SJOV', 'GAMMEL', 'KÆK', 'SOLRIG', 'VENLIG', 'TYND',
  'LANG', 'NYSGERRIG', 'SMUK', 'TAPPER', 'ORANGE', 'GYLDEN', 'ÆDEL', 'LYSTIG', 'MUNTER', 'FREDELIG', 'HJERTELIG', 'NÆNSOM',
  'SIKKER', 'SAGTE', 'LIVLIG', 'VÅGEN', 'ROBUST', 'STRÅLENDE', 'TÅLMODIG', 'BEHAGELIG', 'KRØLLET', 'PLETTET', 'STRIBET', 'PRIKKET',
  'LODDEN', 'HJÆLPSOM', 'POSITIV', 'GAVMILD', 'HÅBEFULD', 'KREATIV', 'RUMMELIG', 'GLITRENDE', 'DANSENDE', 'SYNGENDE', 'SMILENDE', 'TROFAST',
  'EVENTYRLIG', 'UNDERFULD', 'ELEGANT', 'PRÆGTIG',
] as const;
// biome-ignore format: a word list reads best as a block
export const CODE_NOUNS = [
  'MÅGE', 'ODDER', 'UGLE', 'GED', 'ØRN', 'SVANE', 'LAKS', 'TORSK', 'KRABBE', 'MUS', 'ELG', 'LÆRKE',
  'SPURV', 'RAVN', 'HJORT', 'EGERN', 'PINDSVIN', 'TUDSE', 'SILD', 'HVAL', 'DELFIN', 'HEST', 'GRIS', 'FÅR',
  'HUND', 'HEJRE', 'VIBE', 'STJERNE', 'STORM', 'BØLGE', 'KLIT', 'ROSE', 'TIGER', 'ZEBRA', 'GIRAF', 'ELEFANT',
  'KANIN', 'HAMSTER', 'SNEGL', 'SKOV', 'BJERG', 'STRAND', 'KOMET', 'PLANET', 'REGNBUE', 'TULIPAN', 'LILJE', 'BIRK',
  'KASTANJE', 'ANKER', 'FYRTÅRN', 'BALLON', 'CYKEL', 'TROMME', 'GUITAR', 'FLØJTE', 'KLOKKE', 'LAMPE', 'JORDBÆR', 'CITRON',
  'VIOLIN', 'KUFFERT', 'PARAPLY', 'BLYANT', 'PELIKAN', 'KOLIBRI', 'BÆVER', 'MUSLING', 'HUMMER', 'FLAMINGO', 'DROSSEL', 'SOLSORT',
  'KRINGLE', 'VAFFEL', 'MUFFIN', 'KOMPAS',
] as const;

const CODE_NUMBER_MIN = 100_000;
const CODE_NUMBER_MAX = 999_999;
/** How many codes can be drawn: what a guesser has to search. */
export const CODE_SPACE = CODE_ADJECTIVES.length * CODE_NOUNS.length * (CODE_NUMBER_MAX - CODE_NUMBER_MIN + 1);

/** Short words are also everyday words ("fin", "min"); only longer ones forgive a typo. */
const TYPO_MIN_LENGTH = 4;

/** A message with a code is short ("aflys BLÅ-MÅGE-471852", "min kode er blå måge 471 852"); longer ones are questions. */
const MAX_OTHER_WORDS = 4;

export function newBookingCode(): string {
  const number = randomInt(CODE_NUMBER_MIN, CODE_NUMBER_MAX + 1);
  return `${CODE_ADJECTIVES[randomInt(CODE_ADJECTIVES.length)]}-${CODE_NOUNS[randomInt(CODE_NOUNS.length)]}-${number}`;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function nearest(words: readonly string[], typed: string): string | undefined {
  return words.find((word) => {
    const folded = fold(word);
    // Words whose lengths differ by more than one are more than one edit apart: not worth a table of distances.
    return folded === typed || (folded.length >= TYPO_MIN_LENGTH && Math.abs(folded.length - typed.length) <= 1 && editDistance(folded, typed) <= 1);
  });
}

/** The longest a code's words can be written: an adjective and a noun run together, plus one typo. */
const MAX_CODE_WORD_LETTERS = Math.max(...CODE_ADJECTIVES.map((word) => word.length)) + Math.max(...CODE_NOUNS.map((word) => word.length)) + 1;

/** The word pair a token or two spell, also when typed together ("blamage"). */

function wordPair(first: string, second: string | undefined): [string, string] | undefined {
  // Every split of a long word would be compared with every code word: a long word is never a code.
  if (first.length > MAX_CODE_WORD_LETTERS || (second?.length ?? 0) > MAX_CODE_WORD_LETTERS) return undefined;
  if (second !== undefined) {
    const adjective = nearest(CODE_ADJECTIVES, first);
    const noun = nearest(CODE_NOUNS, second);
    if (adjective && noun) return [adjective, noun];
  }
  for (let split = 2; split < first.length - 1; split++) {
    const adjective = nearest(CODE_ADJECTIVES, first.slice(0, split));
    const noun = nearest(CODE_NOUNS, first.slice(split));
    if (adjective && noun) return [adjective, noun];
  }
  return undefined;
}

/** A code's number: six digits, or two in a code from before the six. */
const CODE_NUMBER = /^(?:\d{6}|\d{2})$/;

/**
 * The booking code in a message, written as the bot writes it or in lower case, without å/æ/ø, with
 * spaces for dashes, the digits in groups ("471 852") or with one letter wrong per word. Undefined
 * when the message holds no code.
 */
export function findBookingCode(message: string): string | undefined {
  // Digits in groups are one number; the separator inside the group is required, so the pattern has
  // one way only to match and stays linear.
  const tokens = (fold(message).match(/\p{L}+|\d+(?:[ .-]\d+)*/gu) ?? []).map((token) => (/^\d/.test(token) ? token.replace(/\D/g, '') : token));
  // A code stands in a short message (two words, a number and a few others); checking that first keeps
  // the search below, which looks ahead for the number, from growing with the square of a long text.
  if (tokens.length > MAX_OTHER_WORDS + 3) return undefined;
  for (let index = 0; index < tokens.length; index++) {
    const number = tokens.findIndex((token, at) => at > index && /^\d+$/.test(token));
    if (number < 0 || !CODE_NUMBER.test(tokens[number])) continue;
    const words = tokens.slice(index, number);
    if (words.length === 0 || words.length > 2 || words.some((word) => /\d/.test(word))) continue;
    const pair = wordPair(words[0], words[1]);
    if (pair && tokens.length - words.length - 1 <= MAX_OTHER_WORDS) return `${pair[0]}-${pair[1]}-${tokens[number]}`;
  }
  return undefined;
}
