import type { Storage, StoreItems } from 'botbuilder';
import type { KeyHasher } from './hashed-keys';

interface Entry {
  json: string;
  expiresAt: number;
}

export interface ExpiringStorageOptions {
  ttlMs: number;
  keys: KeyHasher;
  now?: () => number;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * The default store: in this process only, items kept as JSON under hashed keys, each forgotten
 * ttlMs after it was last read or written. Last write wins; one conversation's turns arrive one by one.
 */
export class ExpiringMemoryStorage implements Storage {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: ExpiringStorageOptions) {
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const hashed = this.options.keys.hash(key);
      const entry = this.live(hashed);
      if (entry) {
        entry.expiresAt = this.now() + this.options.ttlMs;
        items[key] = JSON.parse(entry.json);
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      this.entries.set(this.options.keys.hash(key), { json: JSON.stringify(item), expiresAt: this.now() + this.options.ttlMs });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(this.options.keys.hash(key));
  }

  /** Everything stored, as stored: for tests that look for personal data in it. */
  dump(): string[] {
    return [...this.entries].map(([key, entry]) => `${key} ${entry.json}`);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.entries.clear();
  }

  private live(hashed: string): Entry | undefined {
    const entry = this.entries.get(hashed);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(hashed);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    for (const hashed of [...this.entries.keys()]) this.live(hashed);
  }

  async ping(): Promise<boolean> {
    return true;
  }
}
