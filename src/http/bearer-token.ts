import { verify } from 'node:crypto';
import { AuthenticationConstants } from 'botframework-connector';
import { HttpError } from './http-error';
import type { BotSigningKeys } from './signing-keys';

const CLOCK_SKEW_SECONDS = 5 * 60;
/** The algorithms the SDK accepts (AuthenticationConstants.AllowedSigningAlgorithms), by their hash. */
const HASH_OF_ALGORITHM = new Map([
  ['RS256', 'sha256'],
  ['RS384', 'sha384'],
  ['RS512', 'sha512'],
]);

/** A bearer token that passed the precheck, in its parts. */
export interface BearerToken {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The bytes the signature covers: "header.payload" as sent. */
  signed: string;
  signature: Buffer;
}

const unauthorized = (): HttpError => new HttpError(401, 'unauthorized', 'A valid Bot Framework token is required.');

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
 * not a well-formed JWT, or has expired.
 */
export function precheckBearerToken(header: string | undefined, nowSeconds = Date.now() / 1000): BearerToken {
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header?.trim() ?? '');
  if (!match) throw unauthorized();
  const [, headerPart, payloadPart, signaturePart] = match;
  const decodedHeader = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  if (!decodedHeader || !payload) throw unauthorized();
  if (typeof payload.exp !== 'number' || payload.exp + CLOCK_SKEW_SECONDS < nowSeconds) throw unauthorized();
  return { header: decodedHeader, payload, signed: `${headerPart}.${payloadPart}`, signature: Buffer.from(signaturePart, 'base64url') };
}

/**
 * Refuses a token not signed by a current channel or Azure AD key, so a forged one never reaches the SDK
 * (which answers a bad signature with an exception and logs the key). Issuer, audience and serviceUrl
 * are still the SDK's to check.
 */
export async function verifyBearerSignature(token: BearerToken, signingKeys: BotSigningKeys): Promise<void> {
  const { alg, kid } = token.header;
  const hash = typeof alg === 'string' ? HASH_OF_ALGORITHM.get(alg) : undefined;
  if (!hash || typeof kid !== 'string') throw unauthorized();
  const keys = token.payload.iss === AuthenticationConstants.ToBotFromChannelTokenIssuer ? signingKeys.channel : signingKeys.emulator;
  const key = await keys.getKey(kid);
  if (!key || !verify(hash, Buffer.from(token.signed), key.key, token.signature)) throw unauthorized();
}
