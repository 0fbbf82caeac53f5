import type { Storage, StoreItems } from 'botbuilder';
import { createClient } from 'redis';
import type { KeyHasher } from './hashed-keys';

const PREFIX = 'pitstop:state:';

/**
 * State shared by bot instances and kept across restarts. Redis expires each item ttl seconds after
 * it was last read or written (GETEX/SET EX), so forgetting needs no sweeper. Last write wins.
 */
export class RedisStorage implements Storage {
  private constructor(
    private readonly client: ReturnType<typeof createClient>,
    private readonly ttlSeconds: number,
    private readonly keys: KeyHasher,
  ) {}

  static async connect(url: string, ttlSeconds: number, keys: KeyHasher): Promise<RedisStorage> {
    const client = createClient({ url });
    // Connection errors are reported by the failing call; this only stops an unhandled 'error' event.
    client.on('error', () => undefined);
    await client.connect();
    return new RedisStorage(client, ttlSeconds, keys);
  }

  private redisKey(key: string): string {
    return PREFIX + this.keys.hash(key);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const values = await Promise.all(keys.map((key) => this.client.getEx(this.redisKey(key), { type: 'EX', value: this.ttlSeconds })));
    const items: StoreItems = {};
    keys.forEach((key, index) => {
      const value = values[index];
      if (value !== null) items[key] = JSON.parse(value);
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const multi = this.client.multi();
    for (const [key, item] of Object.entries(changes)) {
      multi.set(this.redisKey(key), JSON.stringify(item), { expiration: { type: 'EX', value: this.ttlSeconds } });
    }
    await multi.exec();
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.del(keys.map((key) => this.redisKey(key)));
  }

  async close(): Promise<void> {
    await this.client.quit();
  }

  async ping(): Promise<boolean> {
    return (await this.client.ping()) === 'PONG';
  }
}
