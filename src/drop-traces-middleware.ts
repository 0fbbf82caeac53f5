import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';

/**
 * The dialog SDK sends a "BotState" trace with a memory snapshot (the turn's whole activity, its
 * unredacted text and channelData included) on every turn. The adapter drops traces for every channel
 * but the Emulator, and local Direct Line servers use the Emulator's channel id too; with expectReplies
 * everything sent is returned to the client. So no trace leaves the bot, on any channel.
 */
export class DropTracesMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_context, activities, sendRest) => {
      const kept = activities.filter((activity) => activity.type !== ActivityTypes.Trace);
      // The adapter refuses an empty batch; a batch of traces only is simply not sent.
      if (kept.length === 0) return [];
      activities.splice(0, activities.length, ...kept);
      return sendRest();
    });
    await next();
  }
}
