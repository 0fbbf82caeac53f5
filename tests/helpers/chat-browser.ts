import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { projectRoot } from '../../src/base/project-paths';

// Debian's Chromium, installed by .ci/run: browsers cannot be downloaded on these machines.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * Debian's Chromium for every test in the file: launched before them, closed after. Call it before
 * useServedApp: jest runs afterAll hooks in the order they were declared, and the browser is closed first
 * so that no connection of its keeps the server from closing.
 */
export function useChromium(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium runs only inside tests');
      return browser;
    },
  };
}

/** A fresh page (its own context: no cache, no cookies) that records script errors and CSP refusals. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, ...options });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}

export const sendBox = (page: Page) => page.locator('#webchat input[type="text"], #webchat textarea').first();

export async function ask(page: Page, text: string): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
}

/** The newest bot message bubble that contains text. */
export const botBubble = (page: Page, text: string) => page.locator('#webchat .webchat__bubble').filter({ hasText: text }).last();

export function saveScreenshot(name: string, png: Buffer): void {
  const dir = path.join(projectRoot(), 'reports');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), png);
}

const AXE_SOURCE = path.join(projectRoot(), 'node_modules/axe-core/axe.min.js');
/** Level A and AA of WCAG 2.0 and 2.1: what Danish public websites must meet. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line each (rule, impact, the elements).
 * axe runs from node_modules, evaluated through the DevTools protocol: the page's CSP (no inline script) stays on.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  const result = await page.evaluate<{ id: string; impact: string; help: string; nodes: string[] }[]>(`
    axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} }, resultTypes: ['violations'] })
      .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary) })))`);
  return result.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.join('\n  ')}`);
}

/** Waits until the page has stopped changing for a moment: Web Chat draws a reply over several frames. */
export async function settled(page: Page): Promise<void> {
  let last = '';
  for (let tries = 0; tries < 50; tries++) {
    const now = String(
      await page.evaluate('document.body.innerHTML.length + ":" + (document.querySelector("#webchat .webchat__basic-transcript__scrollable") || {}).scrollTop'),
    );
    if (now === last) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** What has the keyboard focus: its id, or its accessible text, shortened. */
export async function focused(page: Page): Promise<string> {
  return String(
    await page.evaluate(`(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return 'body';
      return element.id || element.getAttribute('aria-label') || element.textContent.trim().slice(0, 60) || element.tagName;
    })()`),
  );
}

/** Whether the focused element matches a CSS selector and (if given) has text containing name. */
async function focusIs(page: Page, selector: string, name?: string): Promise<boolean> {
  return Boolean(
    await page.evaluate(`(() => {
      const element = document.activeElement;
      return Boolean(element && element.matches(${JSON.stringify(selector)}) && (${JSON.stringify(name ?? '')} === '' || (element.textContent + ' ' + (element.getAttribute('aria-label') || '')).includes(${JSON.stringify(name ?? '')})));
    })()`),
  );
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on an element matching selector (and containing name),
 * at most max times; returns what was passed on the way.
 */
export async function tabTo(
  page: Page,
  selector: string,
  { name, max = 40, backwards = false }: { name?: string; max?: number; backwards?: boolean } = {},
): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    seen.push(await focused(page));
    if (await focusIs(page, selector, name)) return seen;
  }
  throw new Error(`${selector} ${name ?? ''} not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}; reached: ${seen.join(' → ')}`);
}
