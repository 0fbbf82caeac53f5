import { sentencesWithMarks } from '../text/sentences';

export type PersonalDataKind = 'cpr' | 'phone' | 'email';

export interface Redaction {
  text: string;
  found: PersonalDataKind[];
  /** The phone numbers removed, as eight digits: only for a call-back the writer asked for. */
  phones: string[];
}

const PLACEHOLDER: Record<PersonalDataKind, string> = { cpr: '[cpr]', phone: '[phone]', email: '[email]' };
const PLACEHOLDERS = /\[(?:cpr|phone|email)\]/g;
/** The same, not global: a test that keeps no position between strings. */
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDERS.source);

// Soft hyphen, zero-width and direction marks, word joiners and the BOM: invisible, and used to slip
// a number past a pattern.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Control characters other than tab and line breaks carry no meaning in a chat message.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// E-mail addresses are found from each "@" outwards, not by one pattern over the whole text: the usual
// pattern tries every start in a long run of letters and is quadratic, which stalls the event loop.
const LOCAL_PART_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
// Anchored at the "@" and its segments separated by dots, so it is linear in the domain's length.
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

// DDMMYY then four digits, the groups optionally apart: "010190-1234", "0101901234", "01 01 90 1234".
// One way to read each run of spaces ("\s*(?:-\s*)?", not "\s*-?\s*"), so a long run cannot backtrack.
const CPR = /(?<!\d)(\d{2})[ .]?(\d{2})[ .]?(\d{2})\s*(?:[-–.]\s*)?(\d{4})(?!\d)/g;

// Eight digits, in any grouping, after an optional +45, 0045 or (+45).
const PHONE = /(?<![\d+])(?:\(?(?:\+|00)\s?45\)?[\s.-]*)?(?:\d[\s.-]?){7}\d(?!\d)/g;

function isCprDate(day: string, month: string): boolean {
  const d = Number(day);
  const m = Number(month);
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * Makes the text well-formed (lone surrogates become U+FFFD, control characters spaces) and replaces
 * CPR numbers, Danish phone numbers and e-mail addresses with placeholders. Phone numbers in
 * allowedPhones (the public numbers the bot itself gives, such as Pitstop's) are left as they are.
 */
export function redactPersonalData(input: string, allowedPhones: readonly string[] = []): Redaction {
  const found = new Set<PersonalDataKind>();
  const phones: string[] = [];
  const allowed = new Set(allowedPhones.map(digitsOf));
  let text = input.replace(LONE_SURROGATE, '\uFFFD').normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ');
  text = replaceEmails(text, () => {
    found.add('email');
    return PLACEHOLDER.email;
  });
  text = text.replace(CPR, (match: string, day: string, month: string) => {
    if (!isCprDate(day, month)) return match;
    found.add('cpr');
    return PLACEHOLDER.cpr;
  });
  text = text.replace(PHONE, (match: string) => {
    const number = digitsOf(match).slice(-8);
    if (allowed.has(number)) return match;
    found.add('phone');
    phones.push(number);
    return PLACEHOLDER.phone;
  });
  return { text, found: [...found], phones };
}

/** The whole character (one or two UTF-16 units) that starts at, or ends just before, a position. */
const charAt = (text: string, index: number): string => String.fromCodePoint(text.codePointAt(index) ?? 0);
const charBefore = (text: string, index: number): string =>
  index >= 2 && /[\uDC00-\uDFFF]/.test(text[index - 1]) && /[\uD800-\uDBFF]/.test(text[index - 2])
    ? text.slice(index - 2, index)
    : text.slice(index - 1, index);

/** Every e-mail address replaced: the local part before each "@" and a domain after it, each scanned once. */
function replaceEmails(text: string, replacement: () => string): string {
  let result = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    for (let char = charBefore(text, start); start > copied && LOCAL_PART_CHAR.test(char); char = charBefore(text, start)) start -= char.length;
    let end = at + 1;
    for (let char = charAt(text, end); end < text.length && DOMAIN_CHAR.test(char); char = charAt(text, end)) end += char.length;
    const domain = DOMAIN.exec(text.slice(at + 1, end));
    if (start === at || !domain) continue;
    result += text.slice(copied, start) + replacement();
    copied = at + 1 + domain[0].length;
    at = copied - 1;
  }
  return result + text.slice(copied);
}

/** The text without placeholders, for code that should not read meaning into them. */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDERS, ' ');
}

/**
 * A message's question without the sentences that gave personal data ("Jeg hedder Mette, cpr [cpr], tlf [phone]. Hvad
 * koster det?" asks "Hvad koster det?"): those introduce the writer and ask nothing, and their leftover words ("cpr",
 * "tlf", "mail") pulled a reading away from the question. Only where another sentence asks (ends in "?"); otherwise the
 * message as it is ("ring til mig på [phone] og sig hvad det koster").
 */
export function withoutDataSentences(text: string): string {
  if (!HAS_PLACEHOLDER.test(text)) return text;
  const sentences = sentencesWithMarks(text);
  const asking = sentences.filter((sentence) => !HAS_PLACEHOLDER.test(sentence));
  if (asking.length === sentences.length || !asking.some((sentence) => sentence.trim().endsWith('?'))) return text;
  return asking.join(' ').trim();
}
