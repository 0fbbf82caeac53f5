import type { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import type { PitstopAdapter } from './adapter';
import { errorClass, type Logger, silentLogger } from './base/logger';
import { parseActivity } from './http/activity-schema';
import { precheckBearerToken, verifyBearerSignature } from './http/bearer-token';
import { HttpError } from './http/http-error';
import { readJsonBody } from './http/read-json-body';
import { refusalFor } from './http/refusal';
import { isAllowedServiceUrl } from './http/service-url';
import type { BotSigningKeys } from './http/signing-keys';

const MAX_BODY_BYTES = 256 * 1024;
const DRAIN_POLL_MS = 20;
/** How long a draining server still answers (503, "Connection: close") on connections clients hold open. */
const DRAIN_GRACE_MS = 500;

export interface ServerDeps {
  adapter: PitstopAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** With an App ID every request must carry a channel token. */
  authenticationRequired: boolean;
  /** The keys tokens are checked against before the SDK sees them. */
  signingKeys: BotSigningKeys;
  allowedServiceUrlHosts: readonly string[];
  /** Content, model and storage can serve a turn. */
  isReady: () => Promise<boolean>;
}

export interface BotServer {
  server: restify.Server;
  /** Stops accepting, lets every turn in flight finish, and resolves when the last connection is closed. */
  drain: () => Promise<void>;
}

/** The HTTP edge: the Bot Framework endpoint, liveness and readiness probes, and draining. */
export function createServer(deps: ServerDeps): BotServer {
  const { adapter, bot, logger } = deps;
  // restify's own logger prints whole request and response objects (headers, bodies, ids) on some
  // warnings; it gets a silent one, and the server logs its own events below.
  // (@types/restify 8.5 still describes restify 8's bunyan logger; restify 11 takes a pino logger.)
  const log = silentLogger() as unknown as restify.ServerOptions['log'];
  const server = restify.createServer({ name: 'pitstop-guide', handleUncaughtExceptions: false, log });
  let draining = false;
  let inFlight = 0;

  // No body parser: restify's crashes on a bad gzip body, so readJsonBody reads and checks bodies itself.
  server.post('/api/messages', async (req, res) => {
    const started = process.hrtime.bigint();
    inFlight += 1;
    let failure: string | undefined;
    const respond = (status: number, body?: unknown): void => {
      if (draining) res.header('connection', 'close');
      res.send(status, body);
    };
    try {
      if (draining) throw new HttpError(503, 'shutting_down', 'The bot is restarting; try again shortly.');
      const activity = parseActivity(await readJsonBody(req, MAX_BODY_BYTES));
      if (!isAllowedServiceUrl(activity.serviceUrl, deps.allowedServiceUrlHosts)) {
        throw new HttpError(403, 'service_url_not_allowed', 'The bot does not reply to this serviceUrl.');
      }
      const authorization = req.header('authorization');
      if (deps.authenticationRequired) await verifyBearerSignature(precheckBearerToken(authorization), deps.signingKeys);
      const response = await adapter.handle(authorization ?? '', activity, (context) => bot.run(context));
      respond(response?.status ?? 200, response?.body);
    } catch (error) {
      const refusal = refusalFor(error);
      if (!(error instanceof HttpError)) failure = errorClass(error);
      respond(refusal.status, refusal.body);
    } finally {
      inFlight -= 1;
      const latencyMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
      logger.info({ event: 'activity', status: res.statusCode, latencyMs, ...(failure ? { errorClass: failure } : {}) });
    }
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  server.get('/readyz', async (_req, res) => {
    const ready = !draining && (await deps.isReady().catch(() => false));
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready' });
  });

  const idle = async (): Promise<void> => {
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  };

  /**
   * Closing the listener at once would reset keep-alive connections a client is just sending on. So
   * first every response says "Connection: close" (and new requests get 503) until the turns in flight
   * are done and a short grace has passed; only then are the listener and the last idle sockets closed.
   */
  const drain = async (): Promise<void> => {
    draining = true;
    await idle();
    await new Promise((resolve) => setTimeout(resolve, DRAIN_GRACE_MS));
    await idle();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.server.closeIdleConnections();
    await closed;
  };

  return { server, drain };
}
