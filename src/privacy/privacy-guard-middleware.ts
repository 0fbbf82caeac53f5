import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { type PersonalDataKind, redactPersonalData } from './redact-personal-data';

const FOUND_KEY = Symbol('personalDataFound');
const PHONES_KEY = Symbol('phoneNumbersRemoved');

/**
 * First in the pipeline: CPR numbers, phone numbers and e-mail addresses are replaced by placeholders
 * before any other code of ours sees the message, and the sender's display name is dropped.
 */
export class PrivacyGuardMiddleware implements Middleware {
  constructor(private readonly publicPhones: readonly string[]) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.from) activity.from.name = '';
    if (activity.type === ActivityTypes.Message && typeof activity.text === 'string') {
      const { text, found, phones } = redactPersonalData(activity.text, this.publicPhones);
      activity.text = text;
      if (found.length > 0) context.turnState.set(FOUND_KEY, found);
      // Kept for this turn only, in memory, for a call-back number the booking dialog asked for.
      if (phones.length > 0) context.turnState.set(PHONES_KEY, phones);
    }
    await next();
  }
}

/** The kinds of personal data the guard removed from this turn's message. */
export function personalDataFound(context: TurnContext): PersonalDataKind[] {
  return (context.turnState.get(FOUND_KEY) as PersonalDataKind[] | undefined) ?? [];
}

/** The phone numbers removed from this turn's message (eight digits each); gone when the turn ends. */
export function phoneNumbersRemoved(context: TurnContext): string[] {
  return (context.turnState.get(PHONES_KEY) as string[] | undefined) ?? [];
}
