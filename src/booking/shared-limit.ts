import type { BookingStore } from './booking-store';

/**
 * At most `max` events in each fixed window of time (a minute, an hour, a day), counted in the booking
 * database so that every instance of the bot shares the same limit.
 */
export class SharedLimit<Name extends string = string> {
  constructor(
    private readonly store: BookingStore,
    readonly name: Name,
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  private windowStart(): Date {
    const time = this.now().getTime();
    return new Date(time - (time % this.windowMs));
  }

  async isFull(): Promise<boolean> {
    return (await this.store.countIn(this.name, this.windowStart())) >= this.max;
  }

  /** Counts one event; true when it is the one that filled the window, so a warning is given once. */
  async count(): Promise<boolean> {
    return (await this.store.addToCount(this.name, this.windowStart())) === this.max;
  }
}
