/**
 * The benchmark's yardstick: the smallest Bot Framework bot built the way the SDK's samples build one
 * (CloudAdapter, MemoryStorage, ConversationState, a one-step waterfall that echoes, restify), on the
 * same package versions as the guide. Whatever the guide costs beyond this is its own work.
 * Run by scripts/bench/bench.ts: PORT and HOST from the environment, one line on stdout when listening.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { type DialogState, runDialog, WaterfallDialog } from 'botbuilder-dialogs';
import restify from 'restify';

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const dialogState = conversationState.createProperty<DialogState>('dialogState');
const echo = new WaterfallDialog('echo', [
  async (step) => {
    await step.context.sendActivity(`Du skrev: ${step.context.activity.text ?? ''}`);
    return step.endDialog();
  },
]);

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await runDialog(echo, context, dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await conversationState.saveChanges(context, false);
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 3979), process.env.HOST ?? '127.0.0.1', () => console.log('{"event":"listening"}'));
