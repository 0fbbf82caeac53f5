import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { renderPage } from '../../src/http/chat-page';
import { preferredCoding } from '../../src/http/static-files';
import { projectRoot } from '../../src/project-paths';
import { useServedApp } from '../helpers/http-client';

const served = useServedApp();
const WEBCHAT = readFileSync(path.join(projectRoot(), 'node_modules/botframework-webchat/dist/webchat-minimal.js'));

/** The raw response, undecoded, as a browser's network stack receives it. */
function fetchRaw(route: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${served.baseUrl}${route}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('static files', () => {
  it('sends Web Chat compressed with brotli or gzip as the browser accepts, the same bytes once decoded', async () => {
    const br = await fetchRaw('/webchat.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(WEBCHAT.length / 4);
    expect(brotliDecompressSync(br.body).equals(WEBCHAT)).toBe(true);
    const gz = await fetchRaw('/webchat.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(WEBCHAT)).toBe(true);
    const plain = await fetchRaw('/webchat.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(WEBCHAT)).toBe(true);
    expect(br.headers.vary).toBe('accept-encoding');
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
    expect(br.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('answers a revalidation of an unchanged file with 304 and no body', async () => {
    const first = await fetchRaw('/chat.js', { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    const again = await fetchRaw('/chat.js', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await fetchRaw('/chat.js', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('writes the page\'s own words into its HTML, so they are readable before any script arrives', async () => {
    const page = await fetchRaw('/', {});
    const html = page.body.toString('utf8');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const words of ['<title>Pitstop-guiden</title>', 'Du skriver med en robot. Skriv ikke navn eller CPR-nummer.', 'Er det akut? Ring', '<a id="emergency-link" href="tel:112" elementtiming="emergency">112</a>', '<a id="pitstop-link" href="tel:+4520692833" elementtiming="pitstop">20 69 28 33</a>', 'Ring til Pitstop']) {
      expect({ words, found: html.includes(words) }).toEqual({ words, found: true });
    }
    expect(html).not.toContain('{{');
  });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['BR', 'br'],
    ['gzip;q=0.5', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['', 'identity'],
  ])('reads Accept-Encoding "%s" as %s', (header, coding) => {
    expect(preferredCoding(header)).toBe(coding);
  });
});

describe('the page with its own words', () => {
  it('escapes what it writes in, sets the language, and takes no replacement patterns from the words', () => {
    const html = '<html lang="da"><head><title>x</title></head><body><h1 id="title"></h1><p id="robot-notice"></p><a href="{{pitstopUri}}">{{pitstopDisplay}}</a></body></html>';
    const texts = { title: 'A & B <i> "$&" $\'', robotNotice: 'Du skriver med en robot' };
    const phones = { emergency: { display: '112', uri: 'tel:112' }, pitstop: { display: '20 69 28 33', uri: 'tel:+4520692833' } };
    expect(renderPage(html, 'en', texts, phones)).toBe(
      '<html lang="en"><head><title>A &#38; B &#60;i&#62; &#34;$&#38;&#34; $&#39;</title></head><body><h1 id="title">A &#38; B &#60;i&#62; &#34;$&#38;&#34; $&#39;</h1><p id="robot-notice">Du skriver med en robot</p><a href="tel:+4520692833">20 69 28 33</a></body></html>',
    );
  });
});
