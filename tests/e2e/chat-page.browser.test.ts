import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import type { App } from '../../src/app';
import { projectRoot } from '../../src/project-paths';
import { ExpiringMemoryStorage } from '../../src/state/expiring-memory-storage';
import { close, listen } from '../helpers/http-client';
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
    const dir = path.join(projectRoot(), 'reports');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'chat-page.png'), screenshot);
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
