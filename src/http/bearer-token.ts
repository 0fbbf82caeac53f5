import { HttpError } from './http-error';

const CLOCK_SKEW_SECONDS = 5 * 60;

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before the SDK fetches any signing key, a request whose Authorization header is missing, is
 * not a well-formed JWT, or has expired. The signature and issuer are then checked by the SDK.
 */
export function precheckBearerToken(header: string | undefined, nowSeconds = Date.now() / 1000): void {
  const unauthorized = new HttpError(401, 'unauthorized', 'A valid Bot Framework token is required.');
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header?.trim() ?? '');
  if (!match) throw unauthorized;
  const [, headerPart, payloadPart] = match;
  const payload = decodePart(payloadPart);
  if (!decodePart(headerPart) || !payload) throw unauthorized;
  if (typeof payload.exp !== 'number' || payload.exp + CLOCK_SKEW_SECONDS < nowSeconds) throw unauthorized;
}
