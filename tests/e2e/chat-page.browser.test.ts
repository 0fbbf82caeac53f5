import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { projectRoot } from '../../src/base/project-paths';
import { ExpiringMemoryStorage } from '../../src/state/expiring-memory-storage';
import { useChromium } from '../helpers/chat-browser';
import { useServedApp, withServedApp } from '../helpers/http-client';
import { distinctColours } from '../helpers/png';

const chromium = useChromium();
const served = useServedApp();

async function open(viewport = { width: 1000, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await chromium.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(served.baseUrl);
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

/** The frame's controls and links, Web Chat's send button, suggested actions and their arrows, and the links and buttons in answers. */
const TARGETS = [
  '#emergency-link',
  '.controls button',
  'footer a',
  '#notice a',
  '#webchat .webchat__send-button',
  '#webchat .webchat__suggested-action',
  '#webchat .react-film__flipper',
  '#webchat .webchat__activity-status button',
  '#webchat .webchat__bubble a[href]',
  '#webchat .webchat__bubble button',
].join(', ');

/** Every target smaller than 44 × 44 CSS px, by name and size, and how many there are (hidden arrows are not targets). */
async function smallTargets(page: Page): Promise<{ small: string[]; count: number }> {
  return page.evaluate<{ small: string[]; count: number }>(`(() => {
    const targets = Array.from(document.querySelectorAll(${JSON.stringify(TARGETS)})).filter((element) => element.checkVisibility({ visibilityProperty: true }));
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

/** "Start forfra", tapped twice: the first tap asks for the second, which deletes the conversation. */
async function startOver(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start forfra: en ny samtale, og denne slettes' }).click();
  await page.getByRole('button', { name: 'Tryk igen for at starte forfra: denne samtale slettes' }).click();
}

const userBubble = (page: Page, text: string) => page.locator('#webchat .webchat__bubble--from-user').filter({ hasText: text });

/** Where the newest message containing text starts, and what could cover it or cut it off. */
interface AnswerPlace {
  top: number;
  /** The bottom of whatever sticks to the top of the window (the 112 line on a short screen), or 0. */
  stuckBottom: number;
  transcriptTop: number;
  /** Where the visible part of the transcript ends: its own bottom or the window's. */
  visibleBottom: number;
}

const answerPlace = (page: Page, text: string) =>
  page.evaluate<AnswerPlace>(`(() => {
    const bubbles = Array.from(document.querySelectorAll('#webchat .webchat__bubble')).filter((bubble) => bubble.textContent.includes(${JSON.stringify(text)}));
    const transcript = document.querySelector('#webchat .webchat__basic-transcript__scrollable').getBoundingClientRect();
    const stuck = Array.from(document.querySelectorAll('body *:not(#webchat *)'))
      .filter((element) => ['sticky', 'fixed'].includes(getComputedStyle(element).position))
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.height > 0 && box.top <= 1);
    return {
      top: bubbles.length ? bubbles[bubbles.length - 1].getBoundingClientRect().top : Infinity,
      stuckBottom: Math.max(0, ...stuck.map((box) => box.bottom)),
      transcriptTop: transcript.top,
      visibleBottom: Math.min(transcript.bottom, innerHeight),
    };
  })()`);

/** The answer's start is below anything stuck to the top and the transcript's top, with lines of it in view. */
const shownFromStart = (place: AnswerPlace, lines = 3) =>
  place.top >= Math.max(place.stuckBottom, place.transcriptTop) - 1 && place.top + lines * 22 <= place.visibleBottom;

/**
 * From now on, in every frame, how far the newest message containing text has been scrolled past the top of
 * the transcript (the most, in CSS px; 0 if never). Counts only a message drawn after now, unless existing.
 */
const watchScrolledPast = (page: Page, text: string, existing = false) =>
  page.evaluate(`(() => {
    const bubbles = () => Array.from(document.querySelectorAll('#webchat .webchat__bubble')).filter((bubble) => bubble.textContent.includes(${JSON.stringify(text)}));
    const before = bubbles().length - (${existing} ? 1 : 0);
    // One watch at a time: an earlier one stops.
    const watch = (window.scrolledPastWatch || 0) + 1;
    window.scrolledPastWatch = watch;
    window.scrolledPast = 0;
    const until = performance.now() + 20000;
    const sample = () => {
      if (window.scrolledPastWatch !== watch) return;
      const now = bubbles();
      const transcript = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
      if (now.length > before && transcript) {
        const past = transcript.getBoundingClientRect().top - now[now.length - 1].getBoundingClientRect().top;
        window.scrolledPast = Math.max(window.scrolledPast, past);
      }
      if (performance.now() < until) requestAnimationFrame(sample);
    };
    sample();
  })()`);

/** A conversation through topic buttons, typed questions and a call button (which sends nothing). */
const WALK: Array<{ name: string; tap?: string; type?: string; shows: string; existing?: boolean }> = [
  { name: 'guide', tap: 'Hvilken hjælp passer til mig?', shows: 'Hvem søger du hjælp til?' },
  { name: 'guide-answer', tap: 'Mig selv', shows: 'Hvor gammel er du?' },
  { name: 'answer', type: 'Hvor hurtigt kan jeg komme i behandling?', shows: 'inden for 14 dage' },
  // "Ring til Pitstop" opens the phone: nothing is sent, the topic buttons go, and the answer stays where it was.
  { name: 'call', tap: 'Ring til Pitstop', shows: 'inden for 14 dage', existing: true },
  { name: 'second-answer', type: 'Hvad er afgiftning?', shows: 'omkring en måned' },
];

async function walkStep(page: Page, step: (typeof WALK)[number]): Promise<void> {
  if (step.tap) await page.locator('#webchat').getByRole('button', { name: step.tap, exact: true }).last().click();
  if (step.type) await ask(page, step.type);
  await page.locator('#webchat .webchat__bubble').filter({ hasText: step.shows }).last().waitFor({ timeout: 30_000 });
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
    const { storage } = served.app;
    if (!(storage instanceof ExpiringMemoryStorage)) throw new Error('expected the default memory store');
    const stored = storage.dump().length;
    // Code for the page is given as script text: it runs in the browser, not in Node.
    await page.evaluate('window.reloaded = false');
    // One tap only asks for a second: nothing is deleted, and the button goes back by itself.
    await page.getByRole('button', { name: 'Start forfra: en ny samtale, og denne slettes' }).click();
    await page.getByRole('button', { name: 'Tryk igen for at starte forfra: denne samtale slettes' }).waitFor();
    expect(await page.getByText('omkring en måned').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Start forfra: en ny samtale, og denne slettes' }).waitFor({ timeout: 10_000 });
    expect(await page.getByText('omkring en måned').count()).toBeGreaterThan(0);
    expect(storage.dump().length).toBe(stored);
    await startOver(page);
    await page.getByText('omkring en måned').first().waitFor({ state: 'detached' });
    await page.getByText('Hej, jeg er').first().waitFor();
    expect(await page.evaluate('window.reloaded')).toBe(false);
    // The old conversation's state is deleted and the new one's added: one each way.
    expect(storage.dump().length).toBe(stored);
    await page.close();
  }, 60_000);

  it('shows the bot typing while a reply is slow, until the reply comes', async () => {
    const { page } = await open({ width: 390, height: 844 });
    // Replies held back 1.5 s, as on a slow phone network.
    await page.route('**/api/messages', async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await ask(page, 'Hvad er afgiftning?');
    const typing = page.locator('#webchat .webchat__typing-indicator');
    await typing.first().waitFor({ timeout: 1400 });
    await page.getByText('omkring en måned').first().waitFor();
    await typing.first().waitFor({ state: 'detached' });
    await page.close();
  });

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
      reached.push(String(await page.evaluate('document.activeElement.id || document.activeElement.tagName')));
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
  ])(
    'on %s, shows the welcome from its start and each answer from its start, with every target at least 44 px',
    async (name, viewport) => {
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
      expect(emergency?.y).toBeGreaterThanOrEqual(0);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it.each([
    // A 1280 × 800 window at 200 % zoom: 640 × 400 CSS px, where the page scrolls and the 112 line sticks to the top.
    ['200 % zoom', 'zoom-200', { width: 640, height: 400 }, 2],
    ['a phone with the on-screen keyboard open', 'phone-keyboard', { width: 360, height: 450 }, 1],
  ])(
    'at %s, shows each answer from its start, below the sticky 112 line',
    async (_name, file, viewport, deviceScaleFactor) => {
      const page = await chromium.browser.newPage({ viewport, deviceScaleFactor });
      await page.goto(served.baseUrl);
      await page.getByText('Hej, jeg er').first().waitFor();
      await eventually(async () => shownFromStart(await answerPlace(page, 'Hej, jeg er')), 'the welcome from its start');
      for (const [index, step] of WALK.entries()) {
        await walkStep(page, step);
        await eventually(async () => shownFromStart(await answerPlace(page, step.shows)), `${step.name}: the answer's start below the 112 line`).catch(
          async (error: unknown) => {
            saveScreenshot(`chat-page-${file}-${index + 1}-${step.name}-failed.png`, await page.screenshot());
            throw new Error(`${String(error)}: ${JSON.stringify(await answerPlace(page, step.shows))}`);
          },
        );
        saveScreenshot(`chat-page-${file}-${index + 1}-${step.name}.png`, await page.screenshot());
      }
      // The reader's own scrolling is not held: the wheel takes the transcript to its end.
      await page.locator('#webchat .webchat__basic-transcript__scrollable').hover();
      await page.mouse.wheel(0, 5000);
      const atEnd =
        '(() => { const t = document.querySelector("#webchat .webchat__basic-transcript__scrollable"); return t.scrollTop >= t.scrollHeight - t.clientHeight - 2; })()';
      await eventually(async () => page.evaluate<boolean>(atEnd), 'the transcript scrolled to its end by the reader');
      await page.close();
    },
    90_000,
  );

  it.each([
    ['a phone', { width: 360, height: 740 }],
    ['a small phone', { width: 320, height: 568 }],
  ])(
    'on %s with a slow processor (6× slower), opens each answer at its start and never scrolls past it',
    async (_name, viewport) => {
      const page = await chromium.browser.newPage({ viewport });
      const devtools = await page.context().newCDPSession(page);
      await devtools.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      await page.goto(served.baseUrl);
      await page.getByText('Hej, jeg er').first().waitFor({ timeout: 30_000 });
      await eventually(async () => shownFromStart(await answerPlace(page, 'Hej, jeg er')), 'the welcome from its start');
      const past: Record<string, number> = {};
      for (const step of WALK) {
        await watchScrolledPast(page, step.shows, step.existing);
        await walkStep(page, step);
        await eventually(async () => shownFromStart(await answerPlace(page, step.shows)), `${step.name}: the answer from its start`);
        past[step.name] = Math.round(await page.evaluate<number>('window.scrolledPast'));
      }
      // Not even for a frame was an answer's start scrolled out of view.
      expect(past).toEqual(Object.fromEntries(WALK.map((step) => [step.name, 0])));
      await page.close();
    },
    180_000,
  );

  it.each([
    ['a small phone', 320],
    ['a phone', 360],
  ])(
    "on %s, shows a row of topic buttons' arrows only where there is more to scroll to, never over a button",
    async (_name, width) => {
      const { page, errors } = await open({ width, height: 640 });
      type Arrows = { overflow: boolean; left: boolean; right: boolean; covered: string[] };
      // Which arrows can be seen, and which buttons' visible parts they cover.
      const arrows = () =>
        page.evaluate<Arrows>(`(() => {
        const rows = document.querySelectorAll('#webchat .webchat__suggested-actions__carousel');
        const row = rows[rows.length - 1];
        const strip = row.querySelector('.react-film__filmstrip');
        const shown = (side) => {
          const arrow = row.querySelector('.react-film__flipper--' + side);
          return Boolean(arrow && arrow.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && arrow.getBoundingClientRect().width > 0);
        };
        const visible = Array.from(row.querySelectorAll('.react-film__flipper')).filter((arrow) => arrow.checkVisibility({ visibilityProperty: true }) && arrow.getBoundingClientRect().width > 0).map((arrow) => arrow.getBoundingClientRect());
        const clip = strip.getBoundingClientRect();
        const covered = Array.from(row.querySelectorAll('.webchat__suggested-action')).filter((button) => {
          const box = button.getBoundingClientRect();
          const left = Math.max(box.left, clip.left);
          const right = Math.min(box.right, clip.right);
          return right > left && visible.some((arrow) => arrow.left < right - 0.5 && arrow.right > left + 0.5 && arrow.top < box.bottom && arrow.bottom > box.top);
        }).map((button) => button.textContent.trim());
        return { overflow: strip.scrollWidth > strip.clientWidth + 1, left: shown('left'), right: shown('right'), covered };
      })()`);
      const scrollRow = (to: 'start' | 'end') =>
        page.evaluate(`(() => {
        const rows = document.querySelectorAll('#webchat .webchat__suggested-actions__carousel .react-film__filmstrip');
        const strip = rows[rows.length - 1];
        strip.scrollLeft = ${to === 'end' ? 'strip.scrollWidth' : '0'};
      })()`);
      const steadily = async (expected: Arrows, what: string) => {
        await eventually(async () => JSON.stringify(await arrows()) === JSON.stringify(expected), what).catch(async (error: unknown) => {
          throw new Error(`${String(error)}: ${JSON.stringify(await arrows())}`);
        });
      };

      // The welcome's seven topics are wider than the phone: the arrow to the right only, beside the buttons.
      await steadily({ overflow: true, left: false, right: true, covered: [] }, "the welcome's row at its start");
      saveScreenshot(`chat-page-${width}-topics-start.png`, await page.screenshot());
      await scrollRow('end');
      await steadily({ overflow: true, left: true, right: false, covered: [] }, 'the row scrolled to its end');
      saveScreenshot(`chat-page-${width}-topics-end.png`, await page.screenshot());
      // The arrow scrolls back.
      await page.locator('#webchat .react-film__flipper--left').last().click();
      await steadily({ overflow: true, left: true, right: true, covered: [] }, 'the row scrolled back one step');
      await scrollRow('start');
      await steadily({ overflow: true, left: false, right: true, covered: [] }, 'the row back at its start');

      // Two buttons fit on the phone: no arrows at all.
      await ask(page, 'min ven trækker ikke vejret');
      await page.locator('#webchat .webchat__bubble').filter({ hasText: 'Ring 112 nu.' }).last().waitFor();
      if (width >= 360) await steadily({ overflow: false, left: false, right: false, covered: [] }, 'a row that fits');
      else expect((await arrows()).covered).toEqual([]);
      saveScreenshot(`chat-page-${width}-topics-emergency.png`, await page.screenshot());
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it('says in plain words, with Pitstop and 112 to tap, that a message could not be sent, keeps it, and sends it when the bot is back', async () => {
    const { page, errors } = await open({ width: 360, height: 740 });
    const unreachable = (route: Route) => route.abort('connectionrefused');
    await page.route('**/api/messages', unreachable);
    await page.route('**/readyz', unreachable);
    await ask(page, 'Hvor hurtigt kan jeg komme i behandling?');
    const notice = page.locator('#notice');
    await notice.getByText('Din besked kunne ikke sendes', { exact: false }).waitFor();
    expect(await notice.textContent()).toContain('Den bliver sendt, så snart chatten virker igen.');
    expect(await notice.locator('a[href="tel:+4520692833"]').textContent()).toBe('20 69 28 33');
    expect(await notice.locator('a[href="tel:112"]').textContent()).toBe('112');
    // What was typed stays in the conversation, waiting to be sent.
    await userBubble(page, 'Hvor hurtigt kan jeg komme i behandling?').waitFor();
    // Web Chat's connection status says so too, instead of "connected".
    await page.getByText('Der opstod en netværksafbrydelse', { exact: false }).first().waitFor();
    expect((await smallTargets(page)).small).toEqual([]);
    saveScreenshot('chat-page-phone-not-sent.png', await page.screenshot());

    // Back again: without a tap, the message is sent and answered (once), the status clears and the notice goes.
    await page.unroute('**/api/messages', unreachable);
    await page.unroute('**/readyz', unreachable);
    await page.getByText('inden for 14 dage').first().waitFor({ timeout: 20_000 });
    await notice.waitFor({ state: 'hidden' });
    await page.getByText('Der opstod en netværksafbrydelse', { exact: false }).first().waitFor({ state: 'hidden' });
    expect(await userBubble(page, 'Hvor hurtigt kan jeg komme i behandling?').count()).toBe(1);
    expect(await page.locator('#webchat .webchat__bubble').filter({ hasText: 'inden for 14 dage' }).count()).toBe(1);
    expect(await sendBox(page).inputValue()).toBe('');
    saveScreenshot('chat-page-phone-sent-when-back.png', await page.screenshot());

    // A message the server answers with an error is not sent again by itself: its text is put back to send.
    const refused = (route: Route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{}' });
    await page.route('**/api/messages', refused);
    await ask(page, 'Hvad er afgiftning?');
    await notice.getByText('Din besked er ikke sendt', { exact: false }).waitFor();
    expect(await sendBox(page).inputValue()).toBe('Hvad er afgiftning?');
    await page.unroute('**/api/messages', refused);
    await sendBox(page).press('Enter');
    await page.getByText('omkring en måned').first().waitFor();
    await notice.waitFor({ state: 'hidden' });

    // The notice is in the page's language.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText('I will write in English from now on.').first().waitFor();
    await page.route('**/api/messages', unreachable);
    await ask(page, 'How do I complain?');
    await notice.getByText('Your message could not be sent', { exact: false }).waitFor();
    expect(await notice.locator('a[href="tel:112"]').count()).toBe(1);
    await page.unroute('**/api/messages', unreachable);
    await page.getByText('within 4 weeks').first().waitFor({ timeout: 20_000 });
    expect(errors.filter((error) => !/Failed to (load resource|post activity)|ERR_CONNECTION_REFUSED|status of 500/.test(error))).toEqual([]);
    await page.close();
  }, 90_000);

  it('starts over during an outage: the old notice goes, and the welcome comes once the bot is back', async () => {
    const { page, errors } = await open({ width: 360, height: 740 });
    const unreachable = (route: Route) => route.abort('connectionrefused');
    await page.route('**/api/messages', unreachable);
    await page.route('**/readyz', unreachable);
    await ask(page, 'Hvor hurtigt kan jeg komme i behandling?');
    const notice = page.locator('#notice');
    await notice.getByText('Din besked kunne ikke sendes', { exact: false }).waitFor();

    await startOver(page);
    await userBubble(page, 'Hvor hurtigt kan jeg komme i behandling?').waitFor({ state: 'detached' });
    // No word of the old message; the page says the chat cannot be reached, with the numbers to call.
    await notice.getByText('Chatten kan ikke nås lige nu', { exact: false }).waitFor();
    expect(await notice.textContent()).not.toContain('Din besked');
    expect(await notice.locator('a[href="tel:112"]').count()).toBe(1);
    saveScreenshot('chat-page-phone-start-over-outage.png', await page.screenshot());

    await page.unroute('**/api/messages', unreachable);
    await page.unroute('**/readyz', unreachable);
    await page.getByText('Hej, jeg er').first().waitFor({ timeout: 20_000 });
    await notice.waitFor({ state: 'hidden' });
    // The old conversation's message was not sent into the new one.
    expect(await page.getByText('inden for 14 dage').count()).toBe(0);
    await ask(page, 'Hvad er afgiftning?');
    await page.getByText('omkring en måned').first().waitFor();
    expect(await notice.isHidden()).toBe(true);
    expect(errors.filter((error) => !/Failed to (load resource|post activity)|ERR_CONNECTION_REFUSED/.test(error))).toEqual([]);
    await page.close();
  }, 90_000);

  it(
    'shows Pitstop and 112 to tap when this server offers no chat at all',
    () =>
      withServedApp({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'x' }, async (_app, url) => {
        const page = await chromium.browser.newPage({ viewport: { width: 320, height: 568 } });
        await page.goto(url);
        const notice = page.locator('#notice');
        await notice.getByText('Chatten er ikke tilgængelig lige nu', { exact: false }).waitFor();
        expect(await notice.locator('a[href="tel:+4520692833"]').count()).toBe(1);
        expect(await notice.locator('a[href="tel:112"]').count()).toBe(1);
        expect((await smallTargets(page)).small).toEqual([]);
        await page.close();
      }),
    60_000,
  );

  it.each([
    ['a narrow phone', { width: 320, height: 640 }],
    ['200 % zoom of a 1280 px window', { width: 640, height: 450 }],
  ])(
    'fits %s without sideways scrolling',
    async (_name, viewport) => {
      const { page } = await open(viewport);
      await ask(page, 'Hvad er Projekt GIV?');
      await page.getByText('8–24 år').first().waitFor();
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    },
    60_000,
  );

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
