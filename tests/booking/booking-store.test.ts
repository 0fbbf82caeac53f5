import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BookingStore, type NewBooking } from '../../src/booking/booking-store';
import { MIGRATIONS } from '../../src/booking/migrations';
import { openPglite, openPostgres } from '../../src/booking/sql-client';
import { TestPostgres } from '../helpers/postgres-server';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const start = new Date('2026-11-24T09:00:00Z');
const slotAt = (offsetHours: number) => ({
  start: new Date(start.getTime() + offsetHours * HOUR),
  end: new Date(start.getTime() + offsetHours * HOUR + 45 * 60_000),
});
const request = (offsetHours = 0, mode: NewBooking['mode'] = 'in_person'): NewBooking => ({ slot: slotAt(offsetHours), mode, language: 'da' });

const ALL_BOOKINGS = 'SELECT * FROM bookings ORDER BY slot_start';

/** Two ways to reach the same database, as two bot instances would, and a raw look at its rows. */
interface Backend {
  name: string;
  /** A fresh, empty database: a store on it and a way to open a second one on the same data. */
  fresh(): Promise<{
    store: BookingStore;
    another: () => BookingStore;
    /** A store on the same data after the first was closed, as after a restart. */
    restarted: () => BookingStore;
    /** The bookings' rows, or those another query gives. */
    rows: (sql?: string) => Promise<Array<Record<string, unknown>>>;
  }>;
  teardown(): Promise<void>;
}

let postgres: TestPostgres | undefined;
let databases = 0;
const pgliteDirs: string[] = [];
const opened: BookingStore[] = [];
const track = (store: BookingStore) => {
  opened.push(store);
  return store;
};

const backends: Backend[] = [
  {
    name: 'PGlite',
    async fresh() {
      const dir = mkdtempSync(path.join(tmpdir(), 'pglite-'));
      pgliteDirs.push(dir);
      // PGlite serves one process through one handle: the instances share it, as they would share a server.
      const client = openPglite(dir);
      const store = track(new BookingStore(() => client));
      const another = () => track(new BookingStore(() => client));
      const restarted = () => track(new BookingStore(() => openPglite(dir)));
      return { store, another, restarted, rows: async (sql = ALL_BOOKINGS) => (await client).query(sql) };
    },
    async teardown() {
      pgliteDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      postgres ??= await TestPostgres.start();
      const server = postgres;
      databases += 1;
      const url = await server.createDatabase(`bookings_${databases}`);
      return {
        store: track(new BookingStore(async () => openPostgres(url))),
        another: () => track(new BookingStore(async () => openPostgres(url))),
        restarted: () => track(new BookingStore(async () => openPostgres(url))),
        rows: (sql = ALL_BOOKINGS) => server.query(url, sql),
      };
    },
    async teardown() {
      await postgres?.stop();
    },
  },
];

describe.each(backends)('BookingStore on $name', (backend) => {
  afterEach(async () => {
    // Stores sharing a PGlite handle close it once; closing again is harmless.
    await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
  });
  afterAll(() => backend.teardown());

  it('books a free slot with a code of easy words and finds it by that code', async () => {
    const { store } = await backend.fresh();
    const result = await store.book({ ...request(), about: 'relative' });
    if (!result.booked) throw new Error('expected a booking');
    expect(result.booking.code).toMatch(/^[A-ZÆØÅ]+-[A-ZÆØÅ]+-\d{6}$/);
    expect(await store.find(result.booking.code)).toEqual({
      code: result.booking.code,
      slot: slotAt(0),
      mode: 'in_person',
      about: 'relative',
      language: 'da',
      handled: false,
    });
  });

  it('refuses a slot that is already booked', async () => {
    const { store } = await backend.fresh();
    expect((await store.book(request())).booked).toBe(true);
    expect(await store.book(request(0, 'phone'))).toEqual({ booked: false, reason: 'slot_taken' });
    expect(await store.takenStarts([slotAt(0), slotAt(1)])).toEqual(new Set([slotAt(0).start.getTime()]));
  });

  it('gives exactly one booking when two instances are asked for the same slot many times at once', async () => {
    const { store, another, rows } = await backend.fresh();
    const second = another();
    await Promise.all([store.ready(), second.ready()]);
    const attempts = await Promise.all(Array.from({ length: 30 }, (_, index) => (index % 2 === 0 ? store : second).book(request())));
    expect(attempts.filter((attempt) => attempt.booked)).toHaveLength(1);
    expect(attempts.filter((attempt) => !attempt.booked)).toHaveLength(29);
    expect(await rows()).toHaveLength(1);
  });

  it('migrates once, also when two instances start together', async () => {
    const { store, another, rows } = await backend.fresh();
    await Promise.all([store.ready(), another().ready(), another().ready()]);
    expect(await rows()).toEqual([]);
    expect(await rows('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((_, index) => ({ version: index + 1 })));
  });

  it("counts a limit's events exactly, also when two instances count at once, and forgets old windows on purge", async () => {
    const { store, another } = await backend.fresh();
    const second = another();
    const minute = new Date('2026-11-24T09:00:00Z');
    const counts = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? store : second).addToCount('guesses', minute)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await second.countIn('guesses', minute)).toBe(20);
    expect(await store.countIn('guesses', new Date('2026-11-24T09:01:00Z'))).toBe(0);
    await store.purge(new Date('2026-11-26T09:00:01Z'), new Date('2026-11-20T00:00:00Z'));
    expect(await store.countIn('guesses', minute)).toBe(0);
  });

  it('keeps bookings when the store is closed and opened again', async () => {
    const { store, restarted } = await backend.fresh();
    const result = await store.book(request());
    if (!result.booked) throw new Error('expected a booking');
    await store.close();
    const reopened = restarted();
    expect((await reopened.find(result.booking.code))?.slot).toEqual(slotAt(0));
  });

  it('cancels by deleting the booking, which frees its slot', async () => {
    const { store, rows } = await backend.fresh();
    const result = await store.book(request());
    if (!result.booked) throw new Error('expected a booking');
    expect((await store.cancel(result.booking.code))?.code).toBe(result.booking.code);
    expect(await rows()).toEqual([]);
    expect(await store.cancel(result.booking.code)).toBeUndefined();
    expect((await store.book(request())).booked).toBe(true);
  });

  it('deletes a call-back number when its slot has ended, and the booking after the retention cut-off', async () => {
    const { store, rows } = await backend.fresh();
    const early = await store.book(request(0, 'phone'));
    const later = await store.book(request(2, 'phone'));
    if (!early.booked || !later.booked) throw new Error('expected bookings');
    expect(await store.setCallbackPhone(early.booking.code, '22334455', start)).toBe(true);
    expect(await store.setCallbackPhone(later.booking.code, '33445566', start)).toBe(true);

    const afterFirst = slotAt(0).end;
    expect(await store.purge(afterFirst, start)).toEqual({ callbackPhones: 1, bookings: 0 });
    expect((await rows()).map((row) => row.callback_sealed === null)).toEqual([true, false]);
    expect((await store.find(early.booking.code))?.callbackPhone).toBeUndefined();
    expect((await store.find(later.booking.code))?.callbackPhone).toBe('33445566');
    expect(await store.setCallbackPhone(early.booking.code, '22334455', afterFirst)).toBe(false);

    expect(await store.purge(afterFirst, slotAt(1).start)).toEqual({ callbackPhones: 0, bookings: 1 });
    expect((await rows()).map((row) => row.code)).toEqual([later.booking.code]);
  });

  it('lists bookings ending after an instant, soonest first, and marks one handled', async () => {
    const { store } = await backend.fresh();
    await store.book(request(3));
    const first = await store.book(request(1));
    if (!first.booked) throw new Error('expected a booking');
    await store.book(request(-2));
    expect((await store.endingAfter(start)).map((booking) => booking.slot.start)).toEqual([slotAt(1).start, slotAt(3).start]);
    expect((await store.markHandled(first.booking.code))?.handled).toBe(true);
    expect(await store.markHandled('RØD-GED-100000')).toBeUndefined();
  });
});

describe('BookingStore opened soon after start', () => {
  it('is not ready from the moment it is told to open until the database is open and migrated, then ready', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = new BookingStore(async () => {
      await held;
      return openPglite('memory://');
    });
    expect(await store.ping()).toBe(true);
    const opened = store.openSoon(10);
    expect(await store.ping()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.opened).toBe(true);
    expect(await store.ping()).toBe(false);
    release();
    await opened;
    expect(await store.ping()).toBe(true);
    await store.close();
  });
});

describe('BookingStore once closed', () => {
  it('never opens the database again: a late use after shutdown gets an error, not a new database', async () => {
    let opens = 0;
    const store = new BookingStore(() => {
      opens += 1;
      return openPglite('memory://');
    });
    await store.ready();
    await store.close();
    await expect(store.ready()).rejects.toThrow('closed');
    expect(opens).toBe(1);
  });
});

describe('openPglite', () => {
  it('refuses a data folder another running process holds, and takes over a lock its dead owner left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-lock-'));
    try {
      writeFileSync(path.join(dir, 'pitstop.lock'), String(process.ppid));
      await expect(openPglite(dir)).rejects.toThrow(/in use by another process .*DATABASE_URL/);
      writeFileSync(path.join(dir, 'pitstop.lock'), '2147483646');
      const client = await openPglite(dir);
      expect(readFileSync(path.join(dir, 'pitstop.lock'), 'utf8')).toBe(String(process.pid));
      await client.close();
      expect(existsSync(path.join(dir, 'pitstop.lock'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
