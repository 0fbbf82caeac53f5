import type { Page, Request } from 'playwright-core';
import { defaultContentDir } from '../../src/base/project-paths';
import { contentVersion, folderDigest } from '../../src/content/content-version';
import { defaultSourcesDir } from '../../src/sources/source-library';
import { ask, axeViolations, botBubble, newPage, saveScreenshot, settled, useChromium } from '../helpers/chat-browser';
import { close, ExpectRepliesClient, listen, useServedApp } from '../helpers/http-client';
import { LogCapture, testApp } from '../helpers/test-app';

const TOKEN = 'staff-token-for-tests-0123456789abcdef';
const logs = new LogCapture('trace');
const chromium = useChromium();
const served = useServedApp(
  { STAFF_TOKEN: TOKEN },
  {
    logs,
    timeoutMs: 90_000,
    // A fresh app's first turn takes seconds on a loaded machine: taken here, so the pages' waits are the pages'.
    warmUp: async (baseUrl) => {
      await new ExpectRepliesClient(baseUrl).say('Hej');
    },
  },
);

/** Every request the page makes: its address and whether it carried the staff token, and how. */
function recordRequests(page: Page): Array<{ url: string; authorization?: string }> {
  const requests: Array<{ url: string; authorization?: string }> = [];
  page.on('request', (request: Request) => requests.push({ url: request.url(), authorization: request.headers().authorization }));
  return requests;
}

async function signIn(page: Page, token = TOKEN, label = 'Personalenøgle', button = 'Log ind'): Promise<void> {
  await page.getByLabel(label).fill(token);
  await page.getByRole('button', { name: button }).click();
}

// The browser reports a refused sign-in (401) and a refused list (400) as failed resources: those are expected.
const unexpected = (errors: string[]) => errors.filter((error) => !/status of 40[01]/.test(error));

describe('the staff page', () => {
  it('asks for the staff token first, keeps it for this tab only, and never puts it in an address', async () => {
    // Two tabs of one browser: sessionStorage is each tab's own.
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const requests = recordRequests(page);
    await page.goto(`${served.baseUrl}/staff`);
    await page.getByLabel('Personalenøgle').waitFor();
    expect(await page.locator('#webchat').isVisible()).toBe(false);
    await signIn(page, 'not-the-token');
    await page.getByRole('alert').filter({ hasText: 'Nøglen blev ikke godkendt' }).waitFor();
    expect(requests.some((request) => request.url.includes('/api/messages'))).toBe(false);

    await signIn(page);
    await botBubble(page, 'Hej, jeg er').waitFor();
    expect(await page.getByLabel('Personalenøgle').isVisible()).toBe(false);
    expect(await page.evaluate(`sessionStorage.getItem('pitstop-staff-token')`)).toBe(TOKEN);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    expect(await page.context().cookies()).toEqual([]);
    // Another tab of the same browser is not signed in.
    const other = await context.newPage();
    await other.goto(`${served.baseUrl}/staff`);
    await other.getByLabel('Personalenøgle').waitFor();
    expect(await other.evaluate(`sessionStorage.getItem('pitstop-staff-token')`)).toBeNull();
    await other.close();

    expect(page.url()).toBe(`${served.baseUrl}/staff`);
    for (const request of requests) expect(request.url).not.toContain(TOKEN);
    const staffCalls = requests.filter((request) => request.url.includes('/staff/api/'));
    expect(staffCalls.map((request) => new URL(request.url).pathname)).toEqual(expect.arrayContaining(['/staff/api/session', '/staff/api/messages']));
    expect(requests.filter((request) => new URL(request.url).pathname === '/api/messages')).toEqual([]);
    for (const request of staffCalls.slice(1)) expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    expect(logs.lines.join('\n')).not.toContain(TOKEN);

    // Signing out forgets the token and shows the form again.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByLabel('Personalenøgle').waitFor();
    expect(await page.evaluate(`sessionStorage.getItem('pitstop-staff-token')`)).toBeNull();
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows under every answer what was recognised, the runner-ups, the text, source and content version that answered, and the memory', async () => {
    const { page, errors } = await newPage(chromium.browser, { viewport: { width: 1280, height: 1000 } });
    await page.goto(`${served.baseUrl}/staff`);
    await signIn(page);
    await botBubble(page, 'Hej, jeg er').waitFor();
    await ask(page, 'Hvad koster dagbehandling for min søn?');
    const answer = botBubble(page, 'Svaret med');
    await answer.waitFor();
    await settled(page);
    const text = await answer.innerText();
    expect(text).toContain('Dagbehandling er gratis');
    expect(text).toMatch(/Genkendt: emne fees \(sikkerhed \d+\s%\) · aspekt cost · spørger som relative · sprog da · nævnt emne day_treatment/);
    expect(text).toMatch(/Andre bud: day_treatment \d/);
    expect(text).toContain('Svaret med: topics.day_treatment.cost');
    expect(text).toContain(`Indholdsversion: ${contentVersion([folderDigest(defaultContentDir()), folderDigest(defaultSourcesDir())])}`);
    expect(text).toContain('Hukommelse: emne i samtalen day_treatment · spørger som relative · sprog da · aspekt cost');
    const source = answer.getByRole('link', { name: 'qs#fees' });
    expect(await source.getAttribute('href')).toBe('/kilder/qs#fees');
    expect(await source.getAttribute('target')).toBe('_blank');
    const memory = await page.locator('#staff-memory').innerText();
    expect(memory.replace(/\s+/g, ' ')).toContain('emne i samtalen day_treatment aspekt cost spørger som relative sprog da');

    // The writer's own age group beside what was recognised.
    await ask(page, 'jeg er 16 og min far drikker hver dag');
    await page.locator('#webchat .webchat__bubble').filter({ hasText: 'Svaret med' }).nth(2).waitFor();
    await settled(page);
    const young = await page.locator('#webchat .webchat__bubble').filter({ hasText: 'Svaret med' }).nth(2).innerText();
    expect(young).toMatch(/Genkendt: .*skriverens aldersgruppe young/);

    // Every answer, not only the last: the guide's first question shows the guide as the open flow.
    await ask(page, 'Hvilken hjælp passer til mig?');
    await botBubble(page, 'Hvem søger du hjælp til?').waitFor();
    await settled(page);
    // The welcome, the two answers and the guide's question.
    expect(await page.locator('#webchat .webchat__bubble').filter({ hasText: 'Svaret med' }).count()).toBe(4);
    expect((await page.locator('#staff-memory').innerText()).replace(/\s+/g, ' ')).toContain('trin i guiden 1');
    saveScreenshot('staff-page.png', await page.screenshot({ fullPage: true }));

    // The same in English after the page's language switch.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await botBubble(page, 'I will write in English from now on.').waitFor();
    await ask(page, 'What does detox cost?');
    await botBubble(page, 'Answered with').waitFor();
    await settled(page);
    expect(await botBubble(page, 'Answered with').innerText()).toMatch(/Recognised: .*language en/);
    expect(await page.locator('#staff-memory-heading').innerText()).toBe("The conversation's memory");
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  }, 90_000);

  it('runs a pasted review list and shows the report as `npm run review` writes it', async () => {
    const { page, errors } = await newPage(chromium.browser, { viewport: { width: 1280, height: 1000 } });
    await page.goto(`${served.baseUrl}/staff`);
    await signIn(page);
    await botBubble(page, 'Hej, jeg er').waitFor();
    await page
      .getByLabel('Spørgsmål, ét pr. linje')
      .fill(['Hvad er afgiftning?  # expected: detox', 'hvad koster det?', '', '# language: en', 'How do I complain?  # expected: complaints'].join('\n'));
    await page.getByRole('button', { name: 'Kør gennemgangen' }).click();
    await page.getByRole('status').filter({ hasText: 'Gennemgangen er færdig.' }).waitFor({ timeout: 60_000 });
    expect((await page.locator('#staff-review-summary').innerText()).replace(/\s+/g, ' ')).toBe('Spørgsmål 3 Besvaret 3 Spurgt tilbage 0 Markeret 0');
    const report = page.frameLocator('#staff-review-report');
    // The report arrives as the frame's srcdoc, which the browser loads after the status is set: wait for it.
    await report.locator('article.entry').nth(2).waitFor();
    expect(await report.locator('article.entry').count()).toBe(3);
    expect(await page.locator('#staff-review-html').getAttribute('download')).toBe('review.html');
    const frame = page.locator('#staff-review-report');
    await frame.scrollIntoViewIfNeeded();
    saveScreenshot('staff-review.png', await frame.screenshot());
    // A list with a mistake says which line.
    await page.getByLabel('Spørgsmål, ét pr. linje').fill('Hvad er afgiftning?  # expected: no_such_topic');
    await page.getByRole('button', { name: 'Kør gennemgangen' }).click();
    await page.getByRole('status').filter({ hasText: 'line 1: unknown topic "no_such_topic"' }).waitFor();
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  }, 120_000);

  it('is in English at /en/staff', async () => {
    const { page } = await newPage(chromium.browser);
    await page.goto(`${served.baseUrl}/en/staff`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await signIn(page, TOKEN, 'Staff token', 'Sign in');
    await botBubble(page, 'Hi, I am the').waitFor();
    expect(await page.locator('#staff-review-heading').innerText()).toBe('Review a list of questions');
    await page.close();
  }, 60_000);
});

describe('the public page beside it', () => {
  it("shows no staff details, and opens a citation's passage in a new tab", async () => {
    const { page, errors } = await newPage(chromium.browser);
    const responses: string[] = [];
    page.on('response', async (response) => {
      if (new URL(response.url()).pathname === '/api/messages') responses.push(await response.text());
    });
    await page.goto(served.baseUrl);
    await botBubble(page, 'Hej, jeg er').waitFor();
    await ask(page, 'Hvor hurtigt kan jeg komme i behandling?');
    const answer = botBubble(page, 'inden for 14 dage');
    await answer.waitFor();
    await settled(page);
    expect(await answer.innerText()).not.toMatch(/Genkendt|Svaret med|Indholdsversion/);
    expect(responses.length).toBeGreaterThan(0);
    for (const body of responses) expect(body).not.toMatch(/pitstopStaff|confidence|runnerUps|contentVersion/);
    const link = answer.getByRole('link', { name: /Behandlingsgaranti/ });
    expect(await link.getAttribute('href')).toBe('/kilder/qs#guarantee');
    const [passage] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await passage.waitForLoadState();
    expect(passage.url()).toBe(`${served.baseUrl}/kilder/qs#guarantee`);
    expect(await passage.locator('#guarantee').innerText()).toContain('gratis behandling for stofmisbrug inden for 14 dage');
    expect(await passage.evaluate(`document.querySelector(':target').id`)).toBe('guarantee');
    expect(await axeViolations(passage)).toEqual([]);
    // The conversation is still there.
    expect(await answer.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await passage.close();
    await page.close();
  }, 90_000);

  it('has no staff page without a staff token', async () => {
    const response = await fetch(`${served.baseUrl}/staff`);
    expect(response.status).toBe(200);
    const plain = await testApp();
    const url = await listen(plain.server);
    try {
      expect((await fetch(`${url}/staff`)).status).toBe(404);
      expect((await fetch(`${url}/staff.js`)).status).toBe(404);
    } finally {
      await close(plain.server);
      await plain.close();
    }
  });
});
