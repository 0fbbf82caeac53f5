import { ActivityTypes, Channels, type Middleware, type TurnContext } from 'botbuilder';

/**
 * The dialog SDK sends a "BotState" trace with a memory snapshot (the turn's activity, text included)
 * on every turn. Channels drop traces, but expectReplies returns everything sent; so traces leave
 * only for the Bot Framework Emulator, the one client meant to show them.
 */
export class DropTracesMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId !== Channels.Emulator) {
      context.onSendActivities(async (_context, activities, sendRest) => {
        const kept = activities.filter((activity) => activity.type !== ActivityTypes.Trace);
        activities.splice(0, activities.length, ...kept);
        return sendRest();
      });
    }
    await next();
  }
}
