import type { ConversationState, TurnContext } from 'botbuilder';

const FORGOTTEN_KEY = Symbol('conversationForgotten');

/** Saves conversation state at the end of a turn, unless the user asked to be forgotten in it. */
export class ConversationMemory {
  constructor(private readonly state: ConversationState) {}

  /** Deletes the conversation's state now, and keeps this turn from writing it back. */
  async forget(context: TurnContext): Promise<void> {
    context.turnState.set(FORGOTTEN_KEY, true);
    await this.state.delete(context);
  }

  async save(context: TurnContext): Promise<void> {
    if (context.turnState.get(FORGOTTEN_KEY) !== true) await this.state.saveChanges(context, false);
  }
}
