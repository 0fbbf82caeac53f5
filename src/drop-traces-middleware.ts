import { ActivityTypes, Channels, type Middleware, type TurnContext } from 'botbuilder';

/**
 * The dialog SDK sends a "BotState" trace with a memory snapshot (the turn's activity, text included)
 * on every turn. On normal delivery the adapter drops traces for every channel but the Emulator; with
 * expectReplies everything sent is returned to the client, so traces are dropped here first.
 */
export class DropTracesMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId !== Channels.Emulator) {
      context.onSendActivities(async (_context, activities, sendRest) => {
        const kept = activities.filter((activity) => activity.type !== ActivityTypes.Trace);
        // The adapter refuses an empty batch; a batch of traces only is simply not sent.
        if (kept.length === 0) return [];
        activities.splice(0, activities.length, ...kept);
        return sendRest();
      });
    }
    await next();
  }
}
