import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import type { Logger } from './logger';

const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
}

/** The HTTP edge: the Bot Framework endpoint and a liveness probe. */
export function createServer({ adapter, bot, logger }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'pitstop-guide', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    const started = process.hrtime.bigint();
    await adapter.process(req, res, (context) => bot.run(context));
    const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info({ event: 'activity', status: res.statusCode, latencyMs: Math.round(latencyMs) });
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  return server;
}
