import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { type PersonalDataKind, redactPersonalData } from './redact-personal-data';

/** Longer messages are not answered; no pattern of ours runs over more than this many characters of one. */
export const MAX_MESSAGE_CHARS = 2000;

/** What the guard took out of this turn's message; kept in memory for this turn only. */
export interface GuardedMessage {
  /** The start of a message too long to answer (its text is gone), to see whether it is an emergency. */
  tooLongStart?: string;
  /** The kinds of personal data removed. */
  personalData: PersonalDataKind[];
  /** The phone numbers removed (eight digits each), for a call-back number the booking dialog asked for. */
  phoneNumbers: string[];
}

const GUARDED_KEY = Symbol('guardedMessage');
const NOTHING_REMOVED: GuardedMessage = { personalData: [], phoneNumbers: [] };

/**
 * First in the pipeline: CPR numbers, phone numbers and e-mail addresses are replaced by placeholders
 * before any other code of ours sees the message, and the sender's display name is dropped. A message
 * over MAX_MESSAGE_CHARS is not answered: only its start is read, and only to see if it is an emergency.
 */
export class PrivacyGuardMiddleware implements Middleware {
  constructor(private readonly publicPhones: readonly string[]) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.from) activity.from.name = '';
    if (activity.type === ActivityTypes.Message && typeof activity.text === 'string') {
      // Only the start of a long text is read, and normalising can lengthen a text many times ("\uFDFA"
      // is 18 letters), so the limit holds before and after it.
      const { text, found, phones } = redactPersonalData(activity.text.slice(0, MAX_MESSAGE_CHARS + 1), this.publicPhones);
      const tooLong = activity.text.length > MAX_MESSAGE_CHARS || text.length > MAX_MESSAGE_CHARS;
      activity.text = tooLong ? '' : text;
      const guarded: GuardedMessage = { tooLongStart: tooLong ? text.slice(0, MAX_MESSAGE_CHARS) : undefined, personalData: found, phoneNumbers: phones };
      context.turnState.set(GUARDED_KEY, guarded);
    }
    await next();
  }
}

/** What the guard removed from this turn's message (nothing for a turn it did not read). */
export function guardedMessage(context: TurnContext): GuardedMessage {
  return context.turnState.get<GuardedMessage | undefined>(GUARDED_KEY) ?? NOTHING_REMOVED;
}
