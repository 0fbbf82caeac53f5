import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, type Route, chromium } from 'playwright-core';
import type { App } from '../../src/app';
import { projectRoot } from '../../src/project-paths';
import { ExpiringMemoryStorage } from '../../src/state/expiring-memory-storage';
import { close, listen, withServedApp } from '../helpers/http-client';
import { distinctColours } from '../helpers/png';
import { testApp } from '../helpers/test-app';

// Debian's Chromium, installed by .ci/run: browsers cannot be downloaded on these machines.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let app: App;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  app = await testApp();
  baseUrl = await listen(app.server);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await close(app.server);
  await app.close();
});

async function open(viewport = { width: 1000, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(baseUrl);
  await page.getByText('Hej, jeg er').first().waitFor();
  return { page, errors };
}

const sendBox = (page: Page) => page.locator('#webchat input[type="text"], #webchat textarea').first();

async function ask(page: Page, text: string): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
}

function saveScreenshot(name: string, png: Buffer): void {
  const dir = path.join(projectRoot(), 'reports');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), png);
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

interface Layout {
  viewport: { width: number; height: number };
  header: Box;
  transcript: Box;
  typing: Box;
  footer: Box;
  actions: Box[];
}

// Code for the page is given as script text: it runs in the browser, not in Node.
const LAYOUT = `(() => {
  const box = (element) => {
    const { top, bottom, left, right, width, height } = element.getBoundingClientRect();
    return { top, bottom, left, right, width, height };
  };
  return {
    viewport: { width: innerWidth, height: innerHeight },
    header: box(document.querySelector('.site-header')),
    transcript: box(document.querySelector('#webchat .webchat__basic-transcript__scrollable')),
    typing: box(document.querySelector('#webchat .webchat__send-box__main')),
    footer: box(document.querySelector('footer')),
    actions: Array.from(document.querySelectorAll('#webchat .webchat__suggested-action'), box),
  };
})()`;

const layout = (page: Page) => page.evaluate<Layout>(LAYOUT);

/** The frame's controls and links, and Web Chat's send button, suggested actions and their arrows. */
const TARGETS = [
  '#emergency-link',
  '.controls button',
  'footer a',
  '#notice a',
  '#webchat .webchat__send-button',
  '#webchat .webchat__suggested-action',
  '#webchat .react-film__flipper',
  '#webchat .webchat__activity-status button',
].join(', ');

/** Every target smaller than 44 × 44 CSS px, by name and size, and how many there are. */
async function smallTargets(page: Page): Promise<{ small: string[]; count: number }> {
  return page.evaluate<{ small: string[]; count: number }>(`(() => {
    const targets = Array.from(document.querySelectorAll(${JSON.stringify(TARGETS)}));
    const small = targets
      .map((element) => [element.id || element.getAttribute('aria-label') || element.textContent.trim(), element.getBoundingClientRect()])
      .filter(([, box]) => box.width < 44 || box.height < 44)
      .map(([name, box]) => name + ' ' + Math.round(box.width) + '×' + Math.round(box.height));
    return { small, count: targets.length };
  })()`);
}

/** The part of element that can be seen: inside the transcript's scrolled view and inside the window. */
async function visibleHeight(page: Page, element: ReturnType<Page['locator']>): Promise<{ top: number; visible: number; transcriptTop: number }> {
  const box = await element.boundingBox();
  const { transcript, viewport } = await layout(page);
  if (!box) throw new Error('the element has no box');
  const top = Math.max(box.y, transcript.top, 0);
  const bottom = Math.min(box.y + box.height, transcript.bottom, viewport.height);
  return { top: box.y, visible: bottom - top, transcriptTop: transcript.top };
}

/** Waits until check passes and keeps passing for 0.6 s: Web Chat scrolls over several frames, and a new message starts out in view. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  let passes = 0;
  for (let tries = 0; tries < 80; tries++) {
    passes = (await check()) ? passes + 1 : 0;
    if (passes === 6) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not steadily within 8 s: ${what}`);
}

/** The start of element is at the top of the transcript's view (or below it), with at least lines of it in view. */
async function startInView(page: Page, element: ReturnType<Page['locator']>, lines: number): Promise<boolean> {
  const { top, visible, transcriptTop } = await visibleHeight(page, element);
  return top >= transcriptTop - 1 && visible >= lines * 22;
}

describe('the chat page in a real browser', () => {
  it('welcomes, answers, follows a topic button, switches to English, and looks like something', async () => {
    const { page, errors } = await open();
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await ask(page, 'Hvor hurtigt kan jeg komme i behandling?');
    await page.getByText('inden for 14 dage').first().waitFor();
    await page.getByText('Kilde: Kvalitetsstandard').first().waitFor();
    expect(await page.locator('#webchat a[href="tel:+4520692833"]').count()).toBeGreaterThan(0);
    await page.locator('#webchat').getByRole('button', { name: 'Hjælp til unge' }).last().click();
    await page.getByText('Pitstop tilbyder ambulant behandling fra 13 år', { exact: false }).first().waitFor();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByText('I will write in English from now on.').first().waitFor();
    await ask(page, 'How do I complain?');
    await page.getByText('within 4 weeks').first().waitFor();

    const screenshot = await page.screenshot({ fullPage: true });
    saveScreenshot('chat-page.png', screenshot);
    expect(distinctColours(screenshot)).toBeGreaterThan(50);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('starts over without reloading: the transcript is gone and the old conversation forgotten', async () => {
    const { page } = await open();
    await ask(page, 'Hvad er afgiftning?');
    await page.getByText('omkring en måned').first().waitFor();
    const { storage } = app;
    if (!(storage instanceof ExpiringMemoryStorage)) throw new Error('expected the default memory store');
    const stored = storage.dump().length;
    // Code for the page is given as script text: it runs in the browser, not in Node.
    await page.evaluate('window.reloaded = false');
    await page.getByRole('button', { name: 'Start forfra: en ny samtale, og denne slettes' }).click();
    await page.getByText('omkring en måned').first().waitFor({ state: 'detached' });
    await page.getByText('Hej, jeg er').first().waitFor();
    expect(await page.evaluate('window.reloaded')).toBe(false);
    // The old conversation's state is deleted and the new one's added: one each way.
    expect(storage.dump().length).toBe(stored);
    await page.close();
  }, 60_000);

  it('shows the privacy notice from the page', async () => {
    const { page } = await open();
    await page.locator('#privacy').click();
    await page.getByText('30 minutter efter din sidste besked', { exact: false }).first().waitFor();
    await page.close();
  }, 60_000);

  it('can be used with the keyboard alone', async () => {
    const { page } = await open();
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      reached.push(String(await page.evaluate("document.activeElement.id || document.activeElement.tagName")));
    }
    expect(reached.slice(0, 3)).toEqual(['switch-language', 'start-over', 'privacy']);
    await sendBox(page).focus();
    await page.keyboard.type('Hvad er dagbehandling?');
    await page.keyboard.press('Enter');
    await page.getByText('op til 5 dage om ugen').first().waitFor();
    await page.close();
  }, 60_000);

  it.each([
    ['a small phone', { width: 320, height: 568 }],
    ['a phone', { width: 360, height: 740 }],
    ['a laptop', { width: 1280, height: 800 }],
  ])('on %s, shows the welcome from its start and each answer from its start, with every target at least 44 px', async (name, viewport) => {
    const { page, errors } = await open(viewport);
    const welcome = page.locator('#webchat .webchat__bubble p').filter({ hasText: 'Hej, jeg er' });
    await eventually(async () => startInView(page, welcome, 3), 'the welcome from its start');
    const onLoad = await layout(page);
    const first = await welcome.boundingBox();
    expect(first && first.y + first.height).toBeLessThanOrEqual(Math.min(onLoad.transcript.bottom, onLoad.viewport.height));
    // A third of the screen at least: on a 320 × 568 phone the footer's row of links to the privacy and
    // accessibility pages costs one 44 px row, leaving about 8 lines of chat (40 % elsewhere).
    expect(onLoad.transcript.height).toBeGreaterThanOrEqual((viewport.height < 600 ? 1 / 3 : 0.4) * viewport.height);
    // The frame is one title row and one row of controls; the subtitle is left to screen readers on a phone.
    expect(onLoad.header.height).toBeLessThanOrEqual(96);
    // Topic buttons are one row between the messages and the typing box, never over the typing box or footer.
    expect(onLoad.actions.length).toBeGreaterThan(3);
    for (const action of onLoad.actions) {
      expect(action.top).toBe(onLoad.actions[0].top);
      expect(action.top).toBeGreaterThanOrEqual(onLoad.transcript.bottom - 1);
      expect(action.bottom).toBeLessThanOrEqual(Math.min(onLoad.typing.top, onLoad.footer.top) + 1);
    }
    // On a phone the row is wider than the screen: the arrow button says there is more.
    if (viewport.width < 640) expect(await page.locator('#webchat').getByRole('button', { name: 'Næste' }).isVisible()).toBe(true);
    const targets = await smallTargets(page);
    expect(targets.small).toEqual([]);
    expect(targets.count).toBeGreaterThan(10);
    if (name === 'a phone') saveScreenshot('chat-page-phone-welcome.png', await page.screenshot());

    await ask(page, 'Hvor hurtigt kan jeg komme i behandling?');
    const answer = page.locator('#webchat .webchat__bubble').filter({ hasText: 'inden for 14 dage' }).last();
    await answer.waitFor();
    await eventually(async () => startInView(page, answer, 5), 'the answer from its start');
    const answered = await layout(page);
    for (const action of answered.actions) expect(action.bottom).toBeLessThanOrEqual(Math.min(answered.typing.top, answered.footer.top) + 1);
    expect((await smallTargets(page)).small).toEqual([]);
    if (name === 'a phone') saveScreenshot('chat-page-phone-answer.png', await page.screenshot());

    // The on-screen keyboard takes about 290 px: the typing box stays in view, and a few lines of the answer with it.
    await page.setViewportSize({ width: viewport.width, height: viewport.height - 290 });
    await eventually(async () => startInView(page, answer, 3), 'the answer above the keyboard');
    const typing = await layout(page);
    expect(typing.typing.top).toBeGreaterThanOrEqual(0);
    expect(typing.typing.bottom).toBeLessThanOrEqual(typing.viewport.height + 1);
    // 112 stays on screen above the keyboard.
    const emergency = await page.locator('#emergency-link').boundingBox();
    expect(emergency && emergency.y).toBeGreaterThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('says in plain words, with Pitstop and 112 to tap, that a message did not get through, and keeps what was typed', async () => {
    const { page } = await open({ width: 360, height: 740 });
    const unreachable = (route: Route) => route.abort('connectionrefused');
    await page.route('**/api/messages', unreachable);
    await page.route('**/readyz', unreachable);
    await ask(page, 'Hvor hurtigt kan jeg komme i behandling?');
    const notice = page.locator('#notice');
    await notice.getByText('Din besked er ikke sendt', { exact: false }).waitFor();
    expect(await notice.locator('a[href="tel:+4520692833"]').textContent()).toBe('20 69 28 33');
    expect(await notice.locator('a[href="tel:112"]').textContent()).toBe('112');
    expect(await sendBox(page).inputValue()).toBe('Hvor hurtigt kan jeg komme i behandling?');
    // Web Chat's connection status says so too, instead of "connected".
    await page.getByText('Der opstod en netværksafbrydelse', { exact: false }).first().waitFor();
    expect((await smallTargets(page)).small).toEqual([]);
    saveScreenshot('chat-page-phone-not-sent.png', await page.screenshot());

    // Back again: the status clears within seconds, the kept text is sent with one press, and the notice goes.
    await page.unroute('**/api/messages', unreachable);
    await page.unroute('**/readyz', unreachable);
    await page.getByText('Der opstod en netværksafbrydelse', { exact: false }).first().waitFor({ state: 'hidden' });
    await sendBox(page).press('Enter');
    await page.getByText('inden for 14 dage').first().waitFor();
    await notice.waitFor({ state: 'hidden' });
    expect(await sendBox(page).inputValue()).toBe('');

    // The notice is in the page's language.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText('I will write in English from now on.').first().waitFor();
    await page.route('**/api/messages', unreachable);
    await ask(page, 'How do I complain?');
    await notice.getByText('Your message was not sent', { exact: false }).waitFor();
    expect(await notice.locator('a[href="tel:112"]').count()).toBe(1);
    await page.close();
  }, 60_000);

  it('shows Pitstop and 112 to tap when this server offers no chat at all', () =>
    withServedApp({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'x' }, async (_app, url) => {
      const page = await browser.newPage({ viewport: { width: 320, height: 568 } });
      await page.goto(url);
      const notice = page.locator('#notice');
      await notice.getByText('Chatten er ikke tilgængelig lige nu', { exact: false }).waitFor();
      expect(await notice.locator('a[href="tel:+4520692833"]').count()).toBe(1);
      expect(await notice.locator('a[href="tel:112"]').count()).toBe(1);
      expect((await smallTargets(page)).small).toEqual([]);
      await page.close();
    }), 60_000);

  it.each([
    ['a narrow phone', { width: 320, height: 640 }],
    ['200 % zoom of a 1280 px window', { width: 640, height: 450 }],
  ])('fits %s without sideways scrolling', async (_name, viewport) => {
    const { page } = await open(viewport);
    await ask(page, 'Hvad er Projekt GIV?');
    await page.getByText('8–24 år').first().waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000);

  it('labels every control and keeps the header text at AA contrast', async () => {
    const { page } = await open();
    const unnamed = await page.evaluate(`
      Array.from(document.querySelectorAll('button, a, input, textarea'))
        .filter((element) => !(element.getAttribute('aria-label') || element.textContent.trim() || element.getAttribute('title')))
        .map((element) => element.outerHTML.slice(0, 80))`);
    expect(unnamed).toEqual([]);
    const ratio = await page.evaluate(`(() => {
      const luminance = (rgb) => {
        const [r, g, b] = rgb.match(/\\d+/g).slice(0, 3).map((value) => {
          const c = Number(value) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const header = getComputedStyle(document.querySelector('.site-header'));
      const [light, dark] = [luminance(header.color), luminance(header.backgroundColor)].sort((a, b) => b - a);
      return (light + 0.05) / (dark + 0.05);
    })()`);
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    await page.close();
  }, 60_000);
});
