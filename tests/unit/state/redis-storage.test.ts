import { KeyHasher } from '../../../src/state/hashed-keys';
import { RedisStorage } from '../../../src/state/redis-storage';
import { TestRedis } from '../../helpers/redis-server';

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
    const storage = await RedisStorage.connect(redis.url, 1, new KeyHasher('ttl-secret-ttl-secret-ttl-secret-x'));
    try {
      await storage.write({ key: { n: 1 } });
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await storage.read(['key'])).toEqual({ key: { n: 1 } });
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await storage.read(['key'])).toEqual({ key: { n: 1 } });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await storage.read(['key'])).toEqual({});
    } finally {
      await storage.close();
    }
  });
});
