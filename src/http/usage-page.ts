import { readFileSync } from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import { projectRoot } from '../base/project-paths';
import type { Language } from '../content/content-schema';

/** The usage page may run its own script and style and talk to this server only. */
function securityHeaders(res: restify.Response, frameAncestors: string): void {
  res.header(
    'content-security-policy',
    [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self'",
      "connect-src 'self'",
      `frame-ancestors ${frameAncestors}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
  );
  res.header('x-content-type-options', 'nosniff');
  res.header('referrer-policy', 'no-referrer');
  res.header('cache-control', 'no-cache');
}

/** The usage page's address in a language: Danish at /staff/usage, English under /en. */
export function usageHref(language: Language): string {
  return language === 'da' ? '/staff/usage' : `/${language}/staff/usage`;
}

/**
 * `GET /staff/usage` (Danish) and `/en/staff/usage` (English): the usage figures as charts, for staff.
 * The page itself holds nothing; its script signs in and fetches /staff/api/usage with the token.
 * Without a staff token the page does not exist.
 */
export function registerUsagePage(server: restify.Server, deps: { token?: string; frameAncestors: string }): void {
  if (!deps.token) return;
  const read = (name: string): string => readFileSync(path.join(projectRoot(), 'public', name), 'utf8');
  const html = read('usage.html');
  const pages: Record<string, string> = {
    [usageHref('da')]: html,
    [usageHref('en')]: html
      .replace('<html lang="da">', '<html lang="en">')
      .replace(
        `<a id="usage-other-language" href="${usageHref('en')}" lang="en" hreflang="en">English</a>`,
        `<a id="usage-other-language" href="${usageHref('da')}" lang="da" hreflang="da">Dansk</a>`,
      ),
  };
  for (const [route, body] of Object.entries(pages)) {
    server.get(route, (_req, res, next) => {
      securityHeaders(res, deps.frameAncestors);
      res.sendRaw(200, body, { 'content-type': 'text/html; charset=utf-8' });
      next();
    });
  }
  const files: Array<[string, string, string]> = [
    ['/usage.js', read('usage.js'), 'text/javascript; charset=utf-8'],
    ['/usage.css', read('usage.css'), 'text/css; charset=utf-8'],
  ];
  for (const [route, body, type] of files) {
    server.get(route, (_req, res, next) => {
      securityHeaders(res, deps.frameAncestors);
      res.sendRaw(200, body, { 'content-type': type });
      next();
    });
  }
}
