import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs that carry events, statuses and error classes only. Nothing here ever receives
 * message text, ids or request details; callers log named fields, never whole objects.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** An error as logs may name it: its class, never its message (which can quote ids or text). */
export function errorClass(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** For libraries that want a logger of their own but would log what ours never may. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
