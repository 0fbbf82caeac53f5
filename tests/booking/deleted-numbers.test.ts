import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { BookingStore, type NewBooking } from '../../src/booking/booking-store';
import { FileKeyVault, type KeyVault } from '../../src/booking/key-vault';
import { openPglite, openPostgres, type SqlClient } from '../../src/booking/sql-client';
import { RedisKeyVault } from '../../src/state/redis-key-vault';
import { TestPostgres } from '../helpers/postgres-server';
import { TestRedis } from '../helpers/redis-server';

jest.setTimeout(90_000);

const HOUR = 3_600_000;
// Redis expires keys by the real clock: the slots lie ahead of it.
const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 24 * HOUR);
const slotAt = (offsetHours: number) => ({
  start: new Date(start.getTime() + offsetHours * HOUR),
  end: new Date(start.getTime() + offsetHours * HOUR + 45 * 60_000),
});
const phoneBooking = (offsetHours: number): NewBooking => ({ slot: slotAt(offsetHours), mode: 'phone', language: 'da' });
const PHONES = ['61728394', '52839405'];

/** Every file under a folder, read whole: what someone with the disk could read. */
function filesUnder(dir: string): Buffer[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)));
}

const holds = (files: Buffer[], needle: Buffer | string): boolean => files.some((file) => file.includes(needle));

async function bookTwoWithNumbers(store: BookingStore): Promise<string[]> {
  const codes: string[] = [];
  for (const [index, phone] of PHONES.entries()) {
    const result = await store.book(phoneBooking(index * 2));
    if (!result.booked) throw new Error('expected a booking');
    expect(await store.setCallbackPhone(result.booking.code, phone, start)).toBe(true);
    codes.push(result.booking.code);
  }
  return codes;
}

/** The store's own connection: an embedded database on disk admits one, so the test borrows it. */
async function sqlOf(store: BookingStore, sql: string, parameters: string[]): Promise<Array<Record<string, unknown>>> {
  const db = await (store as unknown as { db(): Promise<SqlClient> }).db();
  return db.query(sql, parameters);
}

const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
let postgres: TestPostgres | undefined;
afterAll(async () => {
  await postgres?.stop();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

interface Database {
  name: string;
  /** A store on a fresh database, its own files, and a way to force what it holds onto the disk. */
  open(keys: KeyVault): Promise<{ store: BookingStore; files: string; checkpoint: () => Promise<void>; reopen: () => BookingStore }>;
}

const databases: Database[] = [
  {
    name: 'PGlite',
    async open(keys) {
      const files = tempDir('pglite-numbers-');
      let client = openPglite(files);
      const checkpoint = async () => void (await (await client).query('CHECKPOINT'));
      return { store: new BookingStore(() => client, keys), files, checkpoint, reopen: () => new BookingStore(() => (client = openPglite(files)), keys) };
    },
  },
  {
    name: 'PostgreSQL',
    async open(keys) {
      postgres ??= await TestPostgres.start();
      const url = await postgres.createDatabase(`numbers_${Date.now()}`);
      const server = postgres;
      const clients: SqlClient[] = [];
      const connect = async () => {
        const client = openPostgres(url);
        clients.push(client);
        return client;
      };
      const checkpoint = async () => void (await server.query(url, 'CHECKPOINT'));
      return { store: new BookingStore(connect, keys), files: server.dataDir, checkpoint, reopen: () => new BookingStore(connect, keys) };
    },
  },
];

describe.each(databases)('call-back numbers on $name', (database) => {
  it("never writes a number to the database's files, and once cancelled or purged its key is gone from the disk too", async () => {
    const vaultDir = tempDir('keys-');
    const { store, files, checkpoint } = await database.open(new FileKeyVault(vaultDir));
    try {
      const codes = await bookTwoWithNumbers(store);
      expect((await store.find(codes[0]))?.callbackPhone).toBe(PHONES[0]);
      const keys = readdirSync(vaultDir).map((name) => readFileSync(path.join(vaultDir, name)));
      expect(keys).toHaveLength(2);
      await checkpoint();
      const written = filesUnder(files);
      expect(PHONES.filter((phone) => holds(written, phone))).toEqual([]);

      // One is cancelled, the other's slot ends: both numbers must go.
      await store.cancel(codes[0]);
      expect(await store.purge(slotAt(2).end, start)).toEqual({ callbackPhones: 1, bookings: 0 });
      await checkpoint();
      expect(readdirSync(vaultDir)).toEqual([]);
      const after = [...filesUnder(files), ...filesUnder(vaultDir)];
      expect(keys.filter((key) => holds(after, key))).toEqual([]);
      expect(PHONES.filter((phone) => holds(after, phone))).toEqual([]);
      expect((await store.find(codes[1]))?.callbackPhone).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('seals a number an older version kept in plain text, when the store opens', async () => {
    const { store, reopen } = await database.open(new FileKeyVault(tempDir('keys-')));
    const [code] = await bookTwoWithNumbers(store);
    await store.find(code);
    // As the first schema wrote it: the number in plain text, no key.
    await sqlOf(store, "UPDATE bookings SET callback_phone = '70707070', callback_key = NULL, callback_sealed = NULL WHERE code = $1", [code]);
    await store.close();
    const reopened = reopen();
    try {
      expect((await reopened.find(code))?.callbackPhone).toBe('70707070');
      const rows = await sqlOf(reopened, 'SELECT callback_phone, callback_sealed FROM bookings WHERE code = $1', [code]);
      expect(rows[0].callback_phone).toBeNull();
      expect(String(rows[0].callback_sealed)).not.toContain('70707070');
    } finally {
      await reopened.close();
    }
  });
});

describe('the key folder', () => {
  it('shows a booking whose key is lost without a number, and sweeps keys no booking names once they are old', async () => {
    const vaultDir = tempDir('keys-');
    const vault: KeyVault = new FileKeyVault(vaultDir);
    const { store } = await databases[0].open(vault);
    try {
      const [code] = await bookTwoWithNumbers(store);
      const [lost] = readdirSync(vaultDir).sort();
      await vault.destroy([lost]);
      const shown = await Promise.all([store.find(code), store.endingAfter(start)]);
      expect(shown[1].filter((booking) => booking.callbackPhone).length).toBe(1);
      expect(shown[0]?.code).toBe(code);

      const orphanOld = await vault.create(slotAt(1).end);
      const orphanNew = await vault.create(slotAt(1).end);
      const hourAgo = new Date(Date.now() - HOUR);
      utimesSync(path.join(vaultDir, orphanOld.id), hourAgo, hourAgo);
      await store.purge(start, new Date(start.getTime() - 30 * 24 * HOUR));
      const left = readdirSync(vaultDir);
      expect(left).not.toContain(orphanOld.id);
      expect(left).toContain(orphanNew.id);
      expect(left).toHaveLength(2);
      expect(statSync(vaultDir).mode & 0o777).toBe(0o700);
    } finally {
      await store.close();
    }
  });
});

describe('keys in Redis, for several instances', () => {
  let redis: TestRedis;
  const clients: Array<ReturnType<typeof createClient>> = [];
  const connected = async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    redis = await TestRedis.start();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await redis.stop();
  });

  it('lets another instance read the number, expires the key when the slot ends, and deletes it on cancel', async () => {
    const shared = openPglite(`memory://numbers-${Date.now()}`);
    const first = new BookingStore(() => shared, new RedisKeyVault(await connected()));
    const second = new BookingStore(() => shared, new RedisKeyVault(await connected()));
    const inspect = await connected();
    try {
      const codes = await bookTwoWithNumbers(first);
      expect((await second.find(codes[1]))?.callbackPhone).toBe(PHONES[1]);
      const keys = await inspect.keys('pitstop:callback-key:*');
      expect(keys).toHaveLength(2);
      const expiries = (await Promise.all(keys.map((key) => inspect.pExpireTime(key)))).sort((a, b) => a - b);
      expect(expiries).toEqual([slotAt(0).end.getTime(), slotAt(2).end.getTime()]);

      await second.cancel(codes[0]);
      expect(await inspect.keys('pitstop:callback-key:*')).toHaveLength(1);
      await first.purge(slotAt(2).end, start);
      expect(await inspect.keys('pitstop:callback-key:*')).toEqual([]);
    } finally {
      await first.close();
    }
  });
});
