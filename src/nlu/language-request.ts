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

/**
 * The words a request for the same answer in another language is made of, folded ("på" is "pa", "få" "fa"):
 * "same in english?", "og på engelsk?", "sorry can u write that in english", "can you explain that in english",
 * "kan du oversætte det til dansk".
 * No word that asks about something else ("tale", "speak", "pitstop", "behandling"): "taler de engelsk på
 * pitstop?" asks whether staff speak English, which is another question.
 */
const REQUEST_WORDS: ReadonlySet<string> = new Set([
  ...foldedWords(
    'same and also again in the that this it answer version please pls plz sorry could can would you u give me get have like want i d say write tell explain repeat translate translated into to now ok okay what about then thanks',
  ),
  ...foldedWords(
    'samme og også igen på paa til det den svaret svar kan kunne du jeg få faa mig sige skrive svare forklare forklar gentage gentag oversætte oversæt oversat gerne vil tak lige hele nu ok okay hvad med så undskyld',
  ),
]);

/**
 * A remark beside the request may say why ("my dad is asking", "I'm preparing a briefing for an international
 * colleague") but not ask something of its own, with "?" or a question word ("same in english? and where is it,
 * whats the address"): then the message is a question, read as one.
 */
const MAX_REMARK_WORDS = 10;

/**
 * "pls in english, my dad is asking" or "Could you give me that in English? I'm preparing a briefing for an
 * international colleague": a part of the message made only of a language's name and request words asks for
 * the answer again in that language; any other part is a short remark that asks nothing.
 */
export function languageRequest(text: string): LanguageCommand | undefined {
  const parts = text.split(/(?<=[.,;:!?])\s*/).filter((part) => foldedWords(part).length > 0);
  const index = parts.findIndex((part) => requestedLanguage(part) !== undefined);
  if (index < 0) return undefined;
  const remark = parts.filter((_, at) => at !== index);
  if (remark.some((part) => part.includes('?') || foldedWords(part).some((word) => QUESTION_WORDS.has(word)))) return undefined;
  if (remark.flatMap((part) => foldedWords(part)).length > MAX_REMARK_WORDS) return undefined;
  return requestedLanguage(parts[index]);
}

function requestedLanguage(part: string): LanguageCommand | undefined {
  const words = foldedWords(part);
  const named = words.filter((word) => LANGUAGE_NAMES.has(word));
  if (named.length !== 1) return undefined;
  return words.every((word) => LANGUAGE_NAMES.has(word) || REQUEST_WORDS.has(word)) ? LANGUAGE_NAMES.get(named[0]) : undefined;
}
