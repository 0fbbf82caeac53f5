import type { createClient } from 'redis';
import { type KeyVault, newKey } from '../booking/key-vault';
import { COMMAND_TIMEOUT_MS, within } from './redis-commands';

const PREFIX = 'pitstop:callback-key:';

/**
 * Keys of call-back numbers in Redis, shared by every instance (each must read a number another one
 * wrote). Each key expires by itself when its slot ends, the moment its number must go anyway, and is
 * deleted at once when the booking is cancelled. Redis's own files (RDB snapshots, the AOF until it is
 * rewritten) hold keys for as long as the operator keeps them: see the README.
 */
export class RedisKeyVault implements KeyVault {
  constructor(private readonly client: ReturnType<typeof createClient>) {}

  async create(expiresAt: Date): Promise<{ id: string; key: Buffer }> {
    const { id, key } = newKey();
    await within(
      this.client.set(PREFIX + id, key.toString('base64'), { expiration: { type: 'PXAT', value: expiresAt.getTime() } }),
      COMMAND_TIMEOUT_MS,
      'a write',
    );
    return { id, key };
  }

  async get(id: string): Promise<Buffer | undefined> {
    const value = await within(this.client.get(PREFIX + id), COMMAND_TIMEOUT_MS, 'a read');
    return value === null ? undefined : Buffer.from(value, 'base64');
  }

  async destroy(ids: string[]): Promise<void> {
    if (ids.length > 0) await within(this.client.del(ids.map((id) => PREFIX + id)), COMMAND_TIMEOUT_MS, 'a delete');
  }

  /** Nothing to sweep: a key nobody names expires with its slot. */
  async sweep(): Promise<void> {}
}
