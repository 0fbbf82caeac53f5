import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { testApp } from '../helpers/test-app';

/** A stand-in for a channel's connector (Azure, or a local Direct Line server): records what the bot posts. */
async function fakeConnector(): Promise<{ url: string; received: Array<{ path: string; activity: Partial<Activity> }>; server: Server }> {
  const received: Array<{ path: string; activity: Partial<Activity> }> = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', activity: JSON.parse(body) as Partial<Activity> });
      // Not chained: restify patches ServerResponse.prototype.writeHead to return nothing.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

/** A question posted for normal delivery: the replies go to `serviceUrl`, not back in the response. */
async function postForNormalDelivery(baseUrl: string, serviceUrl: string): Promise<{ activity: Partial<Activity>; response: Response }> {
  const activity = new ExpectRepliesClient(baseUrl).activity({ type: 'message', text: 'Hvad er afgiftning?', serviceUrl, deliveryMode: undefined });
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { activity, response };
}

describe('channels', () => {
  it('posts replies to the serviceUrl on normal delivery, as Azure Bot Service and Direct Line expect', async () => {
    const connector = await fakeConnector();
    const app = await testApp();
    const baseUrl = await listen(app.server);
    try {
      const { activity, response } = await postForNormalDelivery(baseUrl, connector.url);
      expect(response.status).toBe(200);
      expect(connector.received).toHaveLength(1);
      expect(connector.received[0].path).toBe(
        `/v3/conversations/${encodeURIComponent(activity.conversation?.id ?? '')}/activities/${encodeURIComponent(activity.id ?? '')}`,
      );
      expect(connector.received[0].activity.text).toContain('omkring en måned');
      expect(app.logs.lines.join('\n')).not.toContain('turn_error');
    } finally {
      await close(app.server);
      await app.close();
      await new Promise((resolve) => connector.server.close(resolve));
    }
  });

  it('refuses with 403, unprocessed, a serviceUrl outside the allowed hosts', async () => {
    const connector = await fakeConnector();
    const app = await testApp({ ALLOWED_SERVICE_URL_HOSTS: '*.botframework.com' });
    const baseUrl = await listen(app.server);
    try {
      const { response } = await postForNormalDelivery(baseUrl, connector.url);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'service_url_not_allowed', message: 'The bot does not reply to this serviceUrl.' });
      expect(connector.received).toEqual([]);
    } finally {
      await close(app.server);
      await app.close();
      await new Promise((resolve) => connector.server.close(resolve));
    }
  });
});
