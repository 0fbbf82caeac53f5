import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { projectRoot } from '../../src/base/project-paths';
import { etagMatches, renderPage, versionedAddresses } from '../../src/http/chat-page';
import { preferredCoding } from '../../src/http/static-files';
import { useServedApp } from '../helpers/http-client';

const served = useServedApp();
const WEBCHAT = readFileSync(path.join(projectRoot(), 'node_modules/botframework-webchat/dist/webchat-minimal.js'));

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** The raw response, undecoded, as a browser's network stack receives it. */
function fetchRaw(route: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const sent = request(`${served.baseUrl}${route}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** The addresses of the scripts and stylesheets a page names, as written in it. */
async function assetAddresses(route: string): Promise<string[]> {
  const html = (await fetchRaw(route, {})).body.toString('utf8');
  return Array.from(html.matchAll(/\b(?:src|href)="(\/[^"]+\.(?:js|css)[^"]*)"/g), (match) => match[1]);
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
    // Unversioned, it is checked again each time.
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers['content-length']).toBe(String(br.body.length));
  });

  it("names its scripts in the page by their content's hash, and serves those addresses to be kept for a year", async () => {
    const addresses = await assetAddresses('/');
    expect(addresses.map((address) => address.split('?')[0]).sort()).toEqual(['/chat.js', '/local-connection.js', '/markdown-it.js', '/webchat.js']);
    const webchat = addresses.find((address) => address.startsWith('/webchat.js?v='));
    // The version is the bytes' own hash: a new Web Chat gets a new address.
    expect(webchat).toBe(`/webchat.js?v=${createHash('sha256').update(WEBCHAT).digest('base64url').slice(0, 16)}`);
    for (const address of addresses) {
      const response = await fetchRaw(address, { 'accept-encoding': 'br' });
      expect({ address, status: response.status, cache: response.headers['cache-control'] }).toEqual({
        address,
        status: 200,
        cache: 'public, max-age=31536000, immutable',
      });
    }
    // An old page's address (another version) is served, but not kept: its bytes are not that version's.
    const stale = await fetchRaw('/chat.js?v=an-old-version', {});
    expect(stale.status).toBe(200);
    expect(stale.headers['cache-control']).toBe('no-cache');
    // The service's pages name the stylesheet by its version too.
    for (const route of ['/privatliv', '/en/accessibility']) {
      const [css] = await assetAddresses(route);
      expect(css).toMatch(/^\/chat\.css\?v=[\w-]{16}$/);
      expect((await fetchRaw(css, {})).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('checks its pages again on every visit (no-cache), revalidated by ETag', async () => {
    for (const route of ['/', '/privatliv', '/en/privacy', '/tilgaengelighed', '/en/accessibility']) {
      const page = await fetchRaw(route, { 'accept-encoding': 'gzip' });
      expect({ route, cache: page.headers['cache-control'] }).toEqual({ route, cache: 'no-cache' });
      const again = await fetchRaw(route, { 'accept-encoding': 'gzip', 'if-none-match': String(page.headers.etag) });
      expect({ route, status: again.status, body: again.body.length }).toEqual({ route, status: 304, body: 0 });
    }
  });

  it.each(['/', '/privatliv', '/en/accessibility', '/chat.js', '/chat.css', '/webchat.js'])(
    'answers HEAD %s with the headers of GET and no body',
    async (route) => {
      for (const encoding of ['br', '']) {
        const get = await fetchRaw(route, { 'accept-encoding': encoding });
        const head = await fetchRaw(route, { 'accept-encoding': encoding }, 'HEAD');
        expect(head.status).toBe(200);
        expect(head.body.length).toBe(0);
        for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'cache-control', 'content-security-policy']) {
          expect({ name, value: head.headers[name] }).toEqual({ name, value: get.headers[name] });
        }
        expect(Number(head.headers['content-length'])).toBe(get.body.length);
      }
    },
  );

  it('answers a revalidation of an unchanged file with 304 and no body', async () => {
    const first = await fetchRaw('/chat.js', { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    const again = await fetchRaw('/chat.js', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await fetchRaw('/chat.js', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it("writes the page's own words into its HTML, so they are readable before any script arrives", async () => {
    const page = await fetchRaw('/', {});
    const html = page.body.toString('utf8');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const words of [
      '<title>Pitstop-guiden</title>',
      'Du skriver med en robot. Skriv ikke navn eller CPR-nummer.',
      'Er det akut? Ring',
      '<a id="emergency-link" href="tel:112" elementtiming="emergency">112</a>',
      '<a id="pitstop-link" href="tel:+4520692833" elementtiming="pitstop">20 69 28 33</a>',
      'Ring til Pitstop',
    ]) {
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

describe('versioned addresses and ETags', () => {
  it('versions only the files it knows, and leaves other addresses as they are', () => {
    const versions = new Map([
      ['/chat.js', 'abc'],
      ['/chat.css', 'def'],
    ]);
    expect(
      versionedAddresses(
        '<script src="/chat.js" defer></script><link rel="stylesheet" href="/chat.css" /><a href="/privatliv">x</a><img src="/other.js">',
        versions,
      ),
    ).toBe('<script src="/chat.js?v=abc" defer></script><link rel="stylesheet" href="/chat.css?v=def" /><a href="/privatliv">x</a><img src="/other.js">');
  });

  it.each([
    ['"a-br"', true],
    ['W/"a-br"', true],
    ['"x", "a-br"', true],
    ['*', true],
    ['"a-gzip"', false],
    ['', false],
  ])('reads If-None-Match %s as matching "a-br": %s', (header, matches) => {
    expect(etagMatches(header, '"a-br"')).toBe(matches);
  });
});

describe('the page with its own words', () => {
  it('escapes what it writes in, sets the language, and takes no replacement patterns from the words', () => {
    const html =
      '<html lang="da"><head><title>x</title></head><body><h1 id="title"></h1><p id="robot-notice"></p><a href="{{pitstopUri}}">{{pitstopDisplay}}</a></body></html>';
    const texts = { title: 'A & B <i> "$&" $\'', robotNotice: 'Du skriver med en robot' };
    const phones = { emergency: { display: '112', uri: 'tel:112' }, pitstop: { display: '20 69 28 33', uri: 'tel:+4520692833' } };
    expect(renderPage(html, 'en', texts, phones)).toBe(
      '<html lang="en"><head><title>A &#38; B &#60;i&#62; &#34;$&#38;&#34; $&#39;</title></head><body><h1 id="title">A &#38; B &#60;i&#62; &#34;$&#38;&#34; $&#39;</h1><p id="robot-notice">Du skriver med en robot</p><a href="tel:+4520692833">20 69 28 33</a></body></html>',
    );
  });
});
