import { LANGUAGES, type Language, type LocaleTree } from '../content/content-schema';
import { escapeHtml, type PagePhones } from './info-pages';
import { usageHref } from './usage-page';

/** The staff page's address in a language: the default language's at /staff, the other's under its code. */
export function staffHref(language: Language, defaultLanguage: Language): string {
  return language === defaultLanguage ? '/staff' : `/${language}/staff`;
}

/** The words under pages.staff in a locale, by key: what staff.js draws the page's own parts with. */
export function staffTexts(locale: LocaleTree): Record<string, string> {
  const pages = locale.pages;
  const staff = typeof pages === 'object' ? pages.staff : undefined;
  if (typeof staff !== 'object') throw new Error('The locale has no pages.staff');
  return Object.fromEntries(Object.entries(staff).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Replaces the one place `marker` stands in html; a page that no longer has it is a mistake to catch at start. */
function once(html: string, marker: string, replacement: string): string {
  const at = html.indexOf(marker);
  if (at < 0 || html.indexOf(marker, at + marker.length) >= 0) throw new Error(`The chat page must hold "${marker}" exactly once for the staff page`);
  return html.slice(0, at) + replacement + html.slice(at + marker.length);
}

const AFTER_CHAT = '<!-- staff:after-chat -->';

/**
 * The chat page (public/index.html) as staff see it: the same chat, with a sign-in before it and the
 * tools after it (public/staff-panel.html), and staff.js in front of chat.js, which it starts once the
 * token is accepted. Built from the chat page itself, so the two cannot drift apart.
 */
export function staffPageHtml(indexHtml: string, panelHtml: string): string {
  const at = panelHtml.indexOf(AFTER_CHAT);
  if (at < 0) throw new Error(`public/staff-panel.html must hold "${AFTER_CHAT}"`);
  const before = panelHtml.slice(panelHtml.indexOf('-->') + 3, at).trim();
  const after = panelHtml.slice(at + AFTER_CHAT.length).trim();
  let html = once(indexHtml, '<body>', '<body class="staff-page">');
  html = once(
    html,
    '<link rel="stylesheet" href="/chat.css" />',
    '<link rel="stylesheet" href="/chat.css" />\n    <link rel="stylesheet" href="/staff.css" />',
  );
  html = once(html, '<script src="/chat.js" defer></script>', '<script src="/staff.js" data-src="/chat.js" defer></script>');
  html = once(html, '<main class="chat"', `${before}\n    <main class="chat"`);
  return once(html, '</main>', `</main>\n    ${after}`);
}

export interface StaffPageConfig {
  /** The chat page's own config (both languages' words, phones). */
  page: { language: Language; texts: Record<string, Record<string, string>>; phones: PagePhones };
  locales: Record<Language, LocaleTree>;
  defaultLanguage: Language;
}

/**
 * The page's config in each language: the chat's, talking to this server (the staff endpoint, whatever the
 * public page uses), titled for staff, with the staff words of both languages.
 */
export function staffPageConfig(
  { page, locales }: StaffPageConfig,
  language: Language,
): StaffPageConfig['page'] & { mode: 'local'; staffTexts: Record<string, Record<string, string>> } {
  const staff = Object.fromEntries(LANGUAGES.map((lang) => [lang, staffTexts(locales[lang])]));
  const texts = Object.fromEntries(LANGUAGES.map((lang) => [lang, { ...page.texts[lang], title: staff[lang].title }]));
  return { ...page, mode: 'local', language, texts, staffTexts: staff };
}

/** Fills the staff parts' own placeholders: the link to the page in the other language and to the usage figures. */
export function fillStaffLinks(html: string, language: Language, defaultLanguage: Language): string {
  const other = LANGUAGES.find((candidate) => candidate !== language) ?? language;
  return html
    .replace('{{staffOtherHref}}', () => escapeHtml(staffHref(other, defaultLanguage)))
    .replace(/\{\{staffOtherLang\}\}/g, () => other)
    .replace('{{staffUsageHref}}', () => escapeHtml(usageHref(language)));
}
