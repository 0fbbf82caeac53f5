import type { Language, LocaleTree } from '../content/content-schema';
import { LANGUAGES } from '../content/content-schema';
import type { Translate } from '../content/i18n';
import { textAt } from '../content/locale-tree';
import { type Passage, paragraphs, type SourceDocument, type SourceLibrary } from '../sources/source-library';
import { SOURCE_PAGE_ROOTS, sourcePagePath } from '../sources/source-links';
import { escapeHtml, type PagePhones, renderPageFrame } from './info-pages';

export interface SourcePageInput {
  language: Language;
  defaultLanguage: Language;
  t: Translate;
  /** The language's locale tree: document and section names as the answers cite them. */
  locale: LocaleTree;
  phones: PagePhones;
}

export interface RenderedPage {
  route: string;
  html: string;
}

/** The source pages' own style, after the chat's: marked earlier wordings, the cited section highlighted. */
export const SOURCE_STYLESHEET = '/sources.css';

const otherLanguage = (language: Language): Language => LANGUAGES.find((candidate) => candidate !== language) ?? language;

/** The document's name as the answers cite it in this language, else its own (Danish) title. */
function documentTitle(document: SourceDocument, locale: LocaleTree): { text: string; lang?: string } {
  const cited = textAt(locale, `sources.${document.id}.title`);
  return cited ? { text: cited } : { text: document.title, lang: 'da' };
}

function sectionTitle(document: SourceDocument, sectionId: string, locale: LocaleTree): { text: string; lang?: string } {
  const cited = textAt(locale, `sources.${document.id}.sections.${sectionId}`);
  return cited ? { text: cited } : { text: document.sections[sectionId].heading, lang: 'da' };
}

const langAttribute = (lang: string | undefined, pageLanguage: Language): string => (lang && lang !== pageLanguage ? ` lang="${lang}"` : '');

/** A run of the document's lines, with its sections and earlier wordings drawn in place. */
function renderLines(document: SourceDocument, from: number, to: number, children: Passage[], depth: number, input: SourcePageInput): string {
  const out: string[] = [];
  let line = from;
  const loose = (until: number): void => {
    if (until >= line) out.push(...paragraphs(document.lines.slice(line - 1, until)).map((text) => `<p>${escapeHtml(text)}</p>`));
  };
  for (const child of children) {
    loose(child.from - 1);
    out.push(renderPassage(document, child, depth, input));
    line = child.to + 1;
  }
  loose(to);
  return out.join('\n');
}

function renderPassage(document: SourceDocument, passage: Passage, depth: number, input: SourcePageInput): string {
  const inner = renderLines(document, passage.from, passage.to, passage.children, depth + 1, input);
  if (passage.kind === 'superseded') {
    return `<div class="superseded"><p class="superseded-label"${langAttribute(input.language, 'da')}>${escapeHtml(input.t('pages.sources.superseded'))}</p>\n${inner}\n</div>`;
  }
  const title = sectionTitle(document, passage.id, input.locale);
  const level = Math.min(depth + 2, 6);
  // The document's text is Danish; a heading in the page's language says so.
  return `<section id="${passage.id}" class="source-section" aria-labelledby="${passage.id}-heading">\n<h${level} id="${passage.id}-heading"${langAttribute(title.lang ?? input.language, 'da')}>${escapeHtml(title.text)}</h${level}>\n${inner}\n</section>`;
}

function contents(document: SourceDocument, passages: Passage[], input: SourcePageInput): string {
  const sections = passages.filter((passage) => passage.kind === 'section');
  if (sections.length === 0) return '';
  const items = sections.map((passage) => {
    const title = sectionTitle(document, passage.id, input.locale);
    return `<li><a href="#${passage.id}"${langAttribute(title.lang, input.language)}>${escapeHtml(title.text)}</a>${contents(document, passage.children, input)}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

/** One document's page: its title and date, a list of its sections, then its whole text with an anchor per section. */
export function renderSourcePage(template: string, document: SourceDocument, input: SourcePageInput): RenderedPage {
  const { language } = input;
  const title = documentTitle(document, input.locale);
  const toc = contents(document, document.passages, input);
  const main = [
    `<p class="breadcrumb"><a href="${SOURCE_PAGE_ROOTS[language]}">${escapeHtml(input.t('pages.sources.allDocuments'))}</a></p>`,
    `<h1${langAttribute(title.lang, language)}>${escapeHtml(title.text)}</h1>`,
    `<p class="source-meta" lang="da">${escapeHtml(document.title)}. ${escapeHtml(document.publisher)}. ${escapeHtml(document.dated)}</p>`,
    `<p>${escapeHtml(input.t('pages.sources.intro'))}</p>`,
    toc ? `<nav aria-labelledby="contents-heading"><h2 id="contents-heading">${escapeHtml(input.t('pages.sources.contents'))}</h2>${toc}</nav>` : '',
    `<div class="source-text" lang="da">\n${renderLines(document, 1, document.lines.length, document.passages, 0, input)}\n</div>`,
  ]
    .filter(Boolean)
    .join('\n');
  const frame = { ...input, title: title.text, otherHref: sourcePagePath(document.id, otherLanguage(language)) };
  return { route: sourcePagePath(document.id, language), html: withStylesheet(renderPageFrame(template, frame, main)) };
}

/** The list of every source document, with its year. */
export function renderSourceList(template: string, library: SourceLibrary, input: SourcePageInput): RenderedPage {
  const { language, t } = input;
  const items = [...library.documents.values()].map((document) => {
    const title = documentTitle(document, input.locale);
    return `<li><a href="${sourcePagePath(document.id, language)}"${langAttribute(title.lang, language)}>${escapeHtml(title.text)}</a> (${escapeHtml(document.year)})</li>`;
  });
  const main = [
    `<h1>${escapeHtml(t('pages.sources.listTitle'))}</h1>`,
    `<p>${escapeHtml(t('pages.sources.listIntro'))}</p>`,
    `<ul>${items.join('')}</ul>`,
  ].join('\n');
  const frame = { ...input, title: t('pages.sources.listTitle'), otherHref: SOURCE_PAGE_ROOTS[otherLanguage(language)] };
  return { route: SOURCE_PAGE_ROOTS[language], html: withStylesheet(renderPageFrame(template, frame, main)) };
}

/** Every source page in both languages. */
export function renderSourcePages(template: string, library: SourceLibrary, inputFor: (language: Language) => SourcePageInput): RenderedPage[] {
  return LANGUAGES.flatMap((language) => {
    const input = inputFor(language);
    return [renderSourceList(template, library, input), ...[...library.documents.values()].map((document) => renderSourcePage(template, document, input))];
  });
}

function withStylesheet(html: string): string {
  return html.replace('<link rel="stylesheet" href="/chat.css" />', (link) => `${link}\n    <link rel="stylesheet" href="${SOURCE_STYLESHEET}" />`);
}
