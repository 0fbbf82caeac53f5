import { BotProcess } from '../helpers/bot-process';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { freePort, TestRedis } from '../helpers/redis-server';
import { testApp } from '../helpers/test-app';

describe('readiness', () => {
  it('is ready with the memory store, and not ready once draining has begun', async () => {
    const app = await testApp();
    const baseUrl = await listen(app.server);
    expect(await (await fetch(`${baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
    const drained = app.drain();
    const during = await fetch(`${baseUrl}/readyz`);
    expect(during.status).toBe(503);
    await drained;
    await app.close();
  });

  it('is not ready when Redis is down, while still alive', async () => {
    const redis = await TestRedis.start();
    const app = await testApp({ STATE_STORE: 'redis', REDIS_URL: redis.url, STATE_KEY_SECRET: 'ready-secret-ready-secret-ready-se' });
    const baseUrl = await listen(app.server);
    try {
      expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
      await redis.stop();
      const down = await fetch(`${baseUrl}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'not_ready' });
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await close(app.server);
      await app.close().catch(() => undefined);
    }
  });
});

describe('a frozen Redis', () => {
  it('turns a message into the apology within seconds, and lets the bot stop cleanly while frozen', async () => {
    const redis = await TestRedis.start();
    const port = await freePort();
    const bot = new BotProcess({ PORT: String(port), STATE_STORE: 'redis', REDIS_URL: redis.url, STATE_KEY_SECRET: 'frozen-secret-frozen-secret-frozen' });
    try {
      await bot.listening();
      const client = new ExpectRepliesClient(`http://127.0.0.1:${port}`);
      expect((await client.say('Hvad er afgiftning?')).status).toBe(200);
      redis.freeze();
      const { status, activities } = await client.say('Hvad koster det?');
      expect(status).toBe(200);
      expect(activities.map((activity) => activity.text ?? '').join(' ')).toContain('Beklager');
      expect(await bot.stop()).toBe(0);
      expect(bot.printed).toContain('"event":"stopped"');
    } finally {
      await bot.stop();
      await redis.stop();
    }
  }, 60_000);
});

const ANSWERED_BEFORE_STOP = 25;

describe('graceful shutdown', () => {
  it('finishes every turn in flight under load, then exits 0', async () => {
    const port = await freePort();
    const bot = new BotProcess({ PORT: String(port), LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '10000' });
    await bot.listening();
    const baseUrl = `http://127.0.0.1:${port}`;
    const outcomes: string[] = [];
    let stopping = false;
    const worker = async (index: number): Promise<void> => {
      const client = new ExpectRepliesClient(baseUrl);
      for (let turn = 0; turn < 40 && !stopping; turn++) {
        try {
          const { status, activities } = await client.say(index % 2 === 0 ? 'Hvad er afgiftning?' : 'Hvordan klager jeg?');
          outcomes.push(status === 200 && activities.length === 1 ? 'answered' : `status ${status}`);
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code ?? 'unknown';
          // Refused connections after the server stopped accepting are expected; a reset in flight is not.
          outcomes.push(code === 'ECONNREFUSED' ? 'refused' : `broken ${code}`);
          return;
        }
      }
    };
    let settled = 0;
    const workers = Array.from({ length: 20 }, (_, index) => worker(index).finally(() => settled++));
    const answered = (): number => outcomes.filter((outcome) => outcome === 'answered').length;
    // Stop once the bot is busy answering (not after a fixed time: a slow, shared machine answers fewer in a second).
    while (answered() < ANSWERED_BEFORE_STOP && settled < workers.length) await new Promise((resolve) => setTimeout(resolve, 20));
    const answeredBeforeStop = answered();
    const exit = bot.stop();
    stopping = true;
    await Promise.all(workers);
    expect(await exit).toBe(0);
    expect(answeredBeforeStop).toBeGreaterThanOrEqual(ANSWERED_BEFORE_STOP);
    // Turns in flight when the stop came were answered, not cut off.
    expect(answered()).toBeGreaterThan(answeredBeforeStop);
    expect(outcomes.filter((outcome) => !['answered', 'refused', 'status 503'].includes(outcome))).toEqual([]);
    expect(bot.printed).toContain('"event":"stopped"');
  }, 60_000);
});
