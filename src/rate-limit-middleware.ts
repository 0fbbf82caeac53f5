import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { ConversationRateLimiter } from './state/conversation-rate-limiter';
import type { KeyHasher } from './state/hashed-keys';

/**
 * Runs after authentication: a conversation over its limit gets one polite reply per window and its
 * further messages are not processed, so one client cannot starve the others. Never an HTTP error.
 */
export class RateLimitMiddleware implements Middleware {
  constructor(
    private readonly limiter: ConversationRateLimiter,
    private readonly keys: KeyHasher,
    private readonly politeReply: (context: TurnContext) => Promise<string>,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message) return next();
    const verdict = this.limiter.take(this.keys.hash(`${activity.channelId}/${activity.conversation?.id ?? ''}`));
    if (verdict === 'ok') return next();
    if (verdict === 'first_over') await context.sendActivity(await this.politeReply(context));
  }
}
