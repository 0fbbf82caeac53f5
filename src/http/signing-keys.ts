import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../base/config';
import type { Logger } from '../base/logger';

/** What the SDK's OpenIdMetadata.getKey resolves to: a PEM for jsonwebtoken, and the channels the key may sign for. */
export interface SigningKey {
  key: string;
  endorsements?: string[];
}

export interface SigningKeysOptions {
  /** The OpenID configuration document whose jwks_uri lists the keys. */
  metadataUrl: string;
  /** A whole refresh (both documents) is abandoned after this long. */
  timeoutMs?: number;
  /** After a failed refresh no other is tried for this long, however many tokens ask. */
  retryAfterFailureMs?: number;
  /** Called once per failed refresh with a short reason: a status or an error class, never a URL or a token. */
  onRefreshFailed?: (reason: string) => void;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_RETRY_AFTER_FAILURE_MS = 60_000;
const KEYS_MAX_AGE_MS = 24 * 60 * 60_000;
/** A token naming a kid we do not know refreshes the keys at most this often (Microsoft's own rule). */
const UNKNOWN_KID_REFRESH_MS = 60 * 60_000;
/** Microsoft's documents are a few kilobytes; anything far larger is not one. */
const MAX_DOCUMENT_BYTES = 256 * 1024;
/** Microsoft's keys are 2048-bit RSA; a shorter one is no key worth trusting. */
const MIN_MODULUS_BITS = 2048;

const openIdConfiguration = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) });
const jsonWebKeySet = z.object({ keys: z.array(z.unknown()) });
const rsaKey = z.object({ kid: z.string(), kty: z.literal('RSA'), n: z.string().min(1), e: z.string().min(1), endorsements: z.array(z.string()).optional() });

class KeyDocumentError extends Error {
  constructor(readonly reason: string) {
    super(`Signing keys not loaded: ${reason}`);
    this.name = 'KeyDocumentError';
  }
}

/**
 * Stands in for the SDK's OpenIdMetadata, which fetches with no timeout, refetches on every request
 * while it has no keys, and throws (→ 500) when the fetch fails. Here one refresh at a time runs, under
 * a timeout, at most once a minute after a failure; getKey never throws, and null means 401.
 */
export class SigningKeys {
  private keys = new Map<string, SigningKey>();
  private lastSuccess = 0;
  private lastFailure = 0;
  private refreshing: Promise<void> | undefined;
  private readonly timeoutMs: number;
  private readonly retryAfterFailureMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SigningKeysOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retryAfterFailureMs = options.retryAfterFailureMs ?? DEFAULT_RETRY_AFTER_FAILURE_MS;
    this.now = options.now ?? Date.now;
  }

  async getKey(kid: string): Promise<SigningKey | null> {
    if (this.refreshDue(kid)) await this.refresh();
    return this.keys.get(kid) ?? null;
  }

  /** Only a caller who needs new keys waits for them: a known kid is not held up by someone else's unknown one. */
  private refreshDue(kid: string): boolean {
    const now = this.now();
    if (this.lastFailure > this.lastSuccess) return now - this.lastFailure >= this.retryAfterFailureMs;
    const age = now - this.lastSuccess;
    return age >= KEYS_MAX_AGE_MS || (!this.keys.has(kid) && age >= UNKNOWN_KID_REFRESH_MS);
  }

  /** Everyone who needs a refresh while one runs waits for that one. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    try {
      const signal = AbortSignal.timeout(this.timeoutMs);
      const { jwks_uri: jwksUri } = openIdConfiguration.parse(await fetchDocument(this.options.metadataUrl, signal));
      // The key list must come as securely as the document that named it.
      if (new URL(jwksUri).protocol !== new URL(this.options.metadataUrl).protocol) throw new KeyDocumentError('jwks_uri_protocol');
      const keys = toSigningKeys(jsonWebKeySet.parse(await fetchDocument(jwksUri, signal)).keys);
      if (keys.size === 0) throw new KeyDocumentError('no_rsa_keys');
      this.keys = keys;
      this.lastSuccess = this.now();
    } catch (error) {
      // The keys we had stay in use: a new signing key is published before it signs anything.
      this.lastFailure = this.now();
      this.options.onRefreshFailed?.(reasonOf(error));
    }
  }
}

/** A status or an error class, by name: instanceof misses fetch's errors (TimeoutError, TypeError) across realms, as under jest. */
function reasonOf(error: unknown): string {
  if (error instanceof KeyDocumentError) return error.reason;
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : typeof error;
}

async function fetchDocument(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    await response.body?.cancel();
    throw new KeyDocumentError(`http_${response.status}`);
  }
  return JSON.parse(await readCapped(response, MAX_DOCUMENT_BYTES));
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw new KeyDocumentError('too_large');
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new KeyDocumentError('too_large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** RSA keys as PEM (what jsonwebtoken takes); other and unreadable keys are left out, as the SDK does. */
function toSigningKeys(entries: unknown[]): Map<string, SigningKey> {
  const keys = new Map<string, SigningKey>();
  for (const entry of entries) {
    const parsed = rsaKey.safeParse(entry);
    if (!parsed.success) continue;
    const { kid, n, e, endorsements } = parsed.data;
    try {
      const publicKey = createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' });
      // Node reads a garbled modulus as a tiny one rather than refusing it.
      if ((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_MODULUS_BITS) continue;
      const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      keys.set(kid, endorsements ? { key: pem, endorsements } : { key: pem });
    } catch {
      // a malformed modulus or exponent: that key cannot verify anything
    }
  }
  return keys;
}

/** The keys Bot Framework channels sign their tokens with, and Azure AD's (the Emulator, skills). */
export interface BotSigningKeys {
  channel: SigningKeySource;
  emulator: SigningKeySource;
}

export type SigningKeySource = Pick<SigningKeys, 'getKey'>;

export type SigningKeysTuning = Pick<SigningKeysOptions, 'timeoutMs' | 'retryAfterFailureMs' | 'now'>;

export function createBotSigningKeys(
  config: Pick<Config, 'CHANNEL_OPENID_METADATA_URL' | 'EMULATOR_OPENID_METADATA_URL'>,
  logger: Logger,
  tuning: SigningKeysTuning = {},
): BotSigningKeys {
  const keysFrom = (metadataUrl: string, keys: 'channel' | 'emulator'): SigningKeys =>
    new SigningKeys({ ...tuning, metadataUrl, onRefreshFailed: (reason) => logger.warn({ event: 'signing_keys_refresh_failed', keys, reason }) });
  return { channel: keysFrom(config.CHANNEL_OPENID_METADATA_URL, 'channel'), emulator: keysFrom(config.EMULATOR_OPENID_METADATA_URL, 'emulator') };
}
