import { HttpError } from '../../../src/http/http-error';
import { precheckBearerToken } from '../../../src/http/bearer-token';

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
