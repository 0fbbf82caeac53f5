import { ExpiringMemoryStorage } from '../../src/state/expiring-memory-storage';
import { ExpectRepliesClient, useServedApp } from '../helpers/http-client';

const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: object): string =>
  `${part({ alg: 'RS256', typ: 'JWT', kid: 'unknown' })}.${part(payload)}.${Buffer.from('not-a-signature').toString('base64url')}`;

const served = useServedApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' });

async function postWith(authorization: string | undefined): Promise<{ status: number; body: { error: string; activities?: unknown } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const activity = new ExpectRepliesClient(served.baseUrl).activity({
    type: 'message',
    text: 'Hvad er afgiftning?',
    serviceUrl: 'https://europe.webchat.botframework.com/',
  });
  const response = await fetch(`${served.baseUrl}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
  return { status: response.status, body: (await response.json()) as { error: string } };
}

describe('authentication with an App ID', () => {
  it.each([
    ['no token', undefined],
    ['an empty header', ''],
    ['a garbage token', 'Bearer garbage.token'],
    ['a non-bearer scheme', 'Basic dXNlcjpwYXNzd29yZA=='],
    [
      'an expired token',
      `Bearer ${jwt({ iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-000000000001', exp: Math.floor(Date.now() / 1000) - 3600 })}`,
    ],
  ])('refuses a request with %s with 401 and never runs the bot', async (_name, authorization) => {
    const { status, body } = await postWith(authorization);
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'unauthorized', message: 'A valid Bot Framework token is required.' });
  });

  it('runs no turn and keeps no state for refused requests', async () => {
    await postWith(undefined);
    await postWith('Bearer garbage.token');
    const { storage, logs } = served.app;
    if (!(storage instanceof ExpiringMemoryStorage)) throw new Error('expected the default memory store');
    expect(storage.dump()).toEqual([]);
    const events = logs.lines.map((line) => JSON.parse(line) as { event: string; status?: number });
    expect(events.filter((entry) => entry.event === 'activity').map((entry) => entry.status)).toEqual(expect.arrayContaining([401]));
    expect(events.map((entry) => entry.event)).not.toContain('turn_error');
  });
});
