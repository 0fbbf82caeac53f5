import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { type PersonalDataKind, redactPersonalData } from './redact-personal-data';

/** Longer messages are not answered; no pattern of ours runs over more than this many characters of one. */
export const MAX_MESSAGE_CHARS = 2000;

const FOUND_KEY = Symbol('personalDataFound');
const TOO_LONG_KEY = Symbol('messageTooLong');
const PHONES_KEY = Symbol('phoneNumbersRemoved');

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
      // The start of a too-long message is kept for this turn only, to see whether it is an emergency.
      if (tooLong) context.turnState.set(TOO_LONG_KEY, text.slice(0, MAX_MESSAGE_CHARS));
      if (found.length > 0) context.turnState.set(FOUND_KEY, found);
      // Kept for this turn only, in memory, for a call-back number the booking dialog asked for.
      if (phones.length > 0) context.turnState.set(PHONES_KEY, phones);
    }
    await next();
  }
}

/** The start of this turn's message when it was too long to answer (its text is gone), or undefined. */
export function startOfTooLongMessage(context: TurnContext): string | undefined {
  return context.turnState.get(TOO_LONG_KEY) as string | undefined;
}

/** The kinds of personal data the guard removed from this turn's message. */
export function personalDataFound(context: TurnContext): PersonalDataKind[] {
  return (context.turnState.get(FOUND_KEY) as PersonalDataKind[] | undefined) ?? [];
}

/** The phone numbers removed from this turn's message (eight digits each); gone when the turn ends. */
export function phoneNumbersRemoved(context: TurnContext): string[] {
  return (context.turnState.get(PHONES_KEY) as string[] | undefined) ?? [];
}
