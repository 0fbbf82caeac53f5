import type { BrowserContextOptions, Page } from 'playwright-core';
import { ask, axeViolations, botBubble, focused, newPage, saveScreenshot, settled, tabTo, useChromium } from '../helpers/chat-browser';
import { ExpectRepliesClient, useServedApp } from '../helpers/http-client';

const chromium = useChromium();
const served = useServedApp(
  {},
  {
    timeoutMs: 90_000,
    // The booking database opens on the first booking (≈5 s here, far more on a loaded machine, past the
    // page's 20 s send timeout); these tests are about the page, so it is opened before they start.
    warmUp: async (baseUrl) => {
      await new ExpectRepliesClient(baseUrl).say('Book en tid');
    },
  },
);

type Language = 'da' | 'en';

/** One step of a conversation: what the reader does (nothing, type, or tap a button) and a text the reply shows. */
interface Step {
  name: string;
  type?: string;
  tap?: string;
  shows: string;
}

/** The same conversation in both languages: load, the guide and its first question, an answer, the booking offer, an emergency. */
const CONVERSATION: Record<Language, Step[]> = {
  da: [
    { name: 'load', shows: 'Hej, jeg er' },
    { name: 'guide', tap: 'Hvilken hjælp passer til mig?', shows: 'Hvem søger du hjælp til?' },
    { name: 'guide-answer', tap: 'Mig selv', shows: 'Hvor gammel er du?' },
    { name: 'answer', type: 'Hvor hurtigt kan jeg komme i behandling?', shows: 'inden for 14 dage' },
    { name: 'contact', type: 'Jeg vil tale med et menneske', shows: 'Her kan du tale med et menneske' },
    { name: 'booking', tap: 'Book en anonym samtale', shows: 'Ledige tider' },
    { name: 'emergency', type: 'min ven trækker ikke vejret', shows: 'Ring 112 nu.' },
  ],
  en: [
    { name: 'load', shows: 'Hej, jeg er' },
    { name: 'language', tap: 'Switch to English', shows: 'I will write in English from now on.' },
    { name: 'guide', tap: 'Which help is right for me?', shows: 'Who are you looking for help for?' },
    { name: 'guide-answer', tap: 'Myself', shows: 'How old are you?' },
    { name: 'answer', type: 'How quickly can I get treatment?', shows: 'within 14 days' },
    { name: 'contact', type: 'I want to talk to a person', shows: 'This is where you can talk to a person' },
    { name: 'booking', tap: 'Book an anonymous conversation', shows: 'Free times' },
    { name: 'emergency', type: 'my friend is not breathing', shows: 'Call 112 now.' },
  ],
};

async function open(options: BrowserContextOptions): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(chromium.browser, options);
  await opened.page.goto(served.baseUrl);
  await opened.page.getByText('Hej, jeg er').first().waitFor();
  return opened;
}

/** Taps a button by its name: a topic button in the chat, or one of the page's own controls. */
async function tap(page: Page, name: string): Promise<void> {
  const inChat = page.locator('#webchat').getByRole('button', { name, exact: true });
  await ((await inChat.count()) > 0 ? inChat.last() : page.getByRole('button', { name, exact: true })).click();
}

/** Sideways scrolling the page needs, in CSS px (0 when everything fits the width). */
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

describe('the chat page, checked by axe-core (WCAG 2.1 A and AA) at every step of a conversation', () => {
  it.each<[string, Language, BrowserContextOptions]>([
    ['phone-da', 'da', { viewport: { width: 360, height: 740 } }],
    ['phone-en', 'en', { viewport: { width: 360, height: 740 } }],
    ['small-phone-da', 'da', { viewport: { width: 320, height: 568 } }],
    // The on-screen keyboard takes about 290 px of a 360 × 740 phone.
    ['phone-keyboard-open-en', 'en', { viewport: { width: 360, height: 450 } }],
    ['laptop-en', 'en', { viewport: { width: 1280, height: 800 } }],
    // A 1280 × 800 window at 200 % zoom: 640 × 400 CSS px, drawn with two device pixels to each.
    ['zoom-200-da', 'da', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
  ])(
    '%s: no violations, nothing wider than the screen, a screenshot of each step',
    async (walk, language, options) => {
      const { page, errors } = await open(options);
      const found: Record<string, string[]> = {};
      for (const [index, step] of CONVERSATION[language].entries()) {
        if (step.tap) await tap(page, step.tap);
        if (step.type) await ask(page, step.type);
        await botBubble(page, step.shows)
          .waitFor()
          .catch(async (error: unknown) => {
            saveScreenshot(`a11y-${walk}-${index + 1}-${step.name}-failed.png`, await page.screenshot({ fullPage: true }));
            throw error;
          });
        await settled(page);
        found[step.name] = await axeViolations(page);
        expect({ step: step.name, overflow: await overflow(page) }).toEqual({ step: step.name, overflow: 0 });
        saveScreenshot(`a11y-${walk}-${index + 1}-${step.name}.png`, await page.screenshot());
      }
      expect(found).toEqual(Object.fromEntries(CONVERSATION[language].map((step) => [step.name, []])));
      // The emergency reply's call button is red, like the 112 in the frame (the pointer moved off it: hovered, it is darker).
      await page.mouse.move(0, 0);
      const call = `Array.from(document.querySelectorAll('#webchat .webchat__suggested-action')).find((button) => button.textContent.trim() === ${JSON.stringify(language === 'da' ? 'Ring 112' : 'Call 112')})`;
      expect(await page.evaluate(`getComputedStyle(${call}).backgroundColor`)).toBe('rgb(176, 0, 32)');
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );
});

describe('the chat page with the keyboard alone (Tab, Enter, Space; arrows inside the topic buttons)', () => {
  it.each<[Language]>([['da'], ['en']])(
    'walks through the conversation in %s',
    async (language) => {
      const { page, errors } = await open({ viewport: { width: 1280, height: 800 } });
      const steps = CONVERSATION[language];
      const topic = '#webchat .webchat__suggested-action';
      const typingBox = '#webchat input[type="text"], #webchat textarea';
      const reached = async (step: Step) => {
        await botBubble(page, step.shows).waitFor();
        await settled(page);
        expect({ step: step.name, violations: await axeViolations(page) }).toEqual({ step: step.name, violations: [] });
      };
      const type = async (text: string) => {
        // Wherever the focus is, Tab leads to the typing box.
        if (!(await page.evaluate<boolean>(`document.activeElement.matches(${JSON.stringify(typingBox)})`))) await tabTo(page, typingBox, { max: 60 });
        await page.keyboard.type(text);
        await page.keyboard.press('Enter');
      };
      // The topic buttons are before the typing box: Shift+Tab from there reaches them. Web Chat makes them an
      // ARIA toolbar (one Tab stop, the arrow keys move inside it), so the arrow keys are used there too.
      const press = async (name: string, key: 'Enter' | 'Space') => {
        await tabTo(page, typingBox, { max: 60 });
        await tabTo(page, topic, { backwards: true, max: 40 });
        for (let i = 0; i < 12 && !(await focused(page)).includes(name); i++) await page.keyboard.press('ArrowRight');
        expect(await focused(page)).toContain(name);
        await page.keyboard.press(key);
      };

      // The page's own controls come first, in reading order.
      const start = await tabTo(page, '#start-over');
      expect(start).toEqual(['switch-language', 'start-over']);
      for (const [index, step] of steps.entries()) {
        if (step.name === 'load') continue;
        if (step.name === 'language') {
          await tabTo(page, '#switch-language', { backwards: true });
          await page.keyboard.press('Space');
        } else if (step.type) await type(step.type);
        // Enter and Space alternate, so both are shown to work on the topic buttons.
        else if (step.tap) await press(step.tap, index % 2 === 0 ? 'Enter' : 'Space');
        await reached(step);
      }
      // After the emergency reply, 112 is reachable from the keyboard (the reply's own link or the page's).
      await tabTo(page, 'a[href="tel:112"]', { max: 60 });
      expect(await focused(page)).toMatch(/112|emergency-link/);
      // And onwards to the footer's pages.
      await tabTo(page, '#accessibility-link', { max: 60 });
      // The statement opens in a new tab, so the conversation stays.
      const [statement] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
      await statement.waitForURL(language === 'da' ? '**/tilgaengelighed' : '**/en/accessibility');
      expect(errors).toEqual([]);
      await statement.close();
      await page.close();
    },
    120_000,
  );
});

describe('the privacy and accessibility pages', () => {
  const PAGES: Array<[string, Language, string, string]> = [
    ['/privatliv', 'da', 'Privatliv i Pitstop-guiden', '/en/privacy'],
    ['/en/privacy', 'en', 'Privacy in the Pitstop guide', '/privatliv'],
    ['/tilgaengelighed', 'da', 'Tilgængelighedserklæring for Pitstop-guiden', '/en/accessibility'],
    ['/en/accessibility', 'en', 'Accessibility statement for the Pitstop guide', '/tilgaengelighed'],
  ];

  it.each(PAGES)(
    '%s is a real page in its language, with no violations, 112 and Pitstop to tap, and its other language a link away',
    async (route, language, title, other) => {
      const { page, errors } = await newPage(chromium.browser, { viewport: { width: 320, height: 568 } });
      const response = await page.goto(`${served.baseUrl}${route}`);
      expect(response?.status()).toBe(200);
      const headers = response?.headers() ?? {};
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await page.locator('h1').textContent()).toBe(title);
      expect(await page.locator('script').count()).toBe(0);
      // Phone numbers come from content/facts.yaml, as tappable links.
      expect(await page.locator('a[href="tel:+4520692833"]').count()).toBeGreaterThan(0);
      expect(await page.locator('.emergency a[href="tel:112"]').textContent()).toBe('112');
      expect(await page.locator(`a[href="${other}"]`).count()).toBeGreaterThan(0);
      expect(await page.locator('h2').count()).toBeGreaterThanOrEqual(5);
      // The texts' "- " lines are lists, not dashes in a paragraph.
      expect(await page.locator('main ul').count()).toBeGreaterThanOrEqual(1);
      expect((await page.locator('main p').allTextContents()).filter((text) => text.trim().startsWith('- '))).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflow(page)).toBe(0);
      saveScreenshot(`page${route.replace(/\//g, '-')}.png`, await page.screenshot({ fullPage: true }));
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it('says what the service keeps and for how long, and where accessibility complaints go', async () => {
    const { page } = await newPage(chromium.browser);
    await page.goto(`${served.baseUrl}/privatliv`);
    const privacy = await page.locator('main').textContent();
    for (const words of ['30 minutter efter din sidste besked', 'glem mig', 'krypteret', 'SEL § 101 a', 'ikke din IP-adresse', 'Kun efter dit ja']) {
      expect({ words, found: privacy?.includes(words) }).toEqual({ words, found: true });
    }
    await page.goto(`${served.baseUrl}/en/accessibility`);
    const statement = await page.locator('main').textContent();
    for (const words of ['WCAG 2.1 level AA', 'axe-core', 'Digitaliseringsstyrelsen', '200 % zoom', 'Known limitations']) {
      expect({ words, found: statement?.includes(words) }).toEqual({ words, found: true });
    }
    expect(await page.locator('main a[href^="https://digst.dk/"]').count()).toBe(1);
    // Back to the chat, in the page's language.
    await page.getByRole('link', { name: 'Back to the chat' }).click();
    await page.getByText('Hi, I am the', { exact: false }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  }, 60_000);

  it.each<[string, string[], string[]]>([
    [
      '/privatliv',
      ['Hvem har ansvaret', 'Dine rettigheder', 'Klage til Datatilsynet'],
      [
        'Ishøj Kommune',
        'Vallensbæk Kommune',
        'dataansvarlige',
        'databeskyttelsesrådgiver',
        'hovedindgang',
        'indsigt',
        'berigtigelse',
        'sletning',
        'begrænsning',
        'indsigelse',
        'artikel 11',
        'Datatilsynet',
      ],
    ],
    [
      '/en/privacy',
      ['Who is responsible', 'Your rights', 'Complaints to Datatilsynet'],
      [
        'Ishøj Kommune',
        'Vallensbæk Kommune',
        'data controllers',
        'data protection officer',
        'main contact',
        'access',
        'rectification',
        'erasure',
        'restriction',
        'objection',
        'Article 11',
        'Datatilsynet',
      ],
    ],
  ])(
    '%s names the data controllers, the rights and the right to complain to Datatilsynet, inventing no contact details',
    async (route, headings, words) => {
      const { page } = await newPage(chromium.browser);
      await page.goto(`${served.baseUrl}${route}`);
      const shownHeadings = await page.locator('main h2').allTextContents();
      for (const heading of headings) expect(shownHeadings).toContain(heading);
      const text = (await page.locator('main').textContent()) ?? '';
      for (const word of words) expect({ word, found: text.includes(word) }).toEqual({ word, found: true });
      // The only addresses: Datatilsynet's site, and phone numbers from content/facts.yaml (Pitstop and Borger- og Socialservice).
      expect(await page.locator('main a[href="https://www.datatilsynet.dk"]').count()).toBe(1);
      const links = await page.locator('main a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      expect([...new Set(links)].sort()).toEqual(['https://www.datatilsynet.dk', 'tel:+4520692833', 'tel:+4543577575']);
      expect(text).not.toMatch(/@|dpo|\bwww\.(?!datatilsynet\.dk)/i);
      await page.close();
    },
    60_000,
  );

  it.each<[string, string[], string]>([
    [
      '/tilgaengelighed',
      ['Overholdelsesstatus', 'Ikke-tilgængeligt indhold', 'Udarbejdelse af erklæringen', 'Feedback og kontaktoplysninger', 'Håndhævelsesprocedure'],
      'Erklæringen er udarbejdet 30. november 2026',
    ],
    [
      '/en/accessibility',
      ['Compliance status', 'Non-accessible content', 'Preparation of this statement', 'Feedback and contact information', 'Enforcement procedure'],
      'This statement was prepared on 30 November 2026',
    ],
  ])(
    '%s has the sections of a Danish accessibility statement, in order, and its date',
    async (route, headings, date) => {
      const { page } = await newPage(chromium.browser);
      await page.goto(`${served.baseUrl}${route}`);
      expect(await page.locator('main h2').allTextContents()).toEqual(headings);
      expect(await page.locator('main').textContent()).toContain(date);
      expect(await page.locator('main a[href^="https://digst.dk/"]').count()).toBe(1);
      await page.close();
    },
    60_000,
  );

  it('is linked from the chat page, in the language the reader chose', async () => {
    const { page } = await open({ viewport: { width: 360, height: 740 } });
    expect(await page.locator('#privacy-link').getAttribute('href')).toBe('/privatliv');
    expect(await page.locator('#accessibility-link').textContent()).toBe('Tilgængelighedserklæring (åbner i en ny fane)');
    // Read in a new tab, so the conversation in this one stays.
    expect(await page.locator('#privacy-link').getAttribute('target')).toBe('_blank');
    expect(await page.locator('#accessibility-link').getAttribute('rel')).toBe('noopener');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('#privacy-link').getAttribute('href')).toBe('/en/privacy');
    const [statement] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: 'Accessibility statement' }).click()]);
    await statement.waitForURL('**/en/accessibility');
    // The chat is still where it was, with its conversation.
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText('I will write in English from now on.').first().waitFor();
    await statement.close();
    await page.close();
  }, 60_000);
});

describe('the staff page and the source pages, checked by axe-core (WCAG 2.1 A and AA)', () => {
  const TOKEN = 'staff-token-for-tests-0123456789abcdef';
  const staff = useServedApp(
    { STAFF_TOKEN: TOKEN },
    {
      timeoutMs: 90_000,
      warmUp: async (baseUrl) => {
        await new ExpectRepliesClient(baseUrl).say('Hej');
      },
    },
  );

  it.each<[Language, string, Record<string, string>]>([
    [
      'da',
      '/staff',
      {
        token: 'Personalenøgle',
        signIn: 'Log ind',
        ask: 'Hvor hurtigt kan jeg komme i behandling?',
        details: 'Svaret med',
        list: 'Spørgsmål, ét pr. linje',
        run: 'Kør gennemgangen',
        done: 'Gennemgangen er færdig.',
      },
    ],
    [
      'en',
      '/en/staff',
      {
        token: 'Staff token',
        signIn: 'Sign in',
        ask: 'How quickly can I get treatment?',
        details: 'Answered with',
        list: 'Questions, one per line',
        run: 'Run the review',
        done: 'The review is done.',
      },
    ],
  ])(
    '%s: no violations signed out, with a refused token, after an answer with its details, and after a review',
    async (language, route, words) => {
      const { page } = await newPage(chromium.browser, { viewport: { width: 1280, height: 900 } });
      const found: Record<string, string[]> = {};
      await page.goto(`${staff.baseUrl}${route}`);
      await page.getByLabel(words.token).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      found.signedOut = await axeViolations(page);
      await page.getByLabel(words.token).fill('not-the-token');
      await page.getByRole('button', { name: words.signIn }).click();
      await page.getByRole('alert').filter({ hasText: /./ }).waitFor();
      found.refused = await axeViolations(page);
      await page.getByLabel(words.token).fill(TOKEN);
      await page.getByRole('button', { name: words.signIn }).click();
      await ask(page, words.ask);
      await botBubble(page, words.details).waitFor();
      await settled(page);
      found.answer = await axeViolations(page);
      await page.getByLabel(words.list).fill(words.ask);
      await page.getByRole('button', { name: words.run }).click();
      await page.getByRole('status').filter({ hasText: words.done }).waitFor({ timeout: 60_000 });
      found.review = await axeViolations(page);
      expect(found).toEqual({ signedOut: [], refused: [], answer: [], review: [] });
      expect(await overflow(page)).toBe(0);
      await page.close();
    },
    120_000,
  );

  it.each([['/kilder'], ['/kilder/qs'], ['/en/sources/qs'], ['/en/sources/actionplan'], ['/kilder/project2014']])(
    '%s has no violations and fits a small phone',
    async (route) => {
      const { page, errors } = await newPage(chromium.browser, { viewport: { width: 320, height: 568 } });
      expect((await page.goto(`${staff.baseUrl}${route}`))?.status()).toBe(200);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflow(page)).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
