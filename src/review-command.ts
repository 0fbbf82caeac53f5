import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type App, createApp } from './app';
import { loadConfig } from './base/config';
import { silentLogger } from './base/logger';
import { ContentError } from './content/load-content';
import { parseReviewList, ReviewListError } from './review/review-list';
import { reviewHtml, reviewMarkdown } from './review/review-report';
import { summarise } from './review/review-summary';
import { runReview } from './review/run-review';

export const REVIEW_USAGE =
  'usage: npm run review -- <questions.txt> --out <report.html> [--content <folder>]   (the Markdown report is written next to it, as <report>.md; --content reviews another copy of the content)';

export interface ReviewPaths {
  list: string;
  html: string;
  markdown: string;
  /** A content folder other than the project's (a changed copy under review). */
  content?: string;
}

export function reviewPaths(args: string[]): ReviewPaths | undefined {
  const optionAfter = (option: string): string | undefined => (args.includes(option) ? args[args.indexOf(option) + 1] : undefined);
  const out = optionAfter('--out');
  const content = optionAfter('--content');
  const list = args.find((arg, index) => !arg.startsWith('--') && !['--out', '--content'].includes(args[index - 1]));
  if (!list || !out) return undefined;
  const html = path.resolve(out);
  return { list: path.resolve(list), html, markdown: `${html.replace(/\.html?$/i, '')}.md`, ...(content && { content: path.resolve(content) }) };
}

/**
 * The bot as a citizen meets it (`npm start`'s embedded defaults), but with bookings in memory, no logs,
 * and no per-minute limit: a long review conversation must not be told to slow down.
 */
async function reviewApp(contentDir?: string): Promise<App> {
  const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' });
  return createApp(config, { logger: silentLogger(), contentDir });
}

/** Runs `npm run review`; returns the exit code. */
export async function reviewCommand(args: string[], print: (line: string) => void = console.log): Promise<number> {
  const paths = reviewPaths(args);
  if (!paths) {
    print(REVIEW_USAGE);
    return 2;
  }
  if (!existsSync(paths.list)) {
    print(`${path.relative(process.cwd(), paths.list)}: no such file (the ready lists are in review/)`);
    return 2;
  }
  let app: App;
  try {
    app = await reviewApp(paths.content);
  } catch (error) {
    // Broken content: say so in words, not with a stack; content:check names each mistake's file and line.
    if (!(error instanceof ContentError)) throw error;
    print(`The content has mistakes, so the bot cannot start. Run npm run content:check to see each one with its file and line.\n${error.message}`);
    return 2;
  }
  try {
    const conversations = parseReviewList(readFileSync(paths.list, 'utf8'), new Set(app.content.topics.map((topic) => topic.id)));
    const entries = await runReview(app, conversations);
    const summary = summarise(entries);
    const heading = { list: path.basename(paths.list), createdAt: new Date() };
    mkdirSync(path.dirname(paths.html), { recursive: true });
    writeFileSync(paths.html, reviewHtml(entries, summary, heading));
    writeFileSync(paths.markdown, reviewMarkdown(entries, summary, heading));
    print(
      `${summary.questions} questions in ${summary.conversations} conversations: ${summary.answered} answered, ${summary.clarified} clarified, ${summary.flagged} flagged`,
    );
    print(`wrote ${path.relative(process.cwd(), paths.html)} and ${path.relative(process.cwd(), paths.markdown)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ReviewListError)) throw error;
    print(`${path.relative(process.cwd(), paths.list)}: ${error.message}`);
    return 2;
  } finally {
    await app.close();
  }
}
