import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { type PersonalDataKind, redactPersonalData } from './redact-personal-data';

/** Longer messages are refused unread: no pattern of ours ever runs over more text than this. */
export const MAX_MESSAGE_CHARS = 2000;

const FOUND_KEY = Symbol('personalDataFound');
const TOO_LONG_KEY = Symbol('messageTooLong');
const PHONES_KEY = Symbol('phoneNumbersRemoved');

/**
 * First in the pipeline: CPR numbers, phone numbers and e-mail addresses are replaced by placeholders
 * before any other code of ours sees the message, and the sender's display name is dropped. A message
 * over MAX_MESSAGE_CHARS is dropped unread, before any pattern runs over it.
 */
export class PrivacyGuardMiddleware implements Middleware {
  constructor(private readonly publicPhones: readonly string[]) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.from) activity.from.name = '';
    if (activity.type === ActivityTypes.Message && typeof activity.text === 'string' && activity.text.length > MAX_MESSAGE_CHARS) {
      activity.text = '';
      context.turnState.set(TOO_LONG_KEY, true);
    } else if (activity.type === ActivityTypes.Message && typeof activity.text === 'string') {
      const { text, found, phones } = redactPersonalData(activity.text, this.publicPhones);
      activity.text = text;
      if (found.length > 0) context.turnState.set(FOUND_KEY, found);
      // Kept for this turn only, in memory, for a call-back number the booking dialog asked for.
      if (phones.length > 0) context.turnState.set(PHONES_KEY, phones);
    }
    await next();
  }
}

/** Whether this turn's message was too long to read; its text is gone. */
export function messageTooLong(context: TurnContext): boolean {
  return context.turnState.get(TOO_LONG_KEY) === true;
}

/** The kinds of personal data the guard removed from this turn's message. */
export function personalDataFound(context: TurnContext): PersonalDataKind[] {
  return (context.turnState.get(FOUND_KEY) as PersonalDataKind[] | undefined) ?? [];
}

/** The phone numbers removed from this turn's message (eight digits each); gone when the turn ends. */
export function phoneNumbersRemoved(context: TurnContext): string[] {
  return (context.turnState.get(PHONES_KEY) as string[] | undefined) ?? [];
}
