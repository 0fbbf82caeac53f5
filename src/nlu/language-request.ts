import type { Language } from '../content/content-schema';
import { foldedWords } from '../text/fold';
import { QUESTION_WORDS } from './question-words';

type LanguageCommand = 'english' | 'danish';

/** The language a request names, by its folded word. */
const LANGUAGE_NAMES: ReadonlyMap<string, LanguageCommand> = new Map([
  ['english', 'english'],
  ['engelsk', 'english'],
  ['danish', 'danish'],
  ['dansk', 'danish'],
]);

/** The reply language each request asks for. */
export const LANGUAGE_OF_REQUEST: Readonly<Record<LanguageCommand, Language>> = { english: 'en', danish: 'da' };

/**
 * The words a request for the same answer in another language is made of, folded ("på" is "pa", "få" "fa"):
 * "same in english?", "og på engelsk?", "sorry can u write that in english", "can you explain that in english",
 * "can you write it in english too", "kan du oversætte det til dansk".
 * No word that asks about something else ("tale", "speak", "pitstop", "behandling"): "taler de engelsk på
 * pitstop?" asks whether staff speak English, which is another question.
 */
const REQUEST_WORDS: ReadonlySet<string> = new Set([
  ...foldedWords(
    'same and also too well again in the that this it answer version please pls plz sorry could can would you u give me get have like want i d say write tell explain repeat translate translated into to now ok okay what about then thanks',
  ),
  ...foldedWords(
    'samme og også igen på paa til det den svaret svar kan kunne du jeg få faa mig sige skrive svare forklare forklar gentage gentag oversætte oversæt oversat gerne vil tak lige hele nu ok okay hvad med så undskyld',
  ),
]);

/** "For my partner", "til min mor": whom the answer is for, after the request ("can you explain that in english for my partner"). */
const FOR_WORDS: ReadonlySet<string> = new Set(foldedWords('for til'));
const OWNER_WORDS: ReadonlySet<string> = new Set(foldedWords('my our his her min mit mine vores hans hendes'));
/** The whole "for my partner" tail counts at most this many words, "for" included. */
const FOR_MAX_WORDS = 4;

/** Question words that also join a relative clause ("my friend who's also 16 wants to read it"): no question of their own. */
const RELATIVE_WORDS: ReadonlySet<string> = new Set(foldedWords("who whom whose which who's whos"));

/**
 * A remark beside the request may say why ("my dad is asking", "my friend who's also 16 wants to read it") but not
 * ask something of its own, with a question word ("same in english, and where is it", "my mom wants to know what it
 * costs") or a "?" after words that are more than a request's ("ok?", "tak?" ask nothing): then the message asks
 * that question, in the language requested.
 */
const MAX_REMARK_WORDS = 10;

export interface LanguageRequest {
  command: LanguageCommand;
  /** What the message asks beside the request ("sorry can you say that in english, is it free?"), to answer in that language. */
  question?: string;
}

/**
 * "pls in english, my dad is asking" or "Could you give me that in English? I'm preparing a briefing for an
 * international colleague": a part of the message made only of a language's name and request words asks for
 * the answer again in that language; any other part is a short remark, or a question to answer in that language.
 */
export function languageRequest(text: string): LanguageRequest | undefined {
  const parts = text.split(/(?<=[.,;:!?])\s*/).filter((part) => foldedWords(part).length > 0);
  const requested = parts.map(requestedLanguage);
  const index = requested.findIndex((language) => language !== undefined);
  const command = requested[index];
  if (command === undefined) return undefined;
  const remark = parts.filter((_, at) => at !== index);
  if (remark.some(asksSomething)) return { command, question: remark.join(' ') };
  if (remark.flatMap((part) => foldedWords(part)).length > MAX_REMARK_WORDS) return undefined;
  return { command };
}

function asksSomething(part: string): boolean {
  const words = foldedWords(part);
  const questionWord = words.some((word, at) => QUESTION_WORDS.has(word) && (at === 0 || !RELATIVE_WORDS.has(word)));
  return questionWord || (part.includes('?') && words.some((word) => !REQUEST_WORDS.has(word)));
}

function requestedLanguage(part: string): LanguageCommand | undefined {
  const words = withoutWhomFor(foldedWords(part));
  const named = words.filter((word) => LANGUAGE_NAMES.has(word));
  if (named.length !== 1) return undefined;
  return words.every((word) => LANGUAGE_NAMES.has(word) || REQUEST_WORDS.has(word)) ? LANGUAGE_NAMES.get(named[0]) : undefined;
}

/** The words of a request without a closing "for my partner" / "til min mor". */
function withoutWhomFor(words: readonly string[]): readonly string[] {
  const at = words.findIndex((word, i) => FOR_WORDS.has(word) && OWNER_WORDS.has(words[i + 1] ?? ''));
  return at > 0 && words.length - at <= FOR_MAX_WORDS ? words.slice(0, at) : words;
}
