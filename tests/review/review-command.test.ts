import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { reviewCommand } from '../../src/review-command';
import { launchChromium, saveScreenshot } from '../helpers/chat-browser';
import { copyOfContent, editContentFile } from '../helpers/content-copy';

const SAMPLE = path.join(__dirname, 'fixtures/sample-questions.txt');
const QUESTIONS = 7;

let dir: string;
let html: string;
let markdown: string;
let printed: string[];
let code: number;

/** The article of the question on this line of the sample list. */
const entry = (line: number): string => {
  const start = html.indexOf(`id="line-${line}"`);
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</article>', start));
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'review-'));
  printed = [];
  code = await reviewCommand([SAMPLE, '--out', path.join(dir, 'report.html')], (line) => printed.push(line));
  html = readFileSync(path.join(dir, 'report.html'), 'utf8');
  markdown = readFileSync(path.join(dir, 'report.md'), 'utf8');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reviewCommand', () => {
  it('writes an HTML and a Markdown report with one entry per question', () => {
    expect(code).toBe(0);
    expect(html.match(/<article class="entry/g)).toHaveLength(QUESTIONS);
    expect(html).toContain(`<dd id="count-questions">${QUESTIONS}</dd>`);
    expect(markdown.match(/^### /gm)).toHaveLength(QUESTIONS);
    expect(printed[0]).toMatch(new RegExp(`^${QUESTIONS} questions in 4 conversations`));
  });

  it('is self-contained: inline style and chart, nothing loaded from elsewhere, no script', () => {
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).not.toMatch(/<script|<link|<iframe|<[^>]+\ssrc=/i);
    expect(html).not.toMatch(/href="(?!tel:|https:)/);
  });

  it('shows the answer rendered, with its buttons, source line and what was recognised', () => {
    const first = entry(2);
    expect(first).toContain('<strong>gratis behandling for stofmisbrug inden for 14 dage</strong>');
    expect(first).toMatch(/<a href="tel:\+4520692833">20 69 28 33<\/a>/);
    expect(first).toMatch(/<ul class="buttons"[^>]*>.*<li>Sådan får du hjælp<\/li>/);
    expect(first).toMatch(/<p class="source">Kilde: Kvalitetsstandard/);
    expect(first).toContain('<th scope="row">topicId</th><td>guarantee</td>');
  });

  it('plays a conversation in order, so a follow-up is read after the question before it', () => {
    expect(entry(6)).toContain('<th scope="row">subjectId</th><td>residential</td>');
    expect(entry(6)).not.toContain('class="flags"');
  });

  it('flags an emergency and an expected topic that was missed', () => {
    expect(entry(8)).toContain('<li>emergency reply or line</li>');
    expect(entry(8)).toContain('<th scope="row">key</th><td>crisis.acute</td>');
    expect(entry(9)).toContain('<li>expected topic missed</li>');
    expect(entry(12)).toContain('<th scope="row">language</th><td>en</td>');
  });

  it('shows what was written as text, never as HTML', () => {
    expect(entry(9)).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses a list naming a topic that does not exist, with its line', async () => {
    const list = path.join(dir, 'bad.txt');
    writeFileSync(list, 'Hvad koster det?\nHvad er Pitstop?  # expected: pitstopp\n');
    const lines: string[] = [];
    expect(await reviewCommand([list, '--out', path.join(dir, 'bad.html')], (line) => lines.push(line))).toBe(2);
    expect(lines.join('\n')).toContain('line 2: unknown topic "pitstopp"');
    expect(existsSync(path.join(dir, 'bad.html'))).toBe(false);
  });

  it('says in words when the list is missing or the content is broken, without a stack', async () => {
    const lines: string[] = [];
    expect(await reviewCommand([path.join(dir, 'no-such-list.txt'), '--out', path.join(dir, 'none.html')], (line) => lines.push(line))).toBe(2);
    expect(lines.join('\n')).toContain('no-such-list.txt: no such file');
    const content = copyOfContent('review-content-');
    try {
      editContentFile(content, 'topics/guarantee.yaml', (yaml) => delete yaml.texts.answer.en);
      lines.length = 0;
      expect(await reviewCommand([SAMPLE, '--out', path.join(dir, 'broken.html'), '--content', content], (line) => lines.push(line))).toBe(2);
      expect(lines.join('\n')).toContain('Run npm run content:check');
      expect(lines.join('\n')).toContain('topics/guarantee.yaml: missing "texts.answer.en"');
      expect(lines.join('\n')).not.toMatch(/\bat \S+ \(/);
      expect(existsSync(path.join(dir, 'broken.html'))).toBe(false);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => browser?.close());

    it('opens the report and shows the count and every entry', async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
      expect(await page.locator('#count-questions').innerText()).toBe(String(QUESTIONS));
      expect(await page.locator('article.entry').count()).toBe(QUESTIONS);
      expect(await page.locator('#summary svg rect').count()).toBe(3);
      await expect(page.locator('article.entry').first().isVisible()).resolves.toBe(true);
      saveScreenshot('review-report.png', await page.screenshot({ fullPage: true }));
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
