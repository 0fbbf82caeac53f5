import type { Storage, StoreItems } from 'botbuilder';
import { createClient } from 'redis';
import type { KeyHasher } from './hashed-keys';

const PREFIX = 'pitstop:state:';
const PING_TIMEOUT_MS = 1000;

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
    // Without the offline queue, commands fail at once while Redis is unreachable instead of waiting
    // for it: a turn fails into an apology, and readiness answers.
    const client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 2000 } });
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

  /** Waits for pending commands when Redis is reachable; when it is not, there is nothing to wait for. */
  async close(): Promise<void> {
    if (this.client.isReady) await this.client.close();
    else if (this.client.isOpen) this.client.destroy();
  }

  async ping(): Promise<boolean> {
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS).unref());
    const pong = this.client.ping().then((reply) => reply === 'PONG', () => false);
    return Promise.race([pong, timeout]);
  }
}
