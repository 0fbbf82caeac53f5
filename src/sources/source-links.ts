import type { Language, SourceRef } from '../content/content-schema';

/** Where the source documents are read, per language: a list of them, and one page per document. */
export const SOURCE_PAGE_ROOTS: Record<Language, string> = { da: '/kilder', en: '/en/sources' };

export function sourcePagePath(doc: string, language: Language): string {
  return `${SOURCE_PAGE_ROOTS[language]}/${doc}`;
}

/** The link a citation carries: the document's page at the cited section's anchor. */
export function sourceHref({ doc, section }: SourceRef, language: Language): string {
  return `${sourcePagePath(doc, language)}#${section}`;
}
