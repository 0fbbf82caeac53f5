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

  it('refuses to start on bad configuration with a readable message', async () => {
    const bot = new BotProcess({ STATE_STORE: 'redis' });
    expect(await bot.exited).toBe(1);
    expect(bot.printed).toContain('Invalid configuration');
    expect(bot.printed).toContain('- REDIS_URL: required when STATE_STORE is redis');
    expect(bot.printed).toContain('- STATE_KEY_SECRET: at least 32 characters');
    expect(bot.printed).not.toMatch(/\n\s+at /);
  }, 60_000);
});
