import { randomUUID } from 'node:crypto';
import { type Activity, ActivityTypes } from 'botbuilder';
import type { App } from '../app';

/**
 * One conversation with the bot through the app's own adapter and middleware (privacy guard, rate limit,
 * trace filter), in memory, as a channel asking for expectReplies would talk to it: what the review
 * plays its questions through. (tests/helpers/test-app.ts has the same for the tests.)
 */
export class ExpectRepliesConversation {
  private readonly conversationId = `review-${randomUUID()}`;
  private activityCount = 0;

  constructor(
    private readonly app: App,
    private readonly locale: string,
  ) {}

  async say(text: string): Promise<Partial<Activity>[]> {
    this.activityCount += 1;
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      text,
      id: `${this.conversationId}-${this.activityCount}`,
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:9',
      from: { id: 'reviewer', name: 'reviewer' },
      recipient: { id: 'bot', name: 'bot' },
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      locale: this.locale,
      deliveryMode: 'expectReplies',
    };
    const response = await this.app.adapter.handle('', activity as Activity, (context) => this.app.bot.run(context));
    return (response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  }
}
