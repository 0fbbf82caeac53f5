import { BotProcess } from '../helpers/bot-process';
import { freePort } from '../helpers/redis-server';

describe('entry point', () => {
  it('serves with embedded defaults, says authentication is off, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const bot = new BotProcess({ PORT: String(port) });
    await bot.listening();
    expect(bot.printed).toContain('"authentication":"off');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await bot.stop()).toBe(0);
  }, 60_000);

  it('says not ready until the booking database it opens a moment after starting is open, then ready', async () => {
    const port = await freePort();
    const bot = new BotProcess({ PORT: String(port) });
    try {
      await bot.listening();
      // A probe that cannot connect counts as not ready, as an orchestrator's does: while the database opens, the
      // event loop can stall past the keep-alive timeout on a loaded machine, and a reused connection is then reset.
      const readiness = async () =>
        fetch(`http://127.0.0.1:${port}/readyz`).then(
          (response) => response.status,
          () => 0,
        );
      expect(await readiness()).toBe(503);
      const deadline = Date.now() + 30_000;
      while ((await readiness()) !== 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await readiness()).toBe(200);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  }, 60_000);

  it('survives a bad gzip body, which crashes a restify 11 body parser', async () => {
    const port = await freePort();
    const bot = new BotProcess({ PORT: String(port) });
    try {
      await bot.listening();
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x00]),
      });
      expect(response.status).toBe(415);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  }, 60_000);

  it('refuses to start in production without a Microsoft App ID', async () => {
    const bot = new BotProcess({ NODE_ENV: 'production' });
    expect(await bot.exited).toBe(1);
    expect(bot.printed).toContain('- MicrosoftAppId: required in production');
  }, 60_000);

  it('stops with a readable line when Redis cannot be reached at start-up, instead of hanging', async () => {
    const bot = new BotProcess({ STATE_STORE: 'redis', REDIS_URL: `redis://127.0.0.1:${await freePort()}`, STATE_KEY_SECRET: 'x'.repeat(32) });
    expect(await bot.exited).toBe(1);
    expect(bot.printed).toContain('Redis could not be reached at start-up');
    expect(bot.printed).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('refuses to start on bad configuration with a readable message', async () => {
    const bot = new BotProcess({ STATE_STORE: 'redis' });
    expect(await bot.exited).toBe(1);
    expect(bot.printed).toContain('Invalid configuration');
    expect(bot.printed).toContain('- REDIS_URL: required when STATE_STORE is redis');
    expect(bot.printed).toContain('- STATE_KEY_SECRET: at least 32 characters');
    expect(bot.printed).not.toMatch(/\n\s+at /);
  }, 60_000);
});
