import { randomUUID } from 'node:crypto';
import { type Activity, ActivityTypes, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Content } from '../content/load-content';
import { expectRepliesActivity } from './expect-replies-activity';

/** What a review talks to: the app (src/app.ts), built by whoever runs the review, which this folder does not import. */
export interface ReviewedApp {
  content: Content;
  adapter: { handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> };
  bot: { run(context: TurnContext): Promise<void> };
}

/**
 * One conversation with the bot through the app's own adapter and middleware (privacy guard, rate limit,
 * trace filter), in memory, as a channel asking for expectReplies would talk to it: what the review plays
 * its questions through, and what the tests talk to the bot with (tests/helpers/test-app.ts).
 */
export class ExpectRepliesConversation {
  constructor(
    private readonly app: ReviewedApp,
    private readonly locale: string,
    private readonly conversationId = `conversation-${randomUUID()}`,
  ) {}

  /** Sends a message and returns every reply to it. */
  async say(text: string): Promise<Partial<Activity>[]> {
    return this.send({ type: ActivityTypes.Message, text });
  }

  async join(): Promise<Partial<Activity>[]> {
    return this.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user', name: 'User' }] });
  }

  private async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    // The SDK's Activity marks as required fields no channel sends; this is the edge where ours becomes one.
    const full = expectRepliesActivity(this.conversationId, this.locale, activity) as Activity;
    const response = await this.app.adapter.handle('', full, (context) => this.app.bot.run(context));
    return (response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  }
}
