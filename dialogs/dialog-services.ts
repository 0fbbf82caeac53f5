import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { i18n as I18n } from 'i18next';
import type { BookingDesk } from '../src/booking/booking-desk';
import type { Language } from '../src/content/content-schema';
import { type Translate, translatorFor } from '../src/content/i18n';
import type { Content } from '../src/content/load-content';
import { ReplyComposer } from '../src/conversation/compose-reply';
import type { ConversationProfile } from '../src/conversation/conversation-profile';
import type { OpeningHours } from '../src/handoff/opening-hours';
import type { Recognizer } from '../src/nlu/recognizer';

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
}

/** The conversation's profile, with a translator and composer in its current language. */
export async function turnTools(services: DialogServices, context: TurnContext): Promise<TurnTools> {
  const profile = await services.profile.get(context, {});
  const language = profile.language ?? services.defaultLanguage;
  const t = translatorFor(services.i18n, language);
  return { profile, language, t, compose: new ReplyComposer(services.content, t, language) };
}
