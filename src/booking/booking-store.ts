import type { Language } from '../content/content-schema';
import { newBookingCode } from './booking-code';
import type { Slot } from './counselling-schedule';
import { migrate } from './migrations';
import type { SqlClient } from './sql-client';

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

export type NewBooking = Omit<Booking, 'code' | 'handled' | 'callbackPhone'>;

export type BookResult = { booked: true; booking: Booking } | { booked: false; reason: 'slot_taken' };

interface BookingRow {
  code: string;
  slot_start: Date;
  slot_end: Date;
  mode: BookingMode;
  about: BookingAbout | null;
  language: Language;
  callback_phone: string | null;
  handled: boolean;
}

const COLUMNS = 'code, slot_start, slot_end, mode, about, language, callback_phone, handled';

function bookingOf(row: BookingRow): Booking {
  return {
    code: row.code,
    slot: { start: new Date(row.slot_start), end: new Date(row.slot_end) },
    mode: row.mode,
    ...(row.about ? { about: row.about } : {}),
    language: row.language,
    ...(row.callback_phone ? { callbackPhone: row.callback_phone } : {}),
    handled: row.handled,
  };
}

const DAY_MS = 86_400_000;

// Codes are drawn at random; a clash with a booking already made is rare, a few draws settle it.
const CODE_ATTEMPTS = 8;

/**
 * Bookings in PostgreSQL (embedded PGlite or a server). The database, not this process, decides who
 * gets a slot, so any number of bot instances can book at once. It is opened on first use.
 */
export class BookingStore {
  private client?: Promise<SqlClient>;

  constructor(private readonly open: () => Promise<SqlClient>) {}

  private db(): Promise<SqlClient> {
    this.client ??= this.open().then(async (client) => {
      await migrate(client);
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

  async book(booking: NewBooking): Promise<BookResult> {
    const db = await this.db();
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const rows = await db.query<BookingRow>(
        `INSERT INTO bookings (code, slot_start, slot_end, mode, about, language) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        [newBookingCode(), booking.slot.start, booking.slot.end, booking.mode, booking.about ?? null, booking.language],
      );
      if (rows.length === 1) return { booked: true, booking: bookingOf(rows[0]) };
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
    return rows[0] && bookingOf(rows[0]);
  }

  /** Cancels by deleting: nothing of a cancelled booking is kept. */
  async cancel(code: string): Promise<Booking | undefined> {
    const rows = await (await this.db()).query<BookingRow>(`DELETE FROM bookings WHERE code = $1 RETURNING ${COLUMNS}`, [code]);
    return rows[0] && bookingOf(rows[0]);
  }

  /** Adds a call-back number to a booking whose slot has not ended. */
  async setCallbackPhone(code: string, phone: string, now: Date): Promise<boolean> {
    const rows = await (await this.db()).query('UPDATE bookings SET callback_phone = $2 WHERE code = $1 AND slot_end > $3 RETURNING code', [code, phone, now]);
    return rows.length === 1;
  }

  async markHandled(code: string): Promise<Booking | undefined> {
    const rows = await (await this.db()).query<BookingRow>(`UPDATE bookings SET handled = true WHERE code = $1 RETURNING ${COLUMNS}`, [code]);
    return rows[0] && bookingOf(rows[0]);
  }

  /** Bookings whose slot ends after an instant, soonest first. */
  async endingAfter(instant: Date): Promise<Booking[]> {
    const rows = await (await this.db()).query<BookingRow>(`SELECT ${COLUMNS} FROM bookings WHERE slot_end > $1 ORDER BY slot_start`, [instant]);
    return rows.map(bookingOf);
  }

  /**
   * Deletes call-back numbers of slots that have ended, and bookings whose slot started before the
   * retention cut-off. Returns how many of each, never which.
   */
  async purge(now: Date, deleteStartedBefore: Date): Promise<{ callbackPhones: number; bookings: number }> {
    const db = await this.db();
    const phones = await db.query('UPDATE bookings SET callback_phone = NULL WHERE callback_phone IS NOT NULL AND slot_end <= $1 RETURNING code', [now]);
    const bookings = await db.query('DELETE FROM bookings WHERE slot_start < $1 RETURNING code', [deleteStartedBefore]);
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

  /** Whether the database answers; a store not yet opened has nothing to check. */
  async ping(): Promise<boolean> {
    if (!this.client) return true;
    try {
      await (await this.client).query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await (await client.catch(() => undefined))?.close();
  }
}
