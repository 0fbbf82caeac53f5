import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { HashedFileCache } from '../../../src/base/hashed-file-cache';
import { StaticFile } from '../../../src/http/static-files';

const BODY = Buffer.from('Pitstop: anonym rådgivning om hash, alkohol og piller. '.repeat(200));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'static-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Until the compressed forms have been written beside the file's hash (the write follows the compression). */
async function storedFiles(count: number): Promise<string[]> {
  for (let attempt = 0; attempt < 200 && readdirSync(dir).length < count; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  return readdirSync(dir).sort();
}

describe('a static file with a cache folder', () => {
  it('compresses once, stores both forms, and at the next start sends the stored bytes instead of compressing again', async () => {
    const first = new StaticFile(BODY, 'text/plain', new HashedFileCache(dir, '.z'));
    const br = await first.bodyFor('br');
    expect(br.coding).toBe('br');
    expect(brotliDecompressSync(br.body).equals(BODY)).toBe(true);
    expect(gunzipSync((await first.bodyFor('gzip')).body).equals(BODY)).toBe(true);
    const files = await storedFiles(2);
    expect(files).toHaveLength(2);
    // Other bytes of the same file in the stored brotli file (another quality): what the next start sends can only
    // have come from there.
    const planted = brotliCompressSync(BODY, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    const [brotliFile] = files;
    expect(brotliFile).toMatch(/^br9-/);
    expect(planted.equals(br.body)).toBe(false);
    writeFileSync(path.join(dir, brotliFile), planted);
    const next = new StaticFile(BODY, 'text/plain', new HashedFileCache(dir, '.z'));
    expect((await next.bodyFor('br')).body.equals(planted)).toBe(true);
    expect(gunzipSync((await next.bodyFor('gzip')).body).equals(BODY)).toBe(true);
  });

  it('compresses again where a stored form is empty, cut short or of other bytes, and stores it anew', async () => {
    const first = new StaticFile(BODY, 'text/plain', new HashedFileCache(dir, '.z'));
    await first.bodyFor('br');
    const [brotliFile, gzipFile] = await storedFiles(2);
    for (const broken of [Buffer.alloc(0), readFileSync(path.join(dir, brotliFile)).subarray(0, 20), brotliCompressSync(Buffer.from('another file'))]) {
      writeFileSync(path.join(dir, brotliFile), broken);
      writeFileSync(path.join(dir, gzipFile), broken);
      const next = new StaticFile(BODY, 'text/plain', new HashedFileCache(dir, '.z'));
      expect(brotliDecompressSync((await next.bodyFor('br')).body).equals(BODY)).toBe(true);
      expect(gunzipSync((await next.bodyFor('gzip')).body).equals(BODY)).toBe(true);
      for (let attempt = 0; attempt < 200 && readFileSync(path.join(dir, brotliFile)).equals(broken); attempt++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(brotliDecompressSync(readFileSync(path.join(dir, brotliFile))).equals(BODY)).toBe(true);
    }
  });

  it('stores nothing for a small file, which is sent as it is', async () => {
    const small = new StaticFile(Buffer.from('ok'), 'text/plain', new HashedFileCache(dir, '.z'));
    expect(await small.bodyFor('br')).toEqual({ coding: 'identity', body: Buffer.from('ok') });
    expect(readdirSync(dir)).toEqual([]);
  });
});
