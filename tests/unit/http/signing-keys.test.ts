import { verify } from 'node:crypto';
import { SigningKeys, type SigningKeysOptions } from '../../../src/http/signing-keys';
import { SigningKeyServer, TestSigningKey } from '../../helpers/signing-key-server';

const HOUR = 60 * 60_000;
const key = new TestSigningKey('key-1');
let stand: SigningKeyServer;
let clock: number;
let failures: string[];

beforeAll(async () => {
  stand = await SigningKeyServer.start();
});
afterAll(() => stand.close());
beforeEach(() => {
  stand.mode = 'serve';
  stand.hits.clear();
  stand.documents.channel = { keys: [key.jwk(['webchat'])] };
  clock = 1_800_000_000_000;
  failures = [];
});

function signingKeys(options: Partial<SigningKeysOptions> = {}): SigningKeys {
  return new SigningKeys({ metadataUrl: stand.metadataUrl('channel'), now: () => clock, onRefreshFailed: (reason) => failures.push(reason), ...options });
}

describe('SigningKeys', () => {
  it('gives a PEM that verifies what the key signed, with its endorsements, when the kid is listed', async () => {
    const found = await signingKeys().getKey('key-1');
    expect(found?.endorsements).toEqual(['webchat']);
    const [header, payload, signature] = key.token({ iss: 'x' }).split('.');
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), found?.key ?? '', Buffer.from(signature, 'base64url'))).toBe(true);
  });

  it('refreshes for an unknown kid at most once an hour', async () => {
    const keys = signingKeys();
    expect(await keys.getKey('nobody')).toBeNull();
    expect(await keys.getKey('nobody')).toBeNull();
    clock += HOUR - 1;
    expect(await keys.getKey('nobody')).toBeNull();
    expect(stand.refreshes('channel')).toBe(1);
    clock += 1;
    expect(await keys.getKey('nobody')).toBeNull();
    expect(stand.refreshes('channel')).toBe(2);
  });

  it('refreshes known keys after 24 hours and picks up a rotated key', async () => {
    const keys = signingKeys();
    await keys.getKey('key-1');
    const next = new TestSigningKey('key-2');
    stand.documents.channel = { keys: [next.jwk()] };
    clock += 24 * HOUR - 1;
    expect(await keys.getKey('key-1')).not.toBeNull();
    clock += 1;
    expect(await keys.getKey('key-1')).toBeNull();
    expect(await keys.getKey('key-2')).not.toBeNull();
    expect(stand.refreshes('channel')).toBe(2);
  });

  it('answers null after a failed refresh and tries again only after the retry interval', async () => {
    stand.mode = 'fail';
    const keys = signingKeys({ retryAfterFailureMs: 30_000 });
    expect(await keys.getKey('key-1')).toBeNull();
    clock += 29_999;
    expect(await keys.getKey('key-1')).toBeNull();
    expect(stand.refreshes('channel')).toBe(1);
    expect(failures).toEqual(['http_500']);
    stand.mode = 'serve';
    clock += 1;
    expect(await keys.getKey('key-1')).not.toBeNull();
    expect(stand.refreshes('channel')).toBe(2);
  });

  it('keeps the keys it has when a later refresh fails', async () => {
    const keys = signingKeys();
    await keys.getKey('key-1');
    stand.mode = 'fail';
    clock += 24 * HOUR;
    expect(await keys.getKey('key-1')).not.toBeNull();
    expect(await keys.getKey('key-1')).not.toBeNull();
    expect(stand.refreshes('channel')).toBe(2);
    expect(failures).toEqual(['http_500']);
  });

  it('runs one refresh for many concurrent callers', async () => {
    const keys = signingKeys();
    const found = await Promise.all(Array.from({ length: 10 }, (_, index) => keys.getKey(index % 2 ? 'key-1' : 'nobody')));
    expect(found.filter(Boolean)).toHaveLength(5);
    expect(stand.refreshes('channel')).toBe(1);
    expect(stand.hits.get('/channel/keys')).toBe(1);
  });

  it('does not keep a known kid waiting on a refresh for an unknown one', async () => {
    const keys = signingKeys({ timeoutMs: 1_000 });
    await keys.getKey('key-1');
    clock += HOUR;
    stand.mode = 'hang';
    let unknownSettled = false;
    const unknown = keys.getKey('nobody').finally(() => (unknownSettled = true));
    await stand.waitForRefreshes('channel', 2);
    expect(await keys.getKey('key-1')).not.toBeNull();
    expect(unknownSettled).toBe(false);
    expect(await unknown).toBeNull();
  });

  it('gives up on a hanging endpoint after the timeout, for every caller waiting on it', async () => {
    stand.mode = 'hang';
    const keys = signingKeys({ timeoutMs: 300 });
    const started = Date.now();
    expect(await Promise.all([keys.getKey('key-1'), keys.getKey('key-1'), keys.getKey('key-2')])).toEqual([null, null, null]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stand.refreshes('channel')).toBe(1);
    expect(failures).toEqual(['TimeoutError']);
  });

  it.each([
    ['a key list larger than any real one', { keys: [key.jwk()], padding: 'x'.repeat(300 * 1024) }, 'too_large'],
    ['no RSA key', { keys: [{ kid: 'key-1', kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }] }, 'no_rsa_keys'],
    ['no key list', { nothing: true }, 'ZodError'],
    ['an RSA key whose modulus is not one', { keys: [{ kid: 'key-1', kty: 'RSA', n: '!!', e: 'AQAB' }] }, 'no_rsa_keys'],
  ])('answers null, without throwing, for %s', async (_name, document, reason) => {
    stand.documents.channel = document;
    expect(await signingKeys().getKey('key-1')).toBeNull();
    expect(failures).toEqual([reason]);
  });

  it('skips keys it cannot use and keeps the others', async () => {
    stand.documents.channel = { keys: [{ kid: 'ec', kty: 'EC' }, 'junk', key.jwk()] };
    expect(await signingKeys().getKey('key-1')).not.toBeNull();
  });

  it('answers null when nothing listens at the metadata URL', async () => {
    const keys = new SigningKeys({ metadataUrl: 'http://127.0.0.1:9/openid', onRefreshFailed: (reason) => failures.push(reason) });
    expect(await keys.getKey('key-1')).toBeNull();
    expect(failures).toEqual(['TypeError']);
  });
});
