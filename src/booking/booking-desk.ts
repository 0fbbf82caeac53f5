import { copenhagenDate, copenhagenInstant, dayAfter } from '../calendar/copenhagen-time';
import type { BookResult, Booking, BookingStore, NewBooking } from './booking-store';
import { type CounsellingSchedule, type Slot, scheduledSlots } from './counselling-schedule';

export interface BookingDeskOptions {
  store: BookingStore;
  /** Without a schedule nothing can be booked and the bot gives Pitstop's phone instead. */
  schedule?: CounsellingSchedule;
  /** Bookings are deleted once this many days have begun after the slot's day. */
  retentionDays: number;
  now: () => Date;
}

export type BookAttempt = BookResult | { booked: false; reason: 'slot_unavailable' };

/** Where the schedule and the store meet: free slots now, booking one of them, and forgetting old ones. */
export class BookingDesk {
  readonly store: BookingStore;
  readonly schedule?: CounsellingSchedule;
  private readonly retentionDays: number;
  private readonly now: () => Date;

  constructor(options: BookingDeskOptions) {
    this.store = options.store;
    this.schedule = options.schedule;
    this.retentionDays = options.retentionDays;
    this.now = options.now;
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

  /** Books a slot if the schedule still offers it; the store refuses it if someone was quicker. */
  async book(request: NewBooking): Promise<BookAttempt> {
    const offered = this.schedule && scheduledSlots(this.schedule, this.now()).some((slot) => slot.start.getTime() === request.slot.start.getTime());
    if (!offered) return { booked: false, reason: 'slot_unavailable' };
    return this.store.book(request);
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
