import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { close, listen, withServedApp } from '../helpers/http-client';
import { LogCapture, testApp } from '../helpers/test-app';

const SECRET = 'direct-line-secret-never-in-a-browser';

/** A stand-in for Azure's Direct Line token service: checks the secret and the user id it is given. */
async function fakeDirectLine(): Promise<{ url: string; server: Server; userIds: string[] }> {
  const userIds: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const authorised = req.url === '/v3/directline/tokens/generate' && req.headers.authorization === `Bearer ${SECRET}`;
      res.writeHead(authorised ? 200 : 403, { 'content-type': 'application/json' });
      if (authorised) userIds.push((JSON.parse(body) as { user: { id: string } }).user.id);
      res.end(JSON.stringify(authorised ? { conversationId: 'c', token: `token-for-${userIds.length}`, expires_in: 3600 } : { error: 'forbidden' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, userIds };
}

describe('the chat page through Azure Direct Line', () => {
  it('hands the page a short-lived token and a random dl_ user id per visit, never the secret', async () => {
    const directLine = await fakeDirectLine();
    const app = await testApp({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: directLine.url });
    const baseUrl = await listen(app.server);
    try {
      const config = await (await fetch(`${baseUrl}/chat-config.json`)).text();
      expect(JSON.parse(config)).toMatchObject({ mode: 'directline' });
      const first = await fetch(`${baseUrl}/api/directline/token`);
      const second = await fetch(`${baseUrl}/api/directline/token`);
      const [a, b] = [(await first.json()) as { token: string; userId: string }, (await second.json()) as { token: string; userId: string }];
      expect(a).toMatchObject({ token: 'token-for-1', userId: expect.stringMatching(/^dl_[0-9a-f]{32}$/) });
      expect(b.userId).not.toBe(a.userId);
      expect(directLine.userIds).toEqual([a.userId, b.userId]);
      expect(first.headers.get('cache-control')).toBe('no-store');
      const page = await (await fetch(`${baseUrl}/`)).text();
      const script = await (await fetch(`${baseUrl}/chat.js`)).text();
      for (const text of [config, JSON.stringify(a), page, script]) expect(text).not.toContain(SECRET);
      const csp = (await fetch(`${baseUrl}/`)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`connect-src 'self' ${directLine.url}`);
    } finally {
      await close(app.server);
      await app.close();
      await new Promise((resolve) => directLine.server.close(resolve));
    }
  });

  it('hands out at most the configured tokens a minute for all visitors together, says why in one log line, and starts again after the minute', async () => {
    const directLine = await fakeDirectLine();
    let clock = Date.parse('2026-11-30T20:00:00Z');
    const logs = new LogCapture();
    const app = await testApp({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: directLine.url, DIRECT_LINE_TOKENS_PER_MINUTE: '3' }, logs, () => clock);
    const baseUrl = await listen(app.server);
    try {
      const statuses = [];
      for (let visit = 0; visit < 6; visit += 1) statuses.push((await fetch(`${baseUrl}/api/directline/token`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      expect(directLine.userIds).toHaveLength(3);
      const throttled = await fetch(`${baseUrl}/api/directline/token`);
      expect(throttled.headers.get('retry-after')).toBe('60');
      expect(logs.lines.filter((line) => line.includes('"event":"direct_line_tokens_throttled"'))).toHaveLength(1);
      expect(logs.lines.filter((line) => line.includes('"event":"direct_line_token"'))).toHaveLength(3);
      clock += 60_000;
      expect((await fetch(`${baseUrl}/api/directline/token`)).status).toBe(200);
    } finally {
      await close(app.server);
      await app.close();
      await new Promise((resolve) => directLine.server.close(resolve));
    }
  });

  it('answers 502, not the service error, when Direct Line refuses', async () => {
    const directLine = await fakeDirectLine();
    const app = await testApp({ DIRECT_LINE_SECRET: 'a-wrong-secret', DIRECT_LINE_ENDPOINT: directLine.url });
    const baseUrl = await listen(app.server);
    try {
      const response = await fetch(`${baseUrl}/api/directline/token`);
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({ error: 'direct_line_unavailable', message: 'Could not get a chat token.' });
    } finally {
      await close(app.server);
      await app.close();
      await new Promise((resolve) => directLine.server.close(resolve));
    }
  });

  it('offers no chat on a server that takes only authenticated channels and has no Direct Line secret', () =>
    withServedApp({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'x' }, async (_app, baseUrl) => {
      expect(await (await fetch(`${baseUrl}/chat-config.json`)).json()).toMatchObject({ mode: 'unavailable' });
      expect((await fetch(`${baseUrl}/api/directline/token`)).status).toBe(404);
    }));

  it('serves Web Chat itself, with a content security policy that allows no other origin', () =>
    withServedApp({}, async (_app, baseUrl) => {
      const webchat = await fetch(`${baseUrl}/webchat.js`);
      expect(webchat.status).toBe(200);
      expect((await webchat.text()).length).toBeGreaterThan(1_000_000);
      const page = await fetch(`${baseUrl}/`);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(await page.text()).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    }));
});
