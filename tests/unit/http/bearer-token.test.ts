import { precheckBearerToken, verifyBearerSignature } from '../../../src/http/bearer-token';
import type { HttpError } from '../../../src/http/http-error';
import type { BotSigningKeys, SigningKeySource } from '../../../src/http/signing-keys';
import { TestSigningKey } from '../../helpers/signing-key-server';

const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (payload: object): string => `${part({ alg: 'RS256', kid: 'k' })}.${part(payload)}.${Buffer.from('signature').toString('base64url')}`;
const now = 1_800_000_000;

function refusal(header: string | undefined): number | undefined {
  try {
    precheckBearerToken(header, now);
    return undefined;
  } catch (error) {
    return (error as HttpError).status;
  }
}

describe('precheckBearerToken', () => {
  it('refuses a missing, malformed or garbage header with 401', () => {
    expect(refusal(undefined)).toBe(401);
    expect(refusal('')).toBe(401);
    expect(refusal('Basic dXNlcjpwYXNz')).toBe(401);
    expect(refusal('Bearer garbage')).toBe(401);
    expect(refusal('Bearer a.b.c')).toBe(401);
  });

  it('refuses an expired token', () => {
    expect(refusal(`Bearer ${token({ exp: now - 3600 })}`)).toBe(401);
    expect(refusal(`Bearer ${token({})}`)).toBe(401);
  });

  it('lets a well-formed, unexpired token through to the signature check', () => {
    expect(refusal(`Bearer ${token({ exp: now + 3600 })}`)).toBeUndefined();
    expect(refusal(`Bearer ${token({ exp: now - 60 })}`)).toBeUndefined();
  });
});

describe('verifyBearerSignature', () => {
  const channelKey = new TestSigningKey('channel-key');
  const emulatorKey = new TestSigningKey('emulator-key');
  const pem = (key: TestSigningKey): string => key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const lookups: string[] = [];
  const keySet = (name: string, key: TestSigningKey): SigningKeySource => ({
    getKey: async (kid) => {
      lookups.push(`${name}:${kid}`);
      return kid === key.kid ? { key: pem(key) } : null;
    },
  });
  const signingKeys: BotSigningKeys = { channel: keySet('channel', channelKey), emulator: keySet('emulator', emulatorKey) };
  const channel = { iss: 'https://api.botframework.com', exp: now + 3600 };
  const emulator = { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', exp: now + 3600 };

  async function status(token: string): Promise<number | undefined> {
    try {
      await verifyBearerSignature(precheckBearerToken(`Bearer ${token}`, now), signingKeys);
      return undefined;
    } catch (error) {
      return (error as HttpError).status;
    }
  }

  beforeEach(() => {
    lookups.length = 0;
  });

  it('accepts a token signed by a current key of the set its issuer belongs to', async () => {
    expect(await status(channelKey.token(channel))).toBeUndefined();
    expect(await status(emulatorKey.token(emulator))).toBeUndefined();
    expect(lookups).toEqual(['channel:channel-key', 'emulator:emulator-key']);
  });

  it('refuses a token signed by the other set, by an unknown key or with a changed payload', async () => {
    expect(await status(emulatorKey.token(channel, 'channel-key'))).toBe(401);
    expect(await status(channelKey.token(emulator))).toBe(401);
    expect(await status(channelKey.token(channel, 'unknown'))).toBe(401);
    const [header, , signature] = channelKey.token(channel).split('.');
    expect(await status(`${header}.${part({ ...channel, aud: 'other' })}.${signature}`)).toBe(401);
  });

  it('refuses algorithms the SDK does not allow without looking up a key', async () => {
    expect(await status(channelKey.hmacToken(channel))).toBe(401);
    expect(await status(`${part({ alg: 'none', kid: 'channel-key' })}.${part(channel)}.AA`)).toBe(401);
    expect(await status(`${part({ alg: 'RS256' })}.${part(channel)}.AA`)).toBe(401);
    expect(lookups).toEqual([]);
  });
});
