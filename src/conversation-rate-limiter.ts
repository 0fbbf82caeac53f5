/**
 * A fixed one-minute window of requests per key: messages per conversation (only hashed conversation
 * keys are held), or chat tokens for all visitors together. Windows that have ended are dropped as new
 * requests arrive.
 */
export class ConversationRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** "ok" within the limit, "first_over" for the first message over it in a window, "over" after that. */
  take(conversationKey: string): 'ok' | 'first_over' | 'over' {
    const now = this.now();
    let window = this.windows.get(conversationKey);
    if (!window || now - window.startedAt >= 60_000) {
      this.dropEnded(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(conversationKey, window);
    }
    window.count += 1;
    if (window.count <= this.perMinute) return 'ok';
    return window.count === this.perMinute + 1 ? 'first_over' : 'over';
  }

  private dropEnded(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= 60_000) this.windows.delete(key);
  }
}
