import type { Activity } from 'botbuilder';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { part, SigningKeyServer, TestSigningKey } from '../helpers/signing-key-server';
import { LogCapture, testApp } from '../helpers/test-app';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const CHANNEL_ISSUER = 'https://api.botframework.com';
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';
const SERVICE_URL = 'https://europe.webchat.botframework.com/';
const key = new TestSigningKey('key-1');
const stranger = new TestSigningKey('key-1');

const seconds = (): number => Math.floor(Date.now() / 1000);
const channelClaims = (overrides: object = {}): object => ({
  iss: CHANNEL_ISSUER,
  aud: APP_ID,
  exp: seconds() + 3600,
  nbf: seconds() - 60,
  serviceurl: SERVICE_URL,
  ...overrides,
});
const emulatorClaims = (overrides: object = {}): object => ({
  iss: EMULATOR_ISSUER,
  aud: APP_ID,
  appid: APP_ID,
  ver: '1.0',
  exp: seconds() + 3600,
  nbf: seconds() - 60,
  ...overrides,
});

type Served = { baseUrl: string; logs: LogCapture; clock: { now: number } };

/** The app with an App ID, its signing keys fetched from the stand-in, for every test in the block. */
function serveApp(stand: () => SigningKeyServer, tuning: { timeoutMs?: number } = {}): () => Served {
  let served: (Served & { stop: () => Promise<void> }) | undefined;
  beforeAll(async () => {
    const clock = { now: Date.now() };
    const env = {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      CHANNEL_OPENID_METADATA_URL: stand().metadataUrl('channel'),
      EMULATOR_OPENID_METADATA_URL: stand().metadataUrl('emulator'),
    };
    const logs = new LogCapture();
    const app = await testApp(env, logs, undefined, { signingKeys: { ...tuning, now: () => clock.now } });
    const baseUrl = await listen(app.server);
    served = {
      baseUrl,
      logs,
      clock,
      stop: async () => {
        await close(app.server);
        await app.close();
      },
    };
  });
  afterAll(async () => served?.stop());
  return () => {
    if (!served) throw new Error('served only inside tests');
    return served;
  };
}

async function post(
  baseUrl: string,
  token: string,
  overrides: Partial<Activity> = {},
): Promise<{ status: number; body: { error?: string; activities?: Partial<Activity>[] } }> {
  const activity = new ExpectRepliesClient(baseUrl, 'en-US').activity({
    type: 'message',
    text: 'What is detox?',
    serviceUrl: SERVICE_URL,
    channelId: 'webchat',
    ...overrides,
  });
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: (await response.json()) as { error?: string; activities?: Partial<Activity>[] } };
}

let stand: SigningKeyServer;
let consoleError: jest.SpyInstance;
beforeAll(async () => {
  stand = await SigningKeyServer.start();
});
afterAll(() => stand.close());
beforeEach(() => {
  stand.documents.channel = { keys: [key.jwk(['webchat', 'test'])] };
  stand.documents.emulator = { keys: [key.jwk()] };
  // The SDK prints the key (and the error) with console.error when a signed token fails its checks.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('tokens signed with the served keys', () => {
  const served = serveApp(() => stand);
  beforeAll(() => {
    stand.hits.clear();
    stand.mode = 'serve';
  });

  it('runs the turn for a channel token with the right issuer, audience and serviceUrl', async () => {
    const { status, body } = await post(served().baseUrl, key.token(channelClaims()));
    expect(status).toBe(200);
    expect(body.activities?.some((activity) => activity.type === 'message' && Boolean(activity.text))).toBe(true);
  });

  it('runs the turn for an Emulator token signed with the Azure AD keys', async () => {
    const { status, body } = await post(served().baseUrl, key.token(emulatorClaims()), { channelId: 'emulator' });
    expect(status).toBe(200);
    expect(body.activities?.length).toBeGreaterThan(0);
  });

  const forged: [string, () => string, Partial<Activity>?][] = [
    ['a Microsoft issuer and an unknown kid', () => key.token(channelClaims(), 'unknown-kid')],
    ['a known kid and a signature from another key', () => stranger.token(channelClaims())],
    ['an Emulator issuer and a signature from another key', () => stranger.token(emulatorClaims())],
    ['alg none', () => `${part({ alg: 'none', typ: 'JWT', kid: 'key-1' })}.${part(channelClaims())}.AA`],
    ['HS256 keyed with the public key', () => key.hmacToken(channelClaims())],
    ['a tampered payload', () => key.token(channelClaims()).replace(/\.[^.]+\./, `.${part(channelClaims({ aud: 'attacker' }))}.`)],
  ];

  it.each(forged)('refuses a token with %s with 401 every time, before the SDK sees it', async (_name, token) => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { status, body } = await post(served().baseUrl, token());
      expect(status).toBe(401);
      expect(body.error).toBe('unauthorized');
    }
    expect(consoleError).not.toHaveBeenCalled();
  });

  it.each([
    ['another audience', () => key.token(channelClaims({ aud: 'someone-else' })), {}],
    ['another serviceUrl than the activity names', () => key.token(channelClaims({ serviceurl: 'https://evil.example/' })), {}],
    ['a not-before an hour ahead', () => key.token(channelClaims({ nbf: seconds() + 3600 })), {}],
    ['a channel the key is not endorsed for', () => key.token(channelClaims()), { channelId: 'msteams' }],
    ['an Emulator token for another app', () => key.token(emulatorClaims({ appid: 'someone-else', aud: 'someone-else' })), { channelId: 'emulator' }],
  ])('refuses a well-signed token with %s with 401, not 500', async (_name, token, overrides: Partial<Activity>) => {
    const { status, body } = await post(served().baseUrl, token(), overrides);
    expect(status).toBe(401);
    expect(body.error).toBe('unauthorized');
  });

  it('fetched each key set once, however many unknown kids were tried', () => {
    expect(stand.refreshes('channel')).toBe(1);
    expect(stand.refreshes('emulator')).toBe(1);
  });
});

describe('a key endpoint that fails', () => {
  const served = serveApp(() => stand);
  beforeAll(() => {
    stand.hits.clear();
    stand.mode = 'fail';
  });

  it('refuses forged tokens with 401 and fetches once for twenty of them', async () => {
    const tokens = Array.from({ length: 20 }, (_, index) => key.token(channelClaims(), `kid-${index}`));
    const concurrent = await Promise.all(tokens.slice(0, 10).map((token) => post(served().baseUrl, token)));
    const sequential = [];
    for (const token of tokens.slice(10)) sequential.push(await post(served().baseUrl, token));
    expect([...concurrent, ...sequential].map((response) => response.status)).toEqual(Array(20).fill(401));
    expect(stand.refreshes('channel')).toBe(1);
  });

  it('logs one warning per failed refresh, naming no URL and no token', () => {
    const warnings = served().logs.lines.filter((line) => line.includes('signing_keys_refresh_failed'));
    expect(warnings.map((line) => JSON.parse(line) as object)).toEqual([
      expect.objectContaining({ event: 'signing_keys_refresh_failed', keys: 'channel', reason: 'http_500' }),
    ]);
    expect(served().logs.lines.join('\n')).not.toMatch(/127\.0\.0\.1|openid|eyJ/);
  });

  it('accepts a good token again once the endpoint is back and a minute has passed', async () => {
    stand.mode = 'serve';
    expect((await post(served().baseUrl, key.token(channelClaims()))).status).toBe(401);
    served().clock.now += 60_000;
    expect((await post(served().baseUrl, key.token(channelClaims()))).status).toBe(200);
    expect(stand.refreshes('channel')).toBe(2);
  });
});

describe('a key endpoint that hangs', () => {
  // The timeout is long enough that "at once" below stays distinguishable from "waited for a fetch" on a busy CI
  // machine (a single refused post has taken 919 ms there).
  const served = serveApp(() => stand, { timeoutMs: 3_000 });
  beforeAll(() => {
    stand.hits.clear();
    stand.mode = 'hang';
  });

  it('answers every waiting request 401 after the timeout, with one fetch in flight, and serves others meanwhile', async () => {
    const started = Date.now();
    let settled = 0;
    const requests = Array.from({ length: 5 }, (_, index) => post(served().baseUrl, key.token(channelClaims(), `kid-${index}`)).finally(() => (settled += 1)));
    await stand.waitForRefreshes('channel', 1);
    const health = await fetch(`${served().baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(settled).toBe(0);
    const responses = await Promise.all(requests);
    expect(responses.map((response) => response.status)).toEqual(Array(5).fill(401));
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(stand.refreshes('channel')).toBe(1);
  });

  it('refuses at once, without another fetch, until the retry interval has passed', async () => {
    const started = Date.now();
    expect((await post(served().baseUrl, key.token(channelClaims()))).status).toBe(401);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(stand.refreshes('channel')).toBe(1);
  });
});
