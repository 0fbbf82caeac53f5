import type { Page } from 'playwright-core';
import { ask, botBubble, newPage, saveScreenshot, useChromium } from '../helpers/chat-browser';
import { ExpectRepliesClient, useServedApp, withServedApp } from '../helpers/http-client';

const chromium = useChromium();
const served = useServedApp(
  {},
  {
    timeoutMs: 60_000,
    // A bot that has answered before, as a running one has: the timings are the page's and the connection's,
    // not a fresh process's first turn (seconds on a loaded test machine).
    warmUp: async (baseUrl) => {
      await new ExpectRepliesClient(baseUrl).say('hej');
    },
  },
);

/**
 * Chrome DevTools' "Slow 4G" preset, exactly as DevTools defines it (front_end/core/sdk/NetworkManager.ts,
 * Slow4GConditions, called "Fast 3G" before May 2024): ~1.6 Mbit/s down and ~0.75 Mbit/s up, each × 0.9,
 * and 150 ms round trip × 3.75.
 */
const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 };

/** How many bot messages contain text (in the page's own clock, so nothing in Node delays the reading). */
const countOf = (text: string) =>
  `Array.from(document.querySelectorAll('#webchat .webchat__bubble')).filter((bubble) => bubble.textContent.includes(${JSON.stringify(text)})).length`;

/**
 * The page's clock (ms since the navigation began) at the first animation frame where condition holds.
 * A promise evaluated through the DevTools protocol: the page's CSP forbids the eval that waitForFunction needs.
 */
async function pageTimeWhen(page: Page, condition: string, timeoutMs: number): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const failed = setTimeout(() => reject(new Error('not within ${timeoutMs} ms: ' + ${JSON.stringify(condition)})), ${timeoutMs});
    const check = () => {
      if (${condition}) {
        clearTimeout(failed);
        resolve(performance.now());
      } else requestAnimationFrame(check);
    };
    check();
  })`);
}

/**
 * Taps the language switch and measures, in the page, the time until the reply in the new language is
 * drawn: from the click to the first animation frame that shows one more reply containing text.
 */
async function switchLanguage(page: Page, reply: string): Promise<number> {
  const before = await page.evaluate<number>(countOf(reply));
  const tapped = await page.evaluate<number>("(() => { const at = performance.now(); document.getElementById('switch-language').click(); return at; })()");
  return (await pageTimeWhen(page, `${countOf(reply)} > ${before}`, 10_000)) - tapped;
}

describe('the chat page, how fast it answers and loads', () => {
  it('answers the language switch at once (under 300 ms), and repeated taps end in the language last chosen', async () => {
    const { page, errors } = await newPage(chromium.browser, { viewport: { width: 360, height: 740 } });
    await page.goto(served.baseUrl);
    await page.getByText('Hej, jeg er').first().waitFor();
    // Three round trips: on a shared machine one switch can wait for the CPU, so the fastest of each
    // direction holds the 300 ms and every one must stay far below the 5 s the switch used to wait.
    const toEnglish: number[] = [];
    const toDanish: number[] = [];
    for (let round = 0; round < 3; round++) {
      toEnglish.push(await switchLanguage(page, 'I will write in English from now on.'));
      toDanish.push(await switchLanguage(page, 'Jeg skriver på dansk fra nu af.'));
    }
    const shown = (times: number[]) => times.map((time) => time.toFixed(0)).join(', ');
    console.log(
      `language switch, tap to reply drawn: first to English ${toEnglish[0].toFixed(0)} ms; to English ${shown(toEnglish)} ms, to Danish ${shown(toDanish)} ms`,
    );
    // The first switch draws Web Chat in a locale it has not drawn before: it used to take about twice as long
    // as the later ones (near 300 ms on a loaded machine). It must hold the 300 ms itself.
    expect(toEnglish[0]).toBeLessThan(300);
    expect(Math.min(...toEnglish)).toBeLessThan(300);
    expect(Math.min(...toDanish)).toBeLessThan(300);
    expect(Math.max(...toEnglish, ...toDanish)).toBeLessThan(2000);

    // Three quick taps: Danish → English → Danish → English. Each is answered, in order, and the page and the
    // bot end in English.
    const english = await page.evaluate<number>(countOf('I will write in English from now on.'));
    await page.evaluate("for (let i = 0; i < 3; i++) document.getElementById('switch-language').click()");
    await pageTimeWhen(page, `${countOf('I will write in English from now on.')} === ${english + 2}`, 10_000);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const replies = await page.locator('#webchat .webchat__bubble').allTextContents();
    expect(replies.at(-1)).toContain('I will write in English from now on.');
    expect(replies.at(-2)).toContain('Jeg skriver på dansk fra nu af.');
    await ask(page, 'How do I complain?');
    await botBubble(page, 'within 4 weeks').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('sends a language switch to the bot before it draws anything, and draws Web Chat in the new language after the reply', async () => {
    const { page, errors } = await newPage(chromium.browser, { viewport: { width: 360, height: 740 } });
    // In the page, before its scripts: when each request to the bot left, and when the chat was first changed after the tap.
    await page.addInitScript(`(() => {
      const send = window.fetch;
      window.posted = [];
      window.fetch = function (url, options) {
        if (String(url).includes('/api/messages')) window.posted.push(performance.now());
        return send.apply(this, arguments);
      };
    })()`);
    await page.goto(served.baseUrl);
    await page.getByText('Hej, jeg er').first().waitFor();
    await page.waitForTimeout(500);
    const { tapped, posted, changed } = await page.evaluate<{ tapped: number; posted: number; changed: number }>(`new Promise((resolve) => {
      const before = window.posted.length;
      let changed = Infinity;
      const watch = new MutationObserver(() => {
        changed = Math.min(changed, performance.now());
      });
      watch.observe(document.getElementById('webchat'), { childList: true, subtree: true, characterData: true, attributes: true });
      const tapped = performance.now();
      document.getElementById('switch-language').click();
      const check = () => {
        if (window.posted.length > before) {
          watch.disconnect();
          resolve({ tapped, posted: window.posted[before], changed });
        } else setTimeout(check, 0);
      };
      check();
    })`);
    console.log(
      `language switch: request left ${(posted - tapped).toFixed(1)} ms after the tap; Web Chat first changed ${Number.isFinite(changed) ? `${(changed - tapped).toFixed(1)} ms` : 'not before it'}`,
    );
    // The first switch used to draw all of Web Chat in English before the request could leave (≈ 20–40 ms here,
    // 60–230 ms on a 4× slower processor), and again for the request, its echo and its acknowledgement.
    expect(posted).toBeLessThan(changed);
    await page.getByText('I will write in English from now on.').first().waitFor();
    // Then Web Chat itself speaks English too.
    await page.locator('#webchat [placeholder="Type your question here"]').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('on a Slow 4G phone, shows its own words within 2 s and the welcome within 8 s', async () => {
    const { page, errors } = await newPage(chromium.browser, { viewport: { width: 360, height: 740 } });
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', SLOW_4G);
    await page.goto(served.baseUrl, { waitUntil: 'commit', timeout: 30_000 });
    // Both in the page's clock, from the start of the navigation.
    const welcome = await pageTimeWhen(page, `${countOf('Hej, jeg er')} > 0`, 30_000);
    // When the title, the robot notice, 112 and Pitstop's number were first painted (Element Timing API).
    const painted = await page.evaluate<Record<string, number>>(`new Promise((resolve) => {
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        resolve(Object.fromEntries(list.getEntries().map((entry) => [entry.identifier, entry.renderTime || entry.loadTime])));
      }).observe({ type: 'element', buffered: true });
    })`);
    const transferred = await page.evaluate<Record<string, string>>(
      "Object.fromEntries(performance.getEntriesByType('resource').map((entry) => [new URL(entry.name).pathname, entry.transferSize + ' B by ' + Math.round(entry.responseEnd) + ' ms']))",
    );
    const ownWords = Math.max(...['title', 'robot-notice', 'emergency', 'pitstop'].map((name) => painted[name] ?? Number.POSITIVE_INFINITY));
    console.log(
      `Slow 4G (latency ${SLOW_4G.latency} ms, ${SLOW_4G.downloadThroughput} B/s down, ${SLOW_4G.uploadThroughput} B/s up): ` +
        `own words painted at ${ownWords.toFixed(0)} ms (${Object.entries(painted)
          .map(([name, at]) => `${name} ${at.toFixed(0)}`)
          .join(', ')}), welcome at ${welcome.toFixed(0)} ms; transferred: ${JSON.stringify(transferred)}`,
    );
    saveScreenshot('chat-page-slow-4g-welcome.png', await page.screenshot());
    expect(ownWords).toBeLessThanOrEqual(2000);
    expect(welcome).toBeLessThanOrEqual(8000);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it(
    'starts in the language the server is configured with',
    () =>
      withServedApp({ DEFAULT_LANGUAGE: 'en' }, async (_app, url) => {
        const { page, errors } = await newPage(chromium.browser, { viewport: { width: 360, height: 740 } });
        const response = await page.goto(url);
        // The HTML itself, before any script: English words and lang.
        const html = (await response?.text()) ?? '';
        expect(html).toContain('<html lang="en"');
        expect(html).toContain('You are writing to a robot.');
        await page.getByText('Hi, I am the', { exact: false }).first().waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        expect(await page.locator('#switch-language').textContent()).toBe('Dansk');
        expect(await page.locator('#privacy-link').getAttribute('href')).toBe('/en/privacy');
        expect(errors).toEqual([]);
        await page.close();
      }),
    60_000,
  );
});
