import { createApp } from './app';
import { loadConfig } from './config';
import { createLogger, errorClass } from './logger';

const SHUTDOWN_TIMEOUT_MS = 25_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const { server, drain, close } = await createApp(config, { logger });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  logger.info({
    event: 'listening',
    host: config.HOST,
    port: config.PORT,
    authentication: config.MicrosoftAppId ? 'on' : 'off (development: anyone can post activities)',
  });
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
