/**
 * A fixed window (a minute unless told otherwise) of requests per key: messages per conversation (only
 * hashed conversation keys are held) and chat tokens; bookings and failed code look-ups are limited in the
 * booking database (shared-limit.ts). Windows that have ended are dropped as new requests arrive.
 */
export class ConversationRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();
  private lastSweep = -Infinity;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000,
  ) {}

  /** "ok" within the limit, "first_over" for the first message over it in a window, "over" after that. */
  take(conversationKey: string): 'ok' | 'first_over' | 'over' {
    const now = this.now();
    let window = this.windows.get(conversationKey);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.dropEnded(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(conversationKey, window);
    }
    window.count += 1;
    if (window.count <= this.perMinute) return 'ok';
    return window.count === this.perMinute + 1 ? 'first_over' : 'over';
  }

  /**
   * At most once a window: walking every conversation's window for each new conversation made a turn's
   * cost grow with the number of conversations of the last minute. A window is judged by its own start
   * when used, so one that ended and is not yet dropped counts nothing.
   */
  private dropEnded(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
  }
}
