import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import type { Config } from '../base/config';
import { cacheDir, HashedFileCache } from '../base/hashed-file-cache';
import type { Logger } from '../base/logger';
import { projectRoot } from '../base/project-paths';
import { LANGUAGES } from '../content/content-schema';
import { telUri } from '../content/fact-variables';
import type { Translate } from '../content/i18n';
import type { Content } from '../content/load-content';
import type { SourceLibrary } from '../sources/source-library';
import { ConversationRateLimiter } from '../state/conversation-rate-limiter';
import { escapeHtml, INFO_PAGE_NAMES, INFO_PAGES, type PagePhones, renderInfoPage } from './info-pages';
import { renderSourcePages, SOURCE_STYLESHEET } from './source-pages';
import { fillStaffLinks, staffHref, staffPageConfig, staffPageHtml } from './staff-page';
import { StaticFile } from './static-files';

/** How the page reaches the bot: through Azure Direct Line, straight to this server, or not at all. */
export type ChatMode = 'directline' | 'local' | 'unavailable';

export function chatMode(config: Config): ChatMode {
  if (config.DIRECT_LINE_SECRET) return 'directline';
  // Without an App ID this server takes activities from anyone, so the page can post to it directly.
  return config.MicrosoftAppId ? 'unavailable' : 'local';
}

const PAGE_KEYS = [
  'title',
  'subtitle',
  'emergency',
  'chatLabel',
  'switchLanguage',
  'switchLanguageLabel',
  'startOver',
  'startOverLabel',
  'startOverConfirm',
  'startOverConfirmLabel',
  'privacyButton',
  'placeholder',
  'unavailable',
  'sendFailed',
  'sendWaiting',
  'offline',
  'robotNotice',
  'newTab',
];

/** The privacy and accessibility pages are drawn into this at start, once per page and language. */
const INFO_PAGE_TEMPLATE = 'public/info-page.html';
/** What the staff page adds to the chat page (src/http/staff-page.ts). */
const STAFF_PANEL = 'public/staff-panel.html';

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'public/index.html', type: 'text/html; charset=utf-8' },
  '/chat.js': { file: 'public/chat.js', type: 'text/javascript; charset=utf-8' },
  '/local-connection.js': { file: 'public/local-connection.js', type: 'text/javascript; charset=utf-8' },
  '/chat.css': { file: 'public/chat.css', type: 'text/css; charset=utf-8' },
  [SOURCE_STYLESHEET]: { file: 'public/sources.css', type: 'text/css; charset=utf-8' },
  // Web Chat's minimal build (no Adaptive Cards, speech or Markdown: 0.41 MB instead of 0.71 MB compressed)
  // and the Markdown engine the full build uses, from the same install: the welcome comes seconds sooner on a slow phone.
  '/webchat.js': { file: 'node_modules/botframework-webchat/dist/webchat-minimal.js', type: 'text/javascript; charset=utf-8' },
  '/markdown-it.js': { file: 'node_modules/markdown-it/dist/markdown-it.min.js', type: 'text/javascript; charset=utf-8' },
};

export interface ChatPageDeps {
  config: Config;
  content: Content;
  translator: (language: (typeof LANGUAGES)[number]) => Translate;
  logger: Logger;
  now?: () => number;
  /** The source documents, each served as a page that citations link into. */
  sources: SourceLibrary;
}

interface PageConfig {
  mode: ChatMode;
  /** The language the page starts in (DEFAULT_LANGUAGE). */
  language: (typeof LANGUAGES)[number];
  texts: Record<string, Record<string, string>>;
  phones: PagePhones;
}

/** The page's elements that hold its own words, by id, and the text each holds. */
const WORDS_BY_ID: Record<string, string> = {
  title: 'title',
  subtitle: 'subtitle',
  'chat-label': 'chatLabel',
  'emergency-text': 'emergency',
  'robot-notice': 'robotNotice',
  'switch-language': 'switchLanguage',
  'start-over': 'startOver',
  privacy: 'privacyButton',
  'pitstop-text': 'callPitstop',
  'privacy-link': 'privacyLink',
  'accessibility-link': 'accessibilityLink',
};

/**
 * The page with its own words written in (default language), so that on a slow phone the title, the
 * robot notice, 112 and Pitstop's number are readable before any script has arrived; the script redraws
 * them on a language switch. The page's config (both languages' words, the transport) is written in too.
 */
export function renderPage(html: string, language: string, texts: Record<string, string>, phones: PagePhones, config = '{}'): string {
  return (
    html
      .replace(/<html lang="[a-z]+"/, () => `<html lang="${escapeHtml(language)}"`)
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(texts.title)}</title>`)
      .replace(/(<(\w+)[^>]*\bid="([\w-]+)"[^>]*>)(<\/\2>)/g, (element, open: string, _tag, id: string, close: string) =>
        WORDS_BY_ID[id] ? `${open}${escapeHtml(texts[WORDS_BY_ID[id]])}${close}` : element,
      )
      .replace(/\{\{(emergency|pitstop)(Uri|Display)\}\}/g, (_placeholder, phone: 'emergency' | 'pitstop', part: string) =>
        escapeHtml(part === 'Uri' ? phones[phone].uri : phones[phone].display),
      )
      .replace(/\{\{(privacyHref|accessibilityHref|linksLabel)\}\}/g, (placeholder, name: string) => (name in texts ? escapeHtml(texts[name]) : placeholder))
      // A JSON data block, never run as script (the CSP allows none inline); "<" escaped so no text can end it.
      .replace('{{chatConfig}}', () => config.replace(/</g, '\\u003c'))
  );
}

/** What the page needs to draw itself: the transport and its wording in both languages, from content. */
function pageConfig({ config, content, translator }: ChatPageDeps): PageConfig {
  const texts = Object.fromEntries(
    LANGUAGES.map((language) => {
      const t = translator(language);
      const page = Object.fromEntries(PAGE_KEYS.map((key) => [key, t(`page.${key}`)]));
      const links = {
        linksLabel: t('pages.linksLabel'),
        privacyLink: t('pages.privacy.link'),
        privacyHref: INFO_PAGES.privacy[language],
        accessibilityLink: t('pages.accessibility.link'),
        accessibilityHref: INFO_PAGES.accessibility[language],
      };
      const buttons = { privacy: t('topics.anonymity.title'), callPitstop: t('ui.buttons.callPitstop'), call112: t('crisis.buttons.call112') };
      return [language, { ...page, ...links, ...buttons }];
    }),
  );
  const phone = (name: string) => ({ display: content.facts.phones[name], uri: telUri(content.facts.phones[name]) });
  return { mode: chatMode(config), language: config.DEFAULT_LANGUAGE, texts, phones: { emergency: phone('emergency'), pitstop: phone('pitstop') } };
}

/** Writes each known script's and stylesheet's version into the page's addresses of it: "/chat.js?v=…". */
export function versionedAddresses(html: string, versions: ReadonlyMap<string, string>): string {
  return html.replace(/\b(src|href)="(\/[\w./-]+)"/g, (attribute, name: string, route: string) => {
    const version = versions.get(route);
    return version ? `${name}="${route}?v=${version}"` : attribute;
  });
}

/** The version a request asks for ("?v=…"), if any. */
function versionAsked(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://localhost').searchParams.get('v');
  } catch {
    return null;
  }
}

/** Whether If-None-Match names this tag: one of a list, weak or not, or "*". */
export function etagMatches(header: string | undefined, etag: string): boolean {
  return (header ?? '').split(',').some((tag) => ['*', etag].includes(tag.trim().replace(/^W\//, '')));
}

function securityHeaders(res: restify.Response, config: Config): void {
  const directLine = config.DIRECT_LINE_SECRET ? ` ${config.DIRECT_LINE_ENDPOINT} ${config.DIRECT_LINE_ENDPOINT.replace(/^http/, 'ws')}` : '';
  res.header(
    'content-security-policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      // Web Chat injects its styles at run time.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      `connect-src 'self'${directLine}`,
      `frame-ancestors ${config.FRAME_ANCESTORS}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
  );
  res.header('x-content-type-options', 'nosniff');
  res.header('referrer-policy', 'no-referrer');
}

/** The chat page, Web Chat served from the npm package (never a CDN), and the Direct Line token exchange. */
export function registerChatPage(server: restify.Server, deps: ChatPageDeps): void {
  const root = projectRoot();
  const page = pageConfig(deps);
  const configBody = JSON.stringify(page);

  const defaultLanguage = deps.config.DEFAULT_LANGUAGE;
  // Each script's and stylesheet's version (its content's hash), written into the pages' addresses of it.
  const versions = new Map<string, string>();
  const compressed = new HashedFileCache(cacheDir('static'), '.z');
  const serve = (route: string, content: Buffer, type: string): void => {
    const html = type.startsWith('text/html');
    const served = new StaticFile(html ? Buffer.from(versionedAddresses(content.toString('utf8'), versions)) : content, type, compressed);
    if (!html) versions.set(route, served.version);
    // restify async handlers must return nothing.
    const handler = async (req: restify.Request, res: restify.Response): Promise<void> => {
      securityHeaders(res, deps.config);
      // A versioned address always has the same bytes: kept for a year. Pages and unversioned addresses are
      // checked again each time (an ETag makes that a 304).
      res.header('cache-control', !html && versionAsked(req.url) === served.version ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.header('vary', 'accept-encoding');
      const { coding, body } = await served.bodyFor(req.header('accept-encoding'));
      // Each coding is its own representation, with its own tag.
      const etag = served.etagFor(coding);
      res.header('etag', etag);
      if (etagMatches(req.header('if-none-match'), etag)) {
        res.sendRaw(304, '');
        return;
      }
      // To a HEAD request Node sends these headers, the body's length included, and no body.
      res.sendRaw(200, body, { 'content-type': type, 'content-length': String(body.length), ...(coding === 'identity' ? {} : { 'content-encoding': coding }) });
    };
    server.get(route, handler);
    server.head(route, handler);
  };

  // The chat page's style is written into it: a stylesheet holds back the first paint, and fetching it
  // costs a round trip (0.56 s on a slow phone connection) before any of the page's words can be read.
  const style = `<style>${readFileSync(path.join(root, STATIC_FILES['/chat.css'].file), 'utf8')}</style>`;
  // The page last: the scripts' versions are written into it.
  for (const [route, { file, type }] of Object.entries(STATIC_FILES).sort(([a], [b]) => Number(a === '/') - Number(b === '/'))) {
    const bytes = readFileSync(path.join(root, file));
    if (route !== '/') serve(route, bytes, type);
    else {
      const html = renderPage(bytes.toString('utf8'), defaultLanguage, page.texts[defaultLanguage], page.phones, configBody).replace(
        '<link rel="stylesheet" href="/chat.css" />',
        () => style,
      );
      serve(route, Buffer.from(html), type);
    }
  }
  const infoTemplate = readFileSync(path.join(root, INFO_PAGE_TEMPLATE), 'utf8');
  for (const name of INFO_PAGE_NAMES) {
    for (const language of LANGUAGES) {
      const input = { page: name, language, defaultLanguage, t: deps.translator(language), locale: deps.content.locales[language], phones: page.phones };
      serve(INFO_PAGES[name][language], Buffer.from(renderInfoPage(infoTemplate, input)), 'text/html; charset=utf-8');
    }
  }
  const sourceInput = (language: (typeof LANGUAGES)[number]) => ({
    language,
    defaultLanguage,
    t: deps.translator(language),
    locale: deps.content.locales[language],
    phones: page.phones,
  });
  for (const { route, html } of renderSourcePages(infoTemplate, deps.sources, sourceInput)) serve(route, Buffer.from(html), 'text/html; charset=utf-8');
  // The staff page exists only where the staff endpoints do (STAFF_TOKEN set); its scripts before it, for their versions.
  if (deps.config.STAFF_TOKEN) {
    serve('/staff.js', readFileSync(path.join(root, 'public/staff.js')), 'text/javascript; charset=utf-8');
    serve('/staff.css', readFileSync(path.join(root, 'public/staff.css')), 'text/css; charset=utf-8');
    const staffHtml = staffPageHtml(readFileSync(path.join(root, STATIC_FILES['/'].file), 'utf8'), readFileSync(path.join(root, STAFF_PANEL), 'utf8'));
    for (const language of LANGUAGES) {
      const staffConfig = staffPageConfig({ page, locales: deps.content.locales, defaultLanguage }, language);
      const html = renderPage(
        fillStaffLinks(staffHtml, language, defaultLanguage),
        language,
        staffConfig.texts[language],
        page.phones,
        JSON.stringify(staffConfig),
      );
      serve(
        staffHref(language, defaultLanguage),
        Buffer.from(html.replace('<link rel="stylesheet" href="/chat.css" />', () => style)),
        'text/html; charset=utf-8',
      );
    }
  }

  server.get('/favicon.ico', (_req, res, next) => {
    res.send(204);
    return next();
  });

  server.get('/chat-config.json', (_req, res, next) => {
    res.header('cache-control', 'no-store');
    res.sendRaw(200, configBody, { 'content-type': 'application/json; charset=utf-8' });
    return next();
  });

  // restify async handlers must return nothing; each branch sends and then returns.
  // One window for every visitor: tokens cost Azure Direct Line quota, and no visitor is told apart.
  const tokens = new ConversationRateLimiter(deps.config.DIRECT_LINE_TOKENS_PER_MINUTE, deps.now);
  server.get('/api/directline/token', async (_req, res) => {
    res.header('cache-control', 'no-store');
    const unavailable = { error: 'direct_line_unavailable', message: 'Could not get a chat token.' };
    if (!deps.config.DIRECT_LINE_SECRET) {
      res.send(404, { error: 'not_configured', message: 'Direct Line is not configured.' });
      return;
    }
    const allowance = tokens.take('all visitors');
    if (allowance !== 'ok') {
      if (allowance === 'first_over') deps.logger.warn({ event: 'direct_line_tokens_throttled', perMinute: deps.config.DIRECT_LINE_TOKENS_PER_MINUTE });
      res.header('retry-after', '60');
      res.send(429, { error: 'too_many_requests', message: 'Too many chats are starting. Try again in a minute.' });
      return;
    }
    // A random id per visit: Direct Line ids starting "dl_" cannot be impersonated by other clients.
    const userId = `dl_${randomBytes(16).toString('hex')}`;
    try {
      const response = await fetch(`${deps.config.DIRECT_LINE_ENDPOINT}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deps.config.DIRECT_LINE_SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(10_000),
      });
      const { token, expires_in: expiresIn } = response.ok ? ((await response.json()) as { token?: unknown; expires_in?: unknown }) : {};
      if (typeof token === 'string') res.send(200, { token, userId, expiresIn });
      else res.send(502, unavailable);
    } catch {
      res.send(502, unavailable);
    }
    deps.logger.info({ event: 'direct_line_token', status: res.statusCode });
  });
}
