import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import type restify from 'restify';
import { expectRepliesActivity } from '../../src/review/expect-replies-activity';
import { type LogCapture, testApp } from './test-app';

export async function listen(server: restify.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export async function close(server: restify.Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

let counter = 0;

/** A Bot Framework client that asks for its replies in the HTTP response (deliveryMode expectReplies). */
export class ExpectRepliesClient {
  private readonly conversationId = `http-conversation-${++counter}`;

  constructor(
    private readonly baseUrl: string,
    private readonly locale = 'da-DK',
  ) {}

  activity(overrides: Partial<Activity>): Partial<Activity> {
    return expectRepliesActivity(this.conversationId, this.locale, overrides);
  }

  async post(overrides: Partial<Activity>): Promise<{ status: number; activities: Partial<Activity>[] }> {
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.activity(overrides)),
    });
    const body = (await response.json()) as { activities?: Partial<Activity>[] };
    return { status: response.status, activities: body.activities ?? [] };
  }

  async say(text: string): Promise<{ status: number; activities: Partial<Activity>[] }> {
    return this.post({ type: 'message', text });
  }
}

type TestApp = Awaited<ReturnType<typeof testApp>>;

export interface ServedAppOptions {
  logs?: LogCapture;
  now?: () => number;
  app?: Parameters<typeof testApp>[3];
  /** Turns taken before the tests start: a fresh app's first turn (or the booking database's opening) takes seconds on a loaded machine. */
  warmUp?: (baseUrl: string) => Promise<void>;
  /** How long starting (and warming up) may take. */
  timeoutMs?: number;
}

/** An app served on loopback for every test in the file: started before them, closed after. */
export function useServedApp(env: NodeJS.ProcessEnv = {}, options: ServedAppOptions = {}): { readonly app: TestApp; readonly baseUrl: string } {
  let served: { app: TestApp; baseUrl: string } | undefined;
  beforeAll(async () => {
    const app = await testApp(env, options.logs, options.now, options.app);
    served = { app, baseUrl: await listen(app.server) };
    await options.warmUp?.(served.baseUrl);
  }, options.timeoutMs);
  afterAll(async () => {
    if (!served) return;
    await close(served.app.server);
    await served.app.close();
  });
  const get = () => {
    if (!served) throw new Error('the app is served only inside tests');
    return served;
  };
  return {
    get app() {
      return get().app;
    },
    get baseUrl() {
      return get().baseUrl;
    },
  };
}

/** An app served on loopback for one test body, closed afterwards whatever happens. */
export async function withServedApp(env: NodeJS.ProcessEnv, test: (app: TestApp, baseUrl: string) => Promise<void>): Promise<void> {
  const app = await testApp(env);
  const baseUrl = await listen(app.server);
  try {
    await test(app, baseUrl);
  } finally {
    await close(app.server);
    await app.close();
  }
}
