import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { i18n as I18n } from 'i18next';
import type { BookingDesk } from '../src/booking/booking-desk';
import type { Language } from '../src/content/content-schema';
import { type Translate, translatorFor } from '../src/content/i18n';
import type { Content } from '../src/content/load-content';
import { ReplyComposer } from '../src/conversation/compose-reply';
import { type ConversationProfile, recognitionContextOf } from '../src/conversation/conversation-profile';
import type { OpeningHours } from '../src/handoff/opening-hours';
import { chooseLanguage } from '../src/nlu/language-detector';
import type { Recognition, Recognizer } from '../src/nlu/recognizer';
import { type GuardedMessage, guardedMessage } from '../src/privacy/privacy-guard-middleware';

/** What every dialog needs, built once by the composition root. */
export interface DialogServices {
  content: Content;
  recognizer: Recognizer;
  i18n: I18n;
  profile: StatePropertyAccessor<ConversationProfile>;
  defaultLanguage: Language;
  /** Pitstop's opening hours when configured; the documents give none. */
  openingHours?: OpeningHours;
  now: () => Date;
  /** Anonymous bookings; closed (phone instead) when no counselling schedule is configured. */
  bookings: BookingDesk;
  bookingsPerConversation: number;
  /** Deletes everything remembered about the conversation, at once. */
  forget: (context: TurnContext) => Promise<void>;
}

export interface TurnTools {
  profile: ConversationProfile;
  language: Language;
  t: Translate;
  compose: ReplyComposer;
  /** The message read in the conversation's context, once per turn however many steps ask. */
  reading: () => Recognition;
  /** What the privacy guard removed from the message: personal data, phone numbers, a too-long text. */
  guarded: GuardedMessage;
}

/** Where a turn keeps its tools, so that every step of it shares one reading and one composer. */
const TURN_TOOLS = Symbol('turnTools');

/**
 * The conversation's profile, with a translator and composer in its current language and the message's
 * reading; built once per turn (again only if the turn switched the language).
 */
export async function turnTools(services: DialogServices, context: TurnContext): Promise<TurnTools> {
  const profile = await services.profile.get(context, {});
  const language = profile.language ?? services.defaultLanguage;
  const kept = context.turnState.get<TurnTools | undefined>(TURN_TOOLS);
  if (kept?.profile === profile && kept.language === language) return kept;
  const t = translatorFor(services.i18n, language);
  let read: Recognition | undefined;
  const reading = (): Recognition => {
    read ??= kept?.reading() ?? services.recognizer.recognize(context.activity.text ?? '', recognitionContextOf(profile));
    return read;
  };
  const tools = { profile, language, t, compose: new ReplyComposer(services.content, t, language), reading, guarded: guardedMessage(context) };
  context.turnState.set(TURN_TOOLS, tools);
  return tools;
}

/**
 * A turn's start: the reply language decided by the one rule (a message clearly in a language, else the
 * conversation's, else the client's locale, else the default), then the turn's tools.
 */
export async function startTurn(services: DialogServices, context: TurnContext): Promise<TurnTools> {
  const profile = await services.profile.get(context, {});
  profile.language = chooseLanguage(profile.language, context.activity.locale, context.activity.text ?? '', services.defaultLanguage);
  return turnTools(services, context);
}
