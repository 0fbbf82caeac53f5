import { errorClass, type Logger } from '../base/logger';
import type { UsageCount } from '../booking/booking-store';
import { isoWeek } from './iso-week';
import type { UsageEvent } from './reply-usage';

/** Where weekly counts are added up: the booking database, shared by every instance. */
export interface UsageSink {
  addUsage(counts: readonly UsageCount[]): Promise<void>;
}

/** The row an event adds to: a metric and a label that is a content id or a fixed word. */
export function usageCell(event: UsageEvent): { metric: string; label: string } {
  switch (event.metric) {
    case 'answer':
      return { metric: 'answer', label: event.topic };
    case 'reply':
      return { metric: 'reply', label: event.kind };
    case 'emergency':
      return { metric: 'emergency', label: event.tier };
    case 'handoff':
      return { metric: 'handoff', label: event.to };
    case 'booking':
      return { metric: 'booking', label: event.event };
    case 'feedback':
      return { metric: 'feedback', label: event.answer };
  }
}

const SEPARATOR = ' ';

/**
 * Weekly usage counts, kept in memory and added to the database every few seconds and at shutdown, so a
 * turn never waits for a write. A write that fails is logged (its error class only) and its counts are
 * tried again with the next; nothing here can fail a turn.
 */
export class UsageRecorder {
  private pending = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly sink: UsageSink,
    private readonly options: { logger: Logger; now: () => Date; intervalMs: number },
  ) {}

  record(event: UsageEvent): void {
    // After shutdown's last write a late event would open the database again: it is not counted.
    if (this.closed) return;
    try {
      const { metric, label } = usageCell(event);
      const key = [isoWeek(this.options.now()), metric, label].join(SEPARATOR);
      this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
      if (!this.timer) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          void this.flush();
        }, this.options.intervalMs);
        this.timer.unref();
      }
    } catch (error) {
      this.options.logger.warn({ event: 'usage_count_failed', errorClass: errorClass(error) });
    }
  }

  /** Writes what has been counted so far; flushes run one after another, and this one never rejects. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const counts = [...batch].map(([key, count]) => {
      const [week, metric, label] = key.split(SEPARATOR);
      return { week, metric, label, count };
    });
    try {
      await this.sink.addUsage(counts);
    } catch (error) {
      this.options.logger.warn({ event: 'usage_write_failed', errorClass: errorClass(error), rows: counts.length });
      // Kept for the next write: the keys are weeks × a fixed set of labels, so this cannot grow without bound.
      for (const [key, count] of batch) this.pending.set(key, (this.pending.get(key) ?? 0) + count);
    }
  }
}
