import { randomUUID } from 'node:crypto';
import { type Activity, ActivityTypes } from 'botbuilder';
import type { App } from '../app';
import { expectRepliesActivity } from './expect-replies-activity';

/**
 * One conversation with the bot through the app's own adapter and middleware (privacy guard, rate limit,
 * trace filter), in memory, as a channel asking for expectReplies would talk to it: what the review plays
 * its questions through, and what the tests talk to the bot with (tests/helpers/test-app.ts).
 */
export class ExpectRepliesConversation {
  constructor(
    private readonly app: App,
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
    const full = expectRepliesActivity(this.conversationId, this.locale, activity) as Activity;
    const response = await this.app.adapter.handle('', full, (context) => this.app.bot.run(context));
    return (response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  }
}
