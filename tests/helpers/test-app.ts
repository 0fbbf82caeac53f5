import { Writable } from 'node:stream';
import type { Activity } from 'botbuilder';
import { type App, type AppOptions, createApp } from '../../src/app';
import { type Config, loadConfig } from '../../src/base/config';
import { createLogger, type Logger } from '../../src/base/logger';
import { defaultContentDir } from '../../src/base/project-paths';
import { type Content, loadContent } from '../../src/content/load-content';
import type { ReplyMeta } from '../../src/conversation/reply';
import { Recognizer } from '../../src/nlu/recognizer';
import { ExpectRepliesConversation } from '../../src/review/expect-replies-conversation';

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

export async function testApp(
  env: NodeJS.ProcessEnv = {},
  logs = new LogCapture(),
  now?: () => number,
  options: Pick<AppOptions, 'bookingStore' | 'bookingPurgeIntervalMs' | 'signingKeys' | 'usageFlushIntervalMs' | 'storage'> = {},
): Promise<App & { logs: LogCapture; config: Config }> {
  // Booking tests bring their own database; elsewhere a booking, if any, stays in memory. Usage counts
  // would open a database in every app that has a turn: only the tests that ask for them have them.
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', USAGE_COUNTS: 'off', ...env });
  const app = await createApp(config, { logger: logs.logger, recognizer: sharedNlu().recognizer, now, ...options });
  return { ...app, logs, config };
}

let conversationCounter = 0;

/**
 * One conversation with the real bot through the app's own adapter and middleware (privacy guard,
 * rate limit, trace filter), in memory: replies come back as the channel's expectReplies would carry them.
 */
export class TestConversation extends ExpectRepliesConversation {
  constructor(app: App, locale = 'da-DK') {
    conversationCounter += 1;
    super(app, locale, `test-conversation-${conversationCounter}`);
  }
}

export function metaOf(activity: Partial<Activity>): ReplyMeta {
  return (activity.channelData as { pitstop: ReplyMeta }).pitstop;
}

const LOCALES = { da: 'da-DK', en: 'en-GB' } as const;

/** What the bot replies to a message in a new conversation, after the conversation's earlier messages. */
export async function replyTo(
  app: App,
  message: { language: keyof typeof LOCALES; text: string; context?: string[] },
  before: string[] = [],
): Promise<Array<Partial<Activity>>> {
  const conversation = new TestConversation(app, LOCALES[message.language]);
  for (const earlier of [...before, ...(message.context ?? [])]) await conversation.say(earlier);
  return conversation.say(message.text);
}

/** The content key of each reply; the personal-data notice comes from the privacy guard and carries none. */
export const keysOf = (replies: Array<Partial<Activity>>): string[] => replies.map((reply) => (reply.channelData ? metaOf(reply).key : 'privacy-notice'));

export function buttonTitles(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((action) => action.title ?? '');
}
