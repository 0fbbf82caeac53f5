import { KeyHasher } from '../../../src/state/hashed-keys';
import { RedisUnavailableError } from '../../../src/state/redis-commands';
import { RedisStorage } from '../../../src/state/redis-storage';
import { freePort, TestRedis } from '../../helpers/redis-server';

describe('RedisStorage', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await TestRedis.start();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('reads back what it wrote and deletes at once, under hashed keys', async () => {
    const storage = await RedisStorage.connect(redis.url, 60, new KeyHasher('a-secret-a-secret-a-secret-a-secret'));
    try {
      await storage.write({ 'webchat/conversations/conversation-4711': { profile: { language: 'en' } } });
      expect(await storage.read(['webchat/conversations/conversation-4711', 'missing'])).toEqual({
        'webchat/conversations/conversation-4711': { profile: { language: 'en' } },
      });
      expect((await redis.dump()).join('\n')).not.toContain('conversation-4711');
      await storage.delete(['webchat/conversations/conversation-4711']);
      expect(await redis.dump()).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it('shares state between instances with the same secret, and not with another', async () => {
    const secret = 'shared-secret-shared-secret-shared';
    const first = await RedisStorage.connect(redis.url, 60, new KeyHasher(secret));
    const second = await RedisStorage.connect(redis.url, 60, new KeyHasher(secret));
    const stranger = await RedisStorage.connect(redis.url, 60, new KeyHasher('another-secret-another-secret-xx'));
    try {
      await first.write({ key: { n: 1 } });
      expect(await second.read(['key'])).toEqual({ key: { n: 1 } });
      expect(await stranger.read(['key'])).toEqual({});
    } finally {
      await Promise.all([first.close(), second.close(), stranger.close()]);
    }
  });

  it('lets Redis forget an item the given time after its last use', async () => {
    // Three seconds to live, read every 1.7 s: the second read comes after the first life would have ended, so only
    // the read's renewal keeps it; a slow, shared machine still has 1.3 s to spare before each read.
    const storage = await RedisStorage.connect(redis.url, 3, new KeyHasher('ttl-secret-ttl-secret-ttl-secret-x'));
    try {
      await storage.write({ key: { n: 1 } });
      await new Promise((resolve) => setTimeout(resolve, 1700));
      expect(await storage.read(['key'])).toEqual({ key: { n: 1 } });
      await new Promise((resolve) => setTimeout(resolve, 1700));
      expect(await storage.read(['key'])).toEqual({ key: { n: 1 } });
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(await storage.read(['key'])).toEqual({});
    } finally {
      await storage.close();
    }
  });

  it('fails at start-up with a readable error when Redis cannot be reached, instead of waiting for ever', async () => {
    const unreachable = `redis://127.0.0.1:${await freePort()}`;
    await expect(RedisStorage.connect(unreachable, 60, new KeyHasher('start-secret-start-secret-start-x'))).rejects.toThrow(RedisUnavailableError);
    await expect(RedisStorage.connect(unreachable, 60, new KeyHasher('start-secret-start-secret-start-x'))).rejects.toThrow(/could not be reached at start-up/);
  });

  it('gives up on a frozen Redis instead of holding the caller, closes without waiting for it, and works again once it answers', async () => {
    const storage = await RedisStorage.connect(redis.url, 60, new KeyHasher('frozen-secret-frozen-secret-frozen'));
    const other = await RedisStorage.connect(redis.url, 60, new KeyHasher('frozen-secret-frozen-secret-frozen'));
    try {
      await storage.write({ key: { n: 1 } });
      redis.freeze();
      await expect(storage.read(['key'])).rejects.toThrow(RedisUnavailableError);
      await expect(storage.write({ key: { n: 2 } })).rejects.toThrow(RedisUnavailableError);
      await expect(storage.delete(['key'])).rejects.toThrow(RedisUnavailableError);
      expect(await storage.ping()).toBe(false);
      await storage.close();
      redis.thaw();
      await other.write({ later: { n: 3 } });
      expect(await other.read(['later'])).toEqual({ later: { n: 3 } });
    } finally {
      redis.thaw();
      await other.close();
    }
  }, 30_000);
});
