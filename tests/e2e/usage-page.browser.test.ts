import { axeViolations, newPage, saveScreenshot, useChromium } from '../helpers/chat-browser';
import { ExpectRepliesClient, useServedApp } from '../helpers/http-client';
import { LogCapture } from '../helpers/test-app';

const TOKEN = 'usage-page-token-for-tests-0123456789';
const logs = new LogCapture('trace');
// Tuesday 1 December 2026 in Copenhagen: ISO week 49.
const NOW = Date.parse('2026-12-01T09:00:00Z');
const chromium = useChromium();
const served = useServedApp(
  { STAFF_TOKEN: TOKEN, USAGE_COUNTS: 'on' },
  {
    logs,
    now: () => NOW,
    app: { usageFlushIntervalMs: 50 },
    timeoutMs: 90_000,
    warmUp: async (baseUrl) => {
      for (let index = 0; index < 6; index++) await new ExpectRepliesClient(baseUrl).say('hvad koster det');
      await new ExpectRepliesClient(baseUrl).say('hvad er dagbehandling');
    },
  },
);

describe('the usage page', () => {
  it('signs in with the staff token kept in the tab only and draws the weeks as bars with tables, in Danish and English', async () => {
    const { page, errors } = await newPage(chromium.browser);
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(`${served.baseUrl}/staff/usage`);
    await page.getByLabel('Personalenøgle').fill('not-the-token');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nøglen blev ikke godkendt' }).waitFor();

    await page.getByLabel('Personalenøgle').fill(TOKEN);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.locator('#usage-answers svg rect').first().waitFor();
    expect(await page.getByLabel('Personalenøgle').isVisible()).toBe(false);
    expect(await page.locator('.usage-chart svg').count()).toBe(5);
    expect(await page.locator('.usage-chart table').count()).toBe(5);
    // Fees: six answers, a bar and its figure; day treatment: one, shown as "<5" and drawn without a bar.
    const answers = await page.evaluate<string[][]>(
      `Array.from(document.querySelectorAll('#usage-answers tbody tr'), (row) => Array.from(row.cells, (cell) => cell.textContent))`,
    );
    expect(answers.map(([, count]) => count)).toEqual(['6', '<5']);
    expect(await page.locator('#usage-answers svg rect').count()).toBe(1);
    expect(await page.locator('#usage-answers svg').getAttribute('aria-label')).toContain('Svar pr. emne');
    expect(await page.evaluate(`sessionStorage.getItem('pitstop-staff-token')`)).toBe(TOKEN);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    for (const url of urls) expect(url).not.toContain(TOKEN);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#usage-answers details summary').click();
    saveScreenshot('usage-page.png', await page.screenshot({ fullPage: true }));

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Use of the guide' }).waitFor();
    await page.locator('#usage-answers svg rect').first().waitFor();
    expect(await page.locator('#usage-feedback h3').innerText()).toBe('Did the answer help?');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
    expect(logs.lines.join('\n')).not.toContain(TOKEN);
    await page.close();
    // Two pages, each checked with axe: about 20 s alone, more when other suites share the two cores.
  }, 90_000);
});
