/** What every Redis command of the bot shares: a bound on how long it may take. */

/** Longest wait for a read, write or delete: a frozen Redis turns into the apology, not a stuck turn. */
export const COMMAND_TIMEOUT_MS = 2000;

export class RedisUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RedisUnavailableError';
  }
}

/** The operation's result, or a RedisUnavailableError once `ms` have passed without one. */
export function within<T>(operation: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(`Redis did not answer ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
}
