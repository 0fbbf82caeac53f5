import { copenhagenDate, copenhagenInstant, dayAfter } from '../calendar/copenhagen-time';
import type { Booking, BookingStore, BookResult, NewBooking } from './booking-store';
import { type CounsellingSchedule, type Slot, scheduledSlots } from './counselling-schedule';
import { SharedLimit } from './shared-limit';

export interface BookingDeskOptions {
  store: BookingStore;
  /** Without a schedule nothing can be booked and the bot gives Pitstop's phone instead. */
  schedule?: CounsellingSchedule;
  /** Bookings are deleted once this many days have begun after the slot's day. */
  retentionDays: number;
  now: () => Date;
  /** Limits for everyone together, on every instance, so that no one client can take every slot or guess codes. */
  limits?: BookingLimits;
  /** Told once a window when a limit is reached: someone may be taking slots or guessing codes. */
  onLimitReached?: (limit: LimitName) => void;
}

export interface BookingLimits {
  bookingsPerHour: number;
  failedCodeLookupsPerMinute: number;
  /** The day's limit is what makes guessing hopeless: a minute's limit alone still allows 28 800 guesses a day. */
  failedCodeLookupsPerDay: number;
}

/** Which limit was reached, as the log says it. */
export type LimitName = 'bookings_hour' | 'code_lookups_minute' | 'code_lookups_day';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type BookAttempt = BookResult | { booked: false; reason: 'slot_unavailable' | 'limit_reached' };

/** A citizen's look-up by code: the booking, none, or none because too many codes were wrong just now. */
export type CodeLookup = { found: Booking } | { found: undefined; throttled: boolean };

/** Where the schedule and the store meet: free slots now, booking one of them, and forgetting old ones. */
export class BookingDesk {
  readonly store: BookingStore;
  readonly schedule?: CounsellingSchedule;
  private readonly retentionDays: number;
  private readonly now: () => Date;
  private readonly bookingLimits: SharedLimit<LimitName>[] = [];
  private readonly lookupLimits: SharedLimit<LimitName>[] = [];
  private readonly onLimitReached: (limit: LimitName) => void;

  constructor(options: BookingDeskOptions) {
    this.store = options.store;
    this.schedule = options.schedule;
    this.retentionDays = options.retentionDays;
    this.now = options.now;
    const limits = options.limits;
    if (limits) {
      const limit = (name: LimitName, max: number, windowMs: number) => new SharedLimit(this.store, name, max, windowMs, this.now);
      this.bookingLimits.push(limit('bookings_hour', limits.bookingsPerHour, HOUR_MS));
      this.lookupLimits.push(
        limit('code_lookups_minute', limits.failedCodeLookupsPerMinute, MINUTE_MS),
        limit('code_lookups_day', limits.failedCodeLookupsPerDay, DAY_MS),
      );
    }
    this.onLimitReached = options.onLimitReached ?? (() => undefined);
  }

  /** The schedule's slots from now on that nobody has booked. */
  async freeSlots(): Promise<Slot[]> {
    if (!this.schedule) return [];
    const slots = scheduledSlots(this.schedule, this.now());
    const taken = await this.store.takenStarts(slots);
    return slots.filter((slot) => !taken.has(slot.start.getTime()));
  }

  /** Whether a new booking may be made now, by anyone: false once this hour's bookings are used up. */
  async acceptingBookings(): Promise<boolean> {
    return !(await anyFull(this.bookingLimits));
  }

  /** Books a slot if the schedule still offers it and the hour's limit allows; the store refuses it if someone was quicker. */
  async book(request: NewBooking): Promise<BookAttempt> {
    const offered = this.schedule && scheduledSlots(this.schedule, this.now()).some((slot) => slot.start.getTime() === request.slot.start.getTime());
    if (!offered) return { booked: false, reason: 'slot_unavailable' };
    if (!(await this.acceptingBookings())) return { booked: false, reason: 'limit_reached' };
    const result = await this.store.book(request);
    // Only a booking made counts: a time someone else took first, or a store error, spends nothing.
    if (result.booked) await this.count(this.bookingLimits);
    return result;
  }

  /**
   * A citizen's code, to see or to cancel a booking. Wrong codes are counted for everyone together:
   * past a limit no code is looked up for the rest of the minute or the day, so that a guesser gets
   * a few hundred tries a day at a space of billions.
   */
  async lookUp(code: string, cancel: boolean): Promise<CodeLookup> {
    if (await anyFull(this.lookupLimits)) return { found: undefined, throttled: true };
    const found = cancel ? await this.cancel(code) : await this.find(code);
    if (found) return { found };
    await this.count(this.lookupLimits);
    return { found: undefined, throttled: false };
  }

  /** Counts one in each limit, and says so once when that fills a window. */
  private async count(limits: SharedLimit<LimitName>[]): Promise<void> {
    for (const limit of limits) if (await limit.count()) this.onLimitReached(limit.name);
  }

  /** A booking by its code while it is kept; a passed booking has no call-back number any more. */
  async find(code: string): Promise<Booking | undefined> {
    await this.purge();
    return this.store.find(code);
  }

  async cancel(code: string): Promise<Booking | undefined> {
    await this.purge();
    return this.store.cancel(code);
  }

  async setCallbackPhone(code: string, phone: string): Promise<boolean> {
    return this.store.setCallbackPhone(code, phone, this.now());
  }

  /** Staff's list: today's bookings and later ones, soonest first. */
  async upcoming(): Promise<Booking[]> {
    await this.purge();
    return this.store.endingAfter(copenhagenInstant(copenhagenDate(this.now()), '00:00'));
  }

  /** Call-back numbers go when their slot ends; bookings go when the retention period has begun. */
  async purge(): Promise<{ callbackPhones: number; bookings: number }> {
    const now = this.now();
    const firstKeptDay = dayAfter(copenhagenDate(now), 1 - this.retentionDays).date;
    return this.store.purge(now, copenhagenInstant(firstKeptDay, '00:00'));
  }
}

async function anyFull(limits: SharedLimit[]): Promise<boolean> {
  for (const limit of limits) if (await limit.isFull()) return true;
  return false;
}
