import { LANGUAGES, type Language, type LocaleTree } from '../content/content-schema';
import type { Translate } from '../content/i18n';

export const INFO_PAGE_NAMES = ['privacy', 'accessibility'] as const;
export type InfoPage = (typeof INFO_PAGE_NAMES)[number];

/** The service's own pages (privacy, accessibility statement), each at one address per language. */
export const INFO_PAGES: Record<InfoPage, Record<Language, string>> = {
  privacy: { da: '/privatliv', en: '/en/privacy' },
  accessibility: { da: '/tilgaengelighed', en: '/en/accessibility' },
};

export type PagePhones = Record<'emergency' | 'pitstop', { display: string; uri: string }>;

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The chat page in a language: the default language at "/", the other through "?lang=". */
export function chatHref(language: Language, defaultLanguage: Language): string {
  return language === defaultLanguage ? '/' : `/?lang=${language}`;
}

// Only links the texts themselves write: phone numbers (from facts), https and this site's own paths.
const LINK = /\[([^\]]+)\]\(((?:tel:\+?\d+|https:\/\/[^\s)]+|\/[^\s)]*))\)/g;

/** **bold** and [text](url) in a line that is already escaped. */
function inline(escaped: string): string {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(LINK, (_link, text: string, href: string) => `<a href="${href}"${href.startsWith('tel:') ? ' class="phone"' : ''}>${text}</a>`);
}

/** The little Markdown the locale texts use: paragraphs, "- " lists (also right after a line of text), bold and links. */
export function textToHtml(text: string): string {
  const html: string[] = [];
  for (const block of text.split(/\n{2,}/)) {
    // Runs of list items and runs of plain lines, in order: "Tested:\n- with axe\n- by keyboard" is a paragraph and a list.
    const runs: Array<{ list: boolean; lines: string[] }> = [];
    for (const line of block.split('\n')) {
      const list = line.startsWith('- ');
      const last = runs.at(-1);
      if (last && last.list === list) last.lines.push(line);
      else runs.push({ list, lines: [line] });
    }
    for (const { list, lines } of runs) {
      const escaped = lines.map((line) => inline(escapeHtml(list ? line.slice(2) : line)));
      html.push(list ? `<ul>${escaped.map((line) => `<li>${line}</li>`).join('')}</ul>` : `<p>${escaped.join('<br>')}</p>`);
    }
  }
  return html.join('\n');
}

function subtree(tree: LocaleTree, key: string): LocaleTree | undefined {
  let node: string | LocaleTree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'object' ? node : undefined;
}

export interface InfoPageInput {
  page: InfoPage;
  language: Language;
  defaultLanguage: Language;
  t: Translate;
  /** The language's locale tree: the order of the page's sections is the order in the file. */
  locale: LocaleTree;
  phones: PagePhones;
}

/** What the frame around a page's text needs: the same header, 112 line and footer on every page. */
export interface PageFrame {
  language: Language;
  defaultLanguage: Language;
  t: Translate;
  phones: PagePhones;
  title: string;
  /** The same page in the other language. */
  otherHref: string;
  /** The service page this is, marked as the current one in the footer's links. */
  current?: InfoPage;
}

/** Draws a page's HTML (`main`, already escaped) into public/info-page.html. */
export function renderPageFrame(template: string, { language, defaultLanguage, t, phones, title, otherHref, current }: PageFrame, main: string): string {
  const other = LANGUAGES.find((candidate) => candidate !== language) ?? language;
  const values: Record<string, string> = {
    lang: language,
    otherLang: other,
    title,
    siteName: t('page.title'),
    chatHref: chatHref(language, defaultLanguage),
    otherHref,
    otherLanguage: t('pages.otherLanguage'),
    emergency: t('page.emergency'),
    emergencyUri: phones.emergency.uri,
    emergencyDisplay: phones.emergency.display,
    pitstopText: t('ui.buttons.callPitstop'),
    pitstopUri: phones.pitstop.uri,
    pitstopDisplay: phones.pitstop.display,
    linksLabel: t('pages.linksLabel'),
    backToChat: t('pages.backToChat'),
    privacyHref: INFO_PAGES.privacy[language],
    privacyLink: t('pages.privacy.link'),
    accessibilityHref: INFO_PAGES.accessibility[language],
    accessibilityLink: t('pages.accessibility.link'),
    privacyCurrent: current === 'privacy' ? ' aria-current="page"' : '',
    accessibilityCurrent: current === 'accessibility' ? ' aria-current="page"' : '',
  };
  // The page's text goes in last, so nothing in it is read as a placeholder; the *Current values are our own
  // attribute markup, every other value is escaped.
  return template
    .replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
      name in values ? (name.endsWith('Current') ? values[name] : escapeHtml(values[name])) : placeholder,
    )
    .replace('{{main}}', () => main);
}

/**
 * One of the service's pages, drawn into public/info-page.html: the same header, 112 line and footer as
 * the chat page, the words from the locale files (pages.*), and no script at all.
 */
export function renderInfoPage(template: string, { page, language, defaultLanguage, t, locale, phones }: InfoPageInput): string {
  const other = LANGUAGES.find((candidate) => candidate !== language) ?? language;
  const sections = Object.keys(subtree(locale, `pages.${page}.sections`) ?? {});
  const key = (name: string) => `pages.${page}.${name}`;
  const main = [
    `<h1>${escapeHtml(t(key('title')))}</h1>`,
    textToHtml(t(key('intro'))),
    ...sections.map((section) => `<h2>${escapeHtml(t(key(`sections.${section}.heading`)))}</h2>\n${textToHtml(t(key(`sections.${section}.text`)))}`),
  ].join('\n');
  return renderPageFrame(template, { language, defaultLanguage, t, phones, title: t(key('title')), otherHref: INFO_PAGES[page][other], current: page }, main);
}
