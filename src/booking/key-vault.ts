import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export const KEY_BYTES = 32;

/**
 * Where the keys of call-back numbers live: outside the booking database, in a store where deleting
 * really deletes. Destroying a key is how a number is deleted; the database may keep the sealed text.
 */
export interface KeyVault {
  /** A new random key, kept until destroyed; a vault that can expires it at `expiresAt` by itself. */
  create(expiresAt: Date): Promise<{ id: string; key: Buffer }>;
  get(id: string): Promise<Buffer | undefined>;
  destroy(ids: string[]): Promise<void>;
  /**
   * Destroys keys that no booking names any more and that are older than `createdBefore` (younger
   * ones may belong to a number being written now): what a crash between the two stores left behind.
   */
  sweep(inUse: Set<string>, createdBefore: Date): Promise<void>;
}

/** A fresh random key and the id a booking names it by: every vault makes its keys this way. */
export function newKey(): { id: string; key: Buffer } {
  return { id: randomBytes(16).toString('hex'), key: randomBytes(KEY_BYTES) };
}
const ID = /^[0-9a-f]{32}$/;

/** Keys in this process only: for tests and for a booking database that is itself in memory. */
export class MemoryKeyVault implements KeyVault {
  private readonly keys = new Map<string, { key: Buffer; created: number }>();

  async create(): Promise<{ id: string; key: Buffer }> {
    const created = newKey();
    this.keys.set(created.id, { key: created.key, created: Date.now() });
    return created;
  }

  async get(id: string): Promise<Buffer | undefined> {
    return this.keys.get(id)?.key;
  }

  async destroy(ids: string[]): Promise<void> {
    for (const id of ids) {
      this.keys.get(id)?.key.fill(0);
      this.keys.delete(id);
    }
  }

  async sweep(inUse: Set<string>, createdBefore: Date): Promise<void> {
    await this.destroy([...this.keys].filter(([id, { created }]) => !inUse.has(id) && created < createdBefore.getTime()).map(([id]) => id));
  }
}

/**
 * One small file per key in a folder of its own. Destroying overwrites the file in place with zeros,
 * flushes it to the disk and only then removes it, so the key's bytes are gone from the disk and
 * not only from the folder's listing (on file systems that write in place, such as ext4 and xfs;
 * copy-on-write file systems and SSD wear levelling are beyond what a program can reach).
 */
export class FileKeyVault implements KeyVault {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  private file(id: string): string {
    if (!ID.test(id)) throw new Error('not a key id');
    return path.join(this.dir, id);
  }

  async create(): Promise<{ id: string; key: Buffer }> {
    const { id, key } = newKey();
    const handle = await open(this.file(id), 'wx', 0o600);
    try {
      await handle.writeFile(key);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { id, key };
  }

  async get(id: string): Promise<Buffer | undefined> {
    const key = await readFile(this.file(id)).catch(() => undefined);
    return key?.length === KEY_BYTES ? key : undefined;
  }

  async destroy(ids: string[]): Promise<void> {
    for (const id of ids) {
      const file = this.file(id);
      const handle = await open(file, 'r+').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (!handle) continue;
      try {
        await handle.write(Buffer.alloc(KEY_BYTES), 0, KEY_BYTES, 0);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await unlink(file);
    }
  }

  async sweep(inUse: Set<string>, createdBefore: Date): Promise<void> {
    const stale: string[] = [];
    for (const id of (await readdir(this.dir)).filter((name) => ID.test(name) && !inUse.has(name))) {
      const created = await stat(path.join(this.dir, id)).then(
        (info) => info.mtimeMs,
        () => Infinity,
      );
      if (created < createdBefore.getTime()) stale.push(id);
    }
    await this.destroy(stale);
  }
}
