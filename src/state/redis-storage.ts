import type { Storage, StoreItems } from 'botbuilder';
import { createClient } from 'redis';
import type { KeyHasher } from './hashed-keys';
import { COMMAND_TIMEOUT_MS, RedisUnavailableError, within } from './redis-commands';
import { RedisKeyVault } from './redis-key-vault';

const PREFIX = 'pitstop:state:';
const PING_TIMEOUT_MS = 1000;
/** Tries at start-up before giving up with a readable error; once connected, reconnects for ever. */
const CONNECT_ATTEMPTS = 3;

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

  /**
   * Connects, or fails with a readable RedisUnavailableError after a few tries: a bot that cannot reach
   * its state store at start-up says so and stops instead of waiting silently.
   */
  static async connect(url: string, ttlSeconds: number, keys: KeyHasher): Promise<RedisStorage> {
    let connected = false;
    // Without the offline queue, commands fail at once while Redis is unreachable instead of waiting
    // for it: a turn fails into an apology, and readiness answers.
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2000,
        reconnectStrategy: (retries) =>
          !connected && retries >= CONNECT_ATTEMPTS - 1
            ? new RedisUnavailableError(`Redis could not be reached at start-up (${CONNECT_ATTEMPTS} tries)`)
            : Math.min(100 * 2 ** retries, 2000),
      },
    });
    // Connection errors are reported by the failing call; this only stops an unhandled 'error' event.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      throw error instanceof RedisUnavailableError ? error : new RedisUnavailableError('Redis could not be reached at start-up', { cause: error });
    }
    connected = true;
    return new RedisStorage(client, ttlSeconds, keys);
  }

  /** The keys of call-back numbers, on the same connection: every instance reads the same keys. */
  keyVault(): RedisKeyVault {
    return new RedisKeyVault(this.client);
  }

  private redisKey(key: string): string {
    return PREFIX + this.keys.hash(key);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const values = await within(
      Promise.all(keys.map((key) => this.client.getEx(this.redisKey(key), { type: 'EX', value: this.ttlSeconds }))),
      COMMAND_TIMEOUT_MS,
      'a read',
    );
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
    await within(multi.exec(), COMMAND_TIMEOUT_MS, 'a write');
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await within(this.client.del(keys.map((key) => this.redisKey(key))), COMMAND_TIMEOUT_MS, 'a delete');
  }

  /** Waits for pending commands when Redis answers; one that is unreachable or frozen is not waited for. */
  async close(): Promise<void> {
    if (this.client.isReady && (await this.ping())) await within(this.client.close(), COMMAND_TIMEOUT_MS, 'closing').catch(() => this.destroy());
    else this.destroy();
  }

  private destroy(): void {
    // Closing may already have begun, and the client then refuses to be destroyed: nothing is left to do.
    if (this.client.isOpen) this.client.destroy();
  }

  async ping(): Promise<boolean> {
    return within(this.client.ping(), PING_TIMEOUT_MS, 'a ping').then(
      (reply) => reply === 'PONG',
      () => false,
    );
  }
}
