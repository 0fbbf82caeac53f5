import { Writable } from 'node:stream';
import { type Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { type App, createApp } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import { type Content, loadContent } from '../../src/content/load-content';
import type { ReplyMeta } from '../../src/conversation/reply';
import { createLogger, type Logger } from '../../src/logger';
import { Recognizer } from '../../src/nlu/recognizer';
import { defaultContentDir } from '../../src/project-paths';

let shared: { content: Content; recognizer: Recognizer } | undefined;

/** Content and a trained recognizer, built once per test worker. */
export function sharedNlu(): { content: Content; recognizer: Recognizer } {
  if (!shared) {
    const content = loadContent(defaultContentDir());
    shared = { content, recognizer: new Recognizer(content) };
  }
  return shared;
}

/** Log lines captured in memory, so tests can search them. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly logger: Logger;

  constructor(level = 'info') {
    const lines = this.lines;
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    this.logger = createLogger(level, stream);
  }
}

export async function testApp(env: NodeJS.ProcessEnv = {}, logs = new LogCapture(), now?: () => number): Promise<App & { logs: LogCapture; config: Config }> {
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const app = await createApp(config, { logger: logs.logger, recognizer: sharedNlu().recognizer, now });
  return { ...app, logs, config };
}

let conversationCounter = 0;

/** One conversation with the real bot through the SDK's in-memory adapter. */
export class TestConversation {
  private readonly adapter: TestAdapter;

  constructor(app: App, locale = 'da-DK') {
    conversationCounter += 1;
    this.adapter = new TestAdapter(async (context) => app.bot.run(context), {
      conversation: { id: `test-conversation-${conversationCounter}`, isGroup: false, conversationType: 'personal', name: '' },
      locale,
    });
  }

  /** Sends a message and returns every reply to it. */
  async say(text: string): Promise<Partial<Activity>[]> {
    return this.send({ type: ActivityTypes.Message, text });
  }

  async join(): Promise<Partial<Activity>[]> {
    return this.send({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'user', name: 'User' }],
    });
  }

  private async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    this.adapter.activeQueue.length = 0;
    await this.adapter.receiveActivity(activity);
    return this.adapter.activeQueue.splice(0);
  }
}

export function metaOf(activity: Partial<Activity>): ReplyMeta {
  return (activity.channelData as { pitstop: ReplyMeta }).pitstop;
}

export function buttonTitles(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((action) => action.title ?? '');
}
