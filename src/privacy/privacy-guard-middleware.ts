import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { type PersonalDataKind, redactPersonalData } from './redact-personal-data';

const FOUND_KEY = Symbol('personalDataFound');

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
      const { text, found } = redactPersonalData(activity.text, this.publicPhones);
      activity.text = text;
      if (found.length > 0) context.turnState.set(FOUND_KEY, found);
    }
    await next();
  }
}

/** The kinds of personal data the guard removed from this turn's message. */
export function personalDataFound(context: TurnContext): PersonalDataKind[] {
  return (context.turnState.get(FOUND_KEY) as PersonalDataKind[] | undefined) ?? [];
}
