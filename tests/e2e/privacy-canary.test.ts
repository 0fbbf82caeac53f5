import { request } from 'node:http';
import type { Activity } from 'botbuilder';
import { ExpiringMemoryStorage } from '../../src/state/expiring-memory-storage';
import { BotProcess } from '../helpers/bot-process';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { freePort, TestRedis } from '../helpers/redis-server';
import { metaOf, testApp } from '../helpers/test-app';

// Planted data; each marker below must appear nowhere the bot prints or stores.
const CONVERSATION_ID = 'convid-zx81q';
const USER_ID = 'userid-zx82q';
const USER_NAME = 'Username Zx83q';
const MESSAGES = [
  'Hej, jeg hedder Mette Kanariefugl, mit cpr er 240687-3319. Hvordan klager jeg?',
  'min søn går på Kanarieskolen og ryger hash, ring på +45 61 72 83 94',
  'vi bor på Kanarievej 17, 2635 Ishøj, skriv til kanariefugl.test@example.dk',
  'cpr ２４０６８７３３１９ og 2406\u200B87-3319, hvad koster det?',
  'Hvilken hjælp passer til mig? Kanariefugl',
  'Mig selv',
  'Kanariefugl han har taget en overdosis',
  'Hvad er afgiftning? Kanariefugl',
];
const MARKERS = ['240687', '2406873319', '61728394', '61 72 83 94', 'kanariefugl', 'kanarievej', 'kanarieskolen', 'zx81q', 'zx82q', 'zx83q'];

function leaks(haystack: string): string[] {
  const lower = haystack.toLowerCase();
  return MARKERS.filter((marker) => lower.includes(marker));
}

function canaryActivity(overrides: Partial<Activity>): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/zx81q',
    from: { id: USER_ID, name: USER_NAME },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: CONVERSATION_ID, isGroup: false, conversationType: 'personal', name: '' },
    locale: 'da-DK',
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}

/**
 * One POST on a connection of its own. fetch keeps connections alive in a pool, and one kept to a bot process
 * stopped a moment ago (the test restarts the bot on the same port) can be reset under the next request.
 */
async function post(baseUrl: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      `${baseUrl}/api/messages`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        let received = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (received += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: received }));
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

async function converse(baseUrl: string): Promise<Partial<Activity>[]> {
  const replies: Partial<Activity>[] = [];
  for (const text of MESSAGES) {
    const { status, body } = await post(baseUrl, JSON.stringify(canaryActivity({ text })));
    expect(status).toBe(200);
    replies.push(...((JSON.parse(body) as { activities: Partial<Activity>[] }).activities ?? []));
  }
  return replies;
}

/** Requests that go wrong: bad JSON, wrong types, unknown types, and a reply the connector cannot deliver. */
async function misbehave(baseUrl: string): Promise<void> {
  await post(baseUrl, '{"type":"message","text":"Kanariefugl 240687-3319", "conversation": {"id": "convid-zx81q"');
  await post(baseUrl, JSON.stringify(canaryActivity({ text: 42 as unknown as string, conversation: 'convid-zx81q' as unknown as Activity['conversation'] })));
  await post(baseUrl, JSON.stringify(canaryActivity({ type: 'kanariefugl-event', text: 'Kanariefugl' })));
  await post(baseUrl, JSON.stringify(canaryActivity({ text: 'Kanariefugl 240687-3319 hvad er afgiftning', deliveryMode: 'normal' })));
}

describe('privacy canaries', () => {
  it('never print or store planted personal data: process logs, Redis, restarts and expiry', async () => {
    const redis = await TestRedis.start();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      LOG_LEVEL: 'trace',
      STATE_STORE: 'redis',
      REDIS_URL: redis.url,
      STATE_KEY_SECRET: 'canary-secret-canary-secret-canary',
      STATE_TTL_SECONDS: '600',
    };
    const bots: BotProcess[] = [];
    const ask = async (text: string): Promise<Partial<Activity>[]> =>
      (JSON.parse((await post(baseUrl, JSON.stringify(canaryActivity({ text })))).body) as { activities: Partial<Activity>[] }).activities;
    try {
      const first = new BotProcess(env);
      bots.push(first);
      await first.listening();
      const replies = await converse(baseUrl);
      await misbehave(baseUrl);
      await ask('Hvad er afgiftning?');
      const stored = await redis.dump();
      expect(stored.length).toBeGreaterThan(0);
      expect(await first.stop()).toBe(0);

      const second = new BotProcess(env);
      bots.push(second);
      await second.listening();
      const afterRestart = await ask('Hvad koster det? Kanariefugl');
      expect(metaOf(afterRestart[0]).key).toBe('topics.detox.cost');
      await converse(baseUrl);
      await ask('glem mig Kanariefugl');
      const storedAfterRestart = await redis.dump();
      expect(await second.stop()).toBe(0);

      // Expiry on its own clock: a process whose state lives two seconds.
      const third = new BotProcess({ ...env, STATE_TTL_SECONDS: '2' });
      bots.push(third);
      await third.listening();
      await ask('Hvad er afgiftning? Kanariefugl');
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const afterExpiry = await ask('Hvad koster det? Kanariefugl');
      expect(metaOf(afterExpiry[0]).key).toBe('topics.fees.answer');
      const everythingStored = [...stored, ...storedAfterRestart, ...(await redis.dump()), await redis.rdb()].join('\n');
      expect(await third.stop()).toBe(0);

      const logs = bots.map((bot) => bot.printed).join('\n');
      expect(logs).toContain('"event":"activity"');
      expect(logs).toContain('"event":"turn_error"');
      expect(leaks(logs)).toEqual([]);
      expect(leaks(everythingStored)).toEqual([]);
      // Replies are addressed to the sender's own conversation; what must never hold its data is what the bot says.
      const said = [...replies, ...afterRestart, ...afterExpiry].map(({ text, suggestedActions, channelData }) => ({ text, suggestedActions, channelData }));
      expect(said.length).toBeGreaterThan(MESSAGES.length);
      expect(leaks(JSON.stringify(said))).toEqual([]);
    } finally {
      await Promise.all(bots.map((bot) => bot.stop()));
      await redis.stop();
    }
  }, 120_000);

  it('never keep or log planted personal data with the default memory store', async () => {
    const app = await testApp({ LOG_LEVEL: 'trace' });
    const baseUrl = await listen(app.server);
    try {
      await converse(baseUrl);
      await misbehave(baseUrl);
      await new ExpectRepliesClient(baseUrl).say('Kanariefugl 240687-3319');
      const { storage } = app;
      if (!(storage instanceof ExpiringMemoryStorage)) throw new Error('expected the default memory store');
      expect(storage.dump().length).toBeGreaterThan(0);
      expect(leaks(storage.dump().join('\n'))).toEqual([]);
      expect(app.logs.lines.length).toBeGreaterThan(0);
      expect(leaks(app.logs.lines.join('\n'))).toEqual([]);
    } finally {
      await close(app.server);
      await app.close();
    }
  }, 60_000);
});
