import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants, gunzipSync, gzip } from 'node:zlib';
import type { HashedFileCache } from '../base/hashed-file-cache';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Smaller files gain too little from compression to be worth it. */
const COMPRESS_FROM_BYTES = 1024;
/** Brotli's quality 9 is within 10 % of its best at a tenth of the time (≈0.25 s for Web Chat's 1.9 MB here). */
const BROTLI_QUALITY = 9;

export type ContentCoding = 'br' | 'gzip' | 'identity';

/** The compressed forms' names in the cache, with the settings that make their bytes, and how each is read back. */
const CACHE_NAMES = { br: `br${BROTLI_QUALITY}`, gzip: 'gzip9' } as const;
const DECOMPRESS = { br: brotliDecompressSync, gzip: gunzipSync } as const;

/**
 * A file served as it is, or compressed once (brotli and gzip, on the thread pool so other requests do not wait) and
 * kept: Web Chat's 1.9 MB reach a phone as ≈0.4 MB. With a cache folder the compressed bytes are stored by the file's
 * hash and read back at the next start, which then spends no second of CPU compressing them again (issue 15).
 */
export class StaticFile {
  private readonly hash: string;
  private readonly encoded: Record<Exclude<ContentCoding, 'identity'>, Promise<Buffer>> | undefined;

  constructor(
    readonly body: Buffer,
    readonly type: string,
    cache?: HashedFileCache,
  ) {
    this.hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    if (body.length < COMPRESS_FROM_BYTES) return;
    const stored = (coding: keyof typeof CACHE_NAMES, compress: () => Promise<Buffer>): Promise<Buffer> => {
      const kept = cache?.read(CACHE_NAMES[coding], this.hash);
      // Served for a year under an immutable address: only bytes that decode to this very file (a few ms to check).
      if (kept && this.decodesToBody(kept, coding)) return Promise.resolve(kept);
      const compressed = compress();
      compressed.then(
        (bytes) => cache?.write(CACHE_NAMES[coding], this.hash, bytes),
        () => undefined,
      );
      return compressed;
    };
    this.encoded = {
      br: stored('br', () => brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })),
      gzip: stored('gzip', () => gzipped(body, { level: 9 })),
    };
    // A failure is met when the coding is asked for: that request is served uncompressed.
    for (const encoded of Object.values(this.encoded)) encoded.catch(() => undefined);
  }

  private decodesToBody(compressed: Buffer, coding: keyof typeof DECOMPRESS): boolean {
    try {
      return this.body.equals(DECOMPRESS[coding](compressed));
    } catch {
      return false;
    }
  }

  /** Names these bytes in a versioned address: "/chat.js?v=…" always has the same bytes, and can be cached for a year. */
  get version(): string {
    return this.hash.slice(0, 16);
  }

  /** A strong validator per coding: the compressed and the plain bytes are different representations. */
  etagFor(coding: ContentCoding): string {
    return `"${this.hash}-${coding}"`;
  }

  /** The bytes to send for a request's Accept-Encoding, and which coding they are in. */
  async bodyFor(acceptEncoding: string | undefined): Promise<{ coding: ContentCoding; body: Buffer }> {
    const coding = preferredCoding(acceptEncoding);
    if (!this.encoded || coding === 'identity') return { coding: 'identity', body: this.body };
    return this.encoded[coding].then(
      (body) => ({ coding, body }),
      () => ({ coding: 'identity' as const, body: this.body }),
    );
  }
}

/** Brotli where the client accepts it, else gzip, else none; a coding given "q=0" is refused. */
export function preferredCoding(acceptEncoding: string | undefined): ContentCoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...parameters]) => !parameters.some((parameter) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(parameter)))
      .map(([coding]) => coding.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}
