import { copenhagenDate, copenhagenInstant, dayAfter } from '../calendar/copenhagen-time';
import { ConversationRateLimiter } from '../conversation-rate-limiter';
import type { BookResult, Booking, BookingStore, NewBooking } from './booking-store';
import { type CounsellingSchedule, type Slot, scheduledSlots } from './counselling-schedule';

export interface BookingDeskOptions {
  store: BookingStore;
  /** Without a schedule nothing can be booked and the bot gives Pitstop's phone instead. */
  schedule?: CounsellingSchedule;
  /** Bookings are deleted once this many days have begun after the slot's day. */
  retentionDays: number;
  now: () => Date;
  /** Limits for everyone together, so that no one client can take every slot or guess codes. */
  limits?: BookingLimits;
  /** Told once a window when a limit is reached: someone may be taking slots or guessing codes. */
  onLimitReached?: (limit: 'bookings' | 'code_lookups') => void;
}

export interface BookingLimits {
  bookingsPerHour: number;
  failedCodeLookupsPerMinute: number;
}

const EVERYONE = 'everyone';
const HOUR_MS = 3_600_000;

export type BookAttempt = BookResult | { booked: false; reason: 'slot_unavailable' | 'limit_reached' };

/** A citizen's look-up by code: the booking, none, or none because too many codes were wrong just now. */
export type CodeLookup = { found: Booking } | { found: undefined; throttled: boolean };

/** Where the schedule and the store meet: free slots now, booking one of them, and forgetting old ones. */
export class BookingDesk {
  readonly store: BookingStore;
  readonly schedule?: CounsellingSchedule;
  private readonly retentionDays: number;
  private readonly now: () => Date;
  private readonly bookings?: ConversationRateLimiter;
  private readonly failedLookups?: ConversationRateLimiter;
  private readonly onLimitReached: (limit: 'bookings' | 'code_lookups') => void;

  constructor(options: BookingDeskOptions) {
    this.store = options.store;
    this.schedule = options.schedule;
    this.retentionDays = options.retentionDays;
    this.now = options.now;
    const clock = (): number => options.now().getTime();
    if (options.limits) {
      this.bookings = new ConversationRateLimiter(options.limits.bookingsPerHour, clock, HOUR_MS);
      this.failedLookups = new ConversationRateLimiter(options.limits.failedCodeLookupsPerMinute, clock);
    }
    this.onLimitReached = options.onLimitReached ?? (() => undefined);
  }

  get open(): boolean {
    return this.schedule !== undefined;
  }

  /** The schedule's slots from now on that nobody has booked. */
  async freeSlots(): Promise<Slot[]> {
    if (!this.schedule) return [];
    const slots = scheduledSlots(this.schedule, this.now());
    const taken = await this.store.takenStarts(slots);
    return slots.filter((slot) => !taken.has(slot.start.getTime()));
  }

  /** Whether a new booking may be made now, by anyone: false once this hour's bookings are used up. */
  get acceptingBookings(): boolean {
    return !this.bookings?.isFull(EVERYONE);
  }

  /** Books a slot if the schedule still offers it and the hour's limit allows; the store refuses it if someone was quicker. */
  async book(request: NewBooking): Promise<BookAttempt> {
    const offered = this.schedule && scheduledSlots(this.schedule, this.now()).some((slot) => slot.start.getTime() === request.slot.start.getTime());
    if (!offered) return { booked: false, reason: 'slot_unavailable' };
    if (this.bookings?.isFull(EVERYONE)) return { booked: false, reason: 'limit_reached' };
    const result = await this.store.book(request);
    // Only a booking made counts: a time someone else took first, or a store error, spends nothing.
    if (result.booked && this.bookings) this.counted(this.bookings, 'bookings');
    return result;
  }

  /**
   * A citizen's code, to see or to cancel a booking. Wrong codes are counted for everyone together:
   * past the limit no code is looked up for the rest of the minute, so codes cannot be guessed.
   */
  async lookUp(code: string, cancel: boolean): Promise<CodeLookup> {
    if (this.failedLookups?.isFull(EVERYONE)) return { found: undefined, throttled: true };
    const found = cancel ? await this.cancel(code) : await this.find(code);
    if (found) return { found };
    if (this.failedLookups) this.counted(this.failedLookups, 'code_lookups');
    return { found: undefined, throttled: false };
  }

  /** Counts one for everyone, and says so once when that fills the window. */
  private counted(limiter: ConversationRateLimiter, limit: 'bookings' | 'code_lookups'): void {
    if (limiter.take(EVERYONE) === 'ok' && limiter.isFull(EVERYONE)) this.onLimitReached(limit);
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
