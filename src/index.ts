import './compile-cache';
import { createApp } from './app';
import { loadConfig } from './base/config';
import { createLogger, errorClass } from './base/logger';

const SHUTDOWN_TIMEOUT_MS = 25_000;
const BOOKING_STORE_OPEN_DELAY_MS = 1_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const { server, drain, close, bookings } = await createApp(config, { logger });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  // The booking database opens and migrates a moment after the bot starts answering: PGlite takes
  // seconds of CPU (more on a fresh folder), which would otherwise hold up the first questions after a
  // (re)start. A booking begun before that opens it at once, and /readyz says ready once it is open. A
  // wrong DATABASE_URL or DATA_DIR still stops the bot, a moment after it started listening.
  bookings.store.openSoon(BOOKING_STORE_OPEN_DELAY_MS).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  logger.info({
    event: 'listening',
    host: config.HOST,
    port: config.PORT,
    authentication: config.MicrosoftAppId ? 'on' : 'off (development: anyone can post activities)',
    bookings: config.DATABASE_URL ? 'postgresql' : 'embedded (PGlite)',
    counsellingSchedule: !bookings.schedule ? 'none (phone only)' : bookings.schedule.example ? 'EXAMPLE (not real times)' : 'configured',
    staffEndpoint: config.STAFF_TOKEN ? 'on' : 'off',
  });
  if (config.STATE_STORE === 'redis' && !config.DATABASE_URL && bookings.schedule) {
    logger.warn({
      event: 'bookings_not_shared',
      message: 'Redis state with embedded bookings: run one instance only, or set DATABASE_URL, or two instances will give the same time to two people',
    });
  }
  const stop = (signal: string): void => {
    logger.info({ event: 'stopping', signal });
    // A turn that cannot finish in time must not keep the process from stopping for ever.
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    drain()
      .then(close)
      .then(
        () => {
          logger.info({ event: 'stopped' });
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ event: 'stop_failed', errorClass: errorClass(error) });
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Config and content errors are written for people; they never contain user data.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
