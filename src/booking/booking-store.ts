import type { Language } from '../content/content-schema';
import { newBookingCode } from './booking-code';
import type { Slot } from './counselling-schedule';
import { type KeyVault, MemoryKeyVault } from './key-vault';
import { migrate } from './migrations';
import { openPhone, sealPhone } from './sealed-phone';
import type { SqlClient, SqlQueryable } from './sql-client';

export const BOOKING_MODES = ['in_person', 'phone'] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];
export const BOOKING_ABOUT = ['self', 'relative'] as const;
export type BookingAbout = (typeof BOOKING_ABOUT)[number];

/** Everything kept about a booking: no name, no CPR number, and a phone number only when asked for a call-back. */
export interface Booking {
  code: string;
  slot: Slot;
  mode: BookingMode;
  about?: BookingAbout;
  language: Language;
  callbackPhone?: string;
  handled: boolean;
}

/** One weekly usage count: an ISO week, what was counted, a content id or fixed word, and how many. */
export interface UsageCount {
  week: string;
  metric: string;
  label: string;
  count: number;
}

export type NewBooking = Omit<Booking, 'code' | 'handled' | 'callbackPhone'>;

export type BookResult = { booked: true; booking: Booking } | { booked: false; reason: 'slot_taken' };

interface BookingRow {
  code: string;
  slot_start: Date;
  slot_end: Date;
  mode: BookingMode;
  about: BookingAbout | null;
  language: Language;
  /** The vault's id of the key that seals the call-back number, and the sealed number. */
  callback_key: string | null;
  callback_sealed: string | null;
  handled: boolean;
}

const COLUMNS = 'code, slot_start, slot_end, mode, about, language, callback_key, callback_sealed, handled';

const DAY_MS = 86_400_000;
/** A key younger than this that no booking names may be one whose number is being written right now. */
const SWEEP_GRACE_MS = 10 * 60_000;

// Codes are drawn at random; a clash with a booking already made is rare, a few draws settle it.
const CODE_ATTEMPTS = 8;

/**
 * Bookings in PostgreSQL (embedded PGlite or a server). The database, not this process, decides who
 * gets a slot, so any number of bot instances can book at once. It is opened on first use.
 */
export class BookingStore {
  private client?: Promise<SqlClient>;
  private closed = false;
  /** Set from `openSoon` until the database is open: not ready, though nothing is open yet to check. */
  private opening = false;

  /**
   * `keys` keeps the keys of call-back numbers; it must outlive the process like the database does
   * (a folder or Redis), or numbers are lost at a restart. The default, in memory, is for tests.
   */
  constructor(
    private readonly open: () => Promise<SqlClient>,
    private readonly keys: KeyVault = new MemoryKeyVault(),
  ) {}

  private db(): Promise<SqlClient> {
    // Nothing opens the database again once the app has closed it (a late turn at shutdown, or in a test
    // after its environment is gone): the caller gets an error it already handles.
    if (this.closed) return Promise.reject(new Error('The booking store is closed'));
    this.client ??= this.open().then(async (client) => {
      await migrate(client);
      await this.sealPlainNumbers(client);
      return client;
    });
    // A failed open is tried again on the next use rather than remembered for ever.
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }

  get opened(): boolean {
    return this.client !== undefined;
  }

  /** Opens the database and brings its schema up to date now rather than at the first booking. */
  async ready(): Promise<void> {
    await this.db();
  }

  /**
   * Opens the database `delayMs` from now, after the bot has started answering; until it is open, `ping` says
   * not ready, so that no load is sent while PGlite's seconds of CPU hold up the process.
   */
  async openSoon(delayMs: number): Promise<void> {
    this.opening = true;
    try {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await this.ready();
    } finally {
      this.opening = false;
    }
  }

  async book(booking: NewBooking): Promise<BookResult> {
    const db = await this.db();
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const rows = await db.query<BookingRow>(
        `INSERT INTO bookings (code, slot_start, slot_end, mode, about, language) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        [newBookingCode(), booking.slot.start, booking.slot.end, booking.mode, booking.about ?? null, booking.language],
      );
      if (rows.length === 1) return { booked: true, booking: await this.bookingOf(rows[0]) };
      const taken = await db.query('SELECT 1 FROM bookings WHERE slot_start = $1', [booking.slot.start]);
      if (taken.length > 0) return { booked: false, reason: 'slot_taken' };
    }
    throw new Error('No free booking code after several draws');
  }

  /** Of these slots, the starts already booked. */
  async takenStarts(slots: Slot[]): Promise<Set<number>> {
    if (slots.length === 0) return new Set();
    const db = await this.db();
    const rows = await db.query<{ slot_start: Date }>('SELECT slot_start FROM bookings WHERE slot_start >= $1 AND slot_start <= $2', [
      slots[0].start,
      slots[slots.length - 1].start,
    ]);
    return new Set(rows.map((row) => new Date(row.slot_start).getTime()));
  }

  async find(code: string): Promise<Booking | undefined> {
    const rows = await (await this.db()).query<BookingRow>(`SELECT ${COLUMNS} FROM bookings WHERE code = $1`, [code]);
    return rows[0] && this.bookingOf(rows[0]);
  }

  /** Cancels by deleting: nothing of a cancelled booking is kept, and its number's key is destroyed. */
  async cancel(code: string): Promise<Booking | undefined> {
    const rows = await (await this.db()).query<BookingRow>(`DELETE FROM bookings WHERE code = $1 RETURNING ${COLUMNS}`, [code]);
    if (!rows[0]) return undefined;
    const booking = await this.bookingOf(rows[0]);
    await this.keys.destroy(keysOf(rows));
    return booking;
  }

  /** Adds (or replaces) the call-back number of a booking whose slot has not ended, sealed under a key of its own. */
  async setCallbackPhone(code: string, phone: string, now: Date): Promise<boolean> {
    const db = await this.db();
    const [booking] = await db.query<{ slot_end: Date }>('SELECT slot_end FROM bookings WHERE code = $1 AND slot_end > $2', [code, now]);
    if (!booking) return false;
    // The key expires with the slot, when the number must go anyway.
    const { id, key } = await this.keys.create(new Date(booking.slot_end));
    const replaced = await db.query<{ old_key: string | null }>(
      `UPDATE bookings SET callback_key = $2, callback_sealed = $3
       FROM (SELECT code AS booked, callback_key AS old_key FROM bookings WHERE code = $1 FOR UPDATE) AS prior
       WHERE code = prior.booked AND slot_end > $4 RETURNING prior.old_key`,
      [code, id, sealPhone(phone, key, code), now],
    );
    await this.keys.destroy(replaced.length === 1 ? keysOf(replaced.map((row) => ({ callback_key: row.old_key }))) : [id]);
    return replaced.length === 1;
  }

  async markHandled(code: string): Promise<Booking | undefined> {
    const rows = await (await this.db()).query<BookingRow>(`UPDATE bookings SET handled = true WHERE code = $1 RETURNING ${COLUMNS}`, [code]);
    return rows[0] && this.bookingOf(rows[0]);
  }

  /** Bookings whose slot ends after an instant, soonest first. */
  async endingAfter(instant: Date): Promise<Booking[]> {
    const rows = await (await this.db()).query<BookingRow>(`SELECT ${COLUMNS} FROM bookings WHERE slot_end > $1 ORDER BY slot_start`, [instant]);
    return Promise.all(rows.map((row) => this.bookingOf(row)));
  }

  /**
   * Deletes call-back numbers of slots that have ended, and bookings whose slot started before the
   * retention cut-off, destroying their keys. Returns how many of each, never which.
   */
  async purge(now: Date, deleteStartedBefore: Date): Promise<{ callbackPhones: number; bookings: number }> {
    const db = await this.db();
    const phones = await db.query<{ callback_key: string | null }>(
      `UPDATE bookings SET callback_key = NULL, callback_sealed = NULL
       FROM (SELECT code AS ended, callback_key FROM bookings WHERE callback_key IS NOT NULL AND slot_end <= $1 FOR UPDATE) AS prior
       WHERE code = prior.ended RETURNING prior.callback_key`,
      [now],
    );
    await this.keys.destroy(keysOf(phones));
    const bookings = await db.query<{ callback_key: string | null }>('DELETE FROM bookings WHERE slot_start < $1 RETURNING callback_key', [
      deleteStartedBefore,
    ]);
    await this.keys.destroy(keysOf(bookings));
    const inUse = await db.query<{ callback_key: string }>('SELECT callback_key FROM bookings WHERE callback_key IS NOT NULL');
    await this.keys.sweep(new Set(inUse.map((row) => row.callback_key)), new Date(Date.now() - SWEEP_GRACE_MS));
    // The longest limit window is a day: older counts decide nothing any more.
    await db.query('DELETE FROM limit_counts WHERE window_start < $1', [new Date(now.getTime() - 2 * DAY_MS)]);
    return { callbackPhones: phones.length, bookings: bookings.length };
  }

  /** Adds one to a limit's count in the window that starts at `windowStart`; returns the count now, for every instance together. */
  async addToCount(name: string, windowStart: Date): Promise<number> {
    const rows = await (await this.db()).query<{ count: number }>(
      `INSERT INTO limit_counts (name, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (name, window_start) DO UPDATE SET count = limit_counts.count + 1 RETURNING count`,
      [name, windowStart],
    );
    return rows[0].count;
  }

  async countIn(name: string, windowStart: Date): Promise<number> {
    const rows = await (await this.db()).query<{ count: number }>('SELECT count FROM limit_counts WHERE name = $1 AND window_start = $2', [name, windowStart]);
    return rows[0]?.count ?? 0;
  }

  /** Adds weekly usage counts (src/usage), every instance's to the same rows, in one statement. */
  async addUsage(counts: readonly UsageCount[]): Promise<void> {
    if (counts.length === 0) return;
    const values = counts.map((_, index) => `($${index * 4 + 1}, $${index * 4 + 2}, $${index * 4 + 3}, $${index * 4 + 4})`).join(', ');
    await (await this.db()).query(
      `INSERT INTO usage_counts (week, metric, label, count) VALUES ${values}
       ON CONFLICT (week, metric, label) DO UPDATE SET count = usage_counts.count + EXCLUDED.count`,
      counts.flatMap(({ week, metric, label, count }) => [week, metric, label, count]),
    );
  }

  /** The weekly usage counts from `fromWeek` ("2026-W40") on. */
  async usageSince(fromWeek: string): Promise<UsageCount[]> {
    return (await this.db()).query<UsageCount>('SELECT week, metric, label, count FROM usage_counts WHERE week >= $1 ORDER BY week, metric, label', [fromWeek]);
  }

  /** A row as a booking, its call-back number opened with its key; a number whose key is gone is no number. */
  private async bookingOf(row: BookingRow): Promise<Booking> {
    const key = row.callback_key && row.callback_sealed ? await this.keys.get(row.callback_key) : undefined;
    const callbackPhone = key && row.callback_sealed ? openPhone(row.callback_sealed, key, row.code) : undefined;
    return {
      code: row.code,
      slot: { start: new Date(row.slot_start), end: new Date(row.slot_end) },
      mode: row.mode,
      ...(row.about ? { about: row.about } : {}),
      language: row.language,
      ...(callbackPhone ? { callbackPhone } : {}),
      handled: row.handled,
    };
  }

  /** Numbers written before they were sealed (the first schema kept them plain) are sealed now. */
  private async sealPlainNumbers(db: SqlQueryable): Promise<void> {
    const plain = await db.query<{ code: string; slot_end: Date; callback_phone: string }>(
      'SELECT code, slot_end, callback_phone FROM bookings WHERE callback_phone IS NOT NULL',
    );
    for (const row of plain) {
      const { id, key } = await this.keys.create(new Date(row.slot_end));
      await db.query('UPDATE bookings SET callback_phone = NULL, callback_key = $2, callback_sealed = $3 WHERE code = $1', [
        row.code,
        id,
        sealPhone(row.callback_phone, key, row.code),
      ]);
    }
  }

  /** Whether the database answers; a store not yet opened has nothing to check, unless it is about to open. */
  async ping(): Promise<boolean> {
    if (this.opening) return false;
    if (!this.client) return true;
    try {
      await (await this.client).query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    if (client) await (await client.catch(() => undefined))?.close();
  }
}

function keysOf(rows: Array<{ callback_key: string | null }>): string[] {
  return rows.flatMap((row) => (row.callback_key ? [row.callback_key] : []));
}
