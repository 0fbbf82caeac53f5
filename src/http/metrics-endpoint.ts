import type restify from 'restify';
import type { BotMetrics } from '../usage/metrics';
import { isStaff } from './staff-api';

/** `GET /metrics` in Prometheus' text format, behind the staff token; without a token there is no endpoint. */
export function registerMetricsEndpoint(server: restify.Server, deps: { token?: string; metrics: BotMetrics }): void {
  const { token, metrics } = deps;
  if (!token) return;
  server.get('/metrics', async (req, res) => {
    res.header('cache-control', 'no-store');
    if (!isStaff(req.headers.authorization, token)) {
      res.header('www-authenticate', 'Bearer');
      res.send(401, { error: 'unauthorized', message: 'A valid staff token is required.' });
      return;
    }
    res.sendRaw(200, await metrics.registry.metrics(), { 'content-type': metrics.registry.contentType });
  });
}
