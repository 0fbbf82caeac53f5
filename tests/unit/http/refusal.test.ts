import { AuthenticationError } from 'botframework-connector';
import { HttpError } from '../../../src/http/http-error';
import { refusalFor } from '../../../src/http/refusal';

const named = (name: string): Error => Object.assign(new Error('jwt says something'), { name });

describe('refusalFor', () => {
  it.each([
    ['a 401 from the SDK', new AuthenticationError('Unauthorized. No valid identity.', 401)],
    ["the SDK's 500 when it could not load signing keys", new AuthenticationError('Failed to load openID config: 500', 500)],
    ["jsonwebtoken's bad signature", named('JsonWebTokenError')],
    ["jsonwebtoken's not-yet-valid token", named('NotBeforeError')],
    ["jsonwebtoken's expired token", named('TokenExpiredError')],
    ['a 403 status', Object.assign(new Error('forbidden'), { statusCode: 403 })],
  ])('answers %s with 401', (_name, error) => {
    expect(refusalFor(error).status).toBe(401);
    expect(refusalFor(error).body).toEqual({ error: 'unauthorized', message: 'A valid Bot Framework token is required.' });
  });

  it('answers other errors with 500 and never their text', () => {
    const refusal = refusalFor(new TypeError('secret detail'));
    expect(refusal.status).toBe(500);
    expect(JSON.stringify(refusal.body)).not.toContain('secret detail');
  });

  it('passes our own refusals through', () => {
    const own = new HttpError(413, 'too_large', 'Too large.');
    expect(refusalFor(own)).toBe(own);
  });
});
