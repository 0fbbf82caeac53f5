import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../base/project-paths';
import type { SourceRef, Topic } from '../content/content-schema';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lowercase snake_case');
const lineRange = z
  .tuple([z.number().int().min(1), z.number().int().min(1)])
  .refine(([from, to]) => from <= to, 'a range runs from its first line to its last');

const sectionSchema = z.object({ lines: lineRange, begins: z.string().min(1), heading: z.string().min(1) }).strict();
const supersededSchema = z.object({ lines: lineRange, begins: z.string().min(1), inForce: id }).strict();

const documentSchema = z
  .object({
    file: z.string().regex(/^[a-z0-9-]+\.txt$/),
    /** The name the document had among the project's seed files, for provenance. */
    seed: z.string().min(1),
    /** Of the seed file as delivered: the copy here is byte for byte the same (a test checks). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    title: z.string().min(1),
    publisher: z.string().min(1),
    year: z.string().min(4),
    dated: z.string().min(1),
    sections: z.record(id, sectionSchema),
    /** Passages the document holds twice: this earlier wording is replaced by the later one in `inForce`. */
    superseded: z.array(supersededSchema),
    notes: z.array(z.string().min(1)),
  })
  .strict();

export const sourceIndexSchema = z
  .object({
    /** Where documents differ, the first of these that speaks wins. */
    precedence: z.array(id),
    documents: z.record(id, documentSchema),
  })
  .strict();

export type SourceDocumentInfo = z.infer<typeof documentSchema>;

/** A run of the document's lines: a named section (with an anchor) or an earlier wording now replaced. */
export interface Passage {
  kind: 'section' | 'superseded';
  /** The section id, or for an earlier wording the section that replaces it. */
  id: string;
  from: number;
  to: number;
  children: Passage[];
}

export interface SourceDocument extends SourceDocumentInfo {
  id: string;
  /** The document's lines as extracted, line 1 first. */
  lines: string[];
  /** Top-level passages in order; sections nest where the document's do ("Typer af behandling" holds each type). */
  passages: Passage[];
}

export class SourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceError';
  }
}

export function defaultSourcesDir(): string {
  return path.join(projectRoot(), 'sources');
}

/** A line as it begins a passage: without the leading spaces and bullet the PDF extraction left. */
const lineStart = (line: string): string => line.replace(/^[\s\uf0b7•-]+/, '');

/** Nests passages by their line ranges; a passage that overlaps another without lying inside it is an error. */
function nest(passages: Passage[], where: string): Passage[] {
  const sorted = [...passages].sort((a, b) => a.from - b.from || b.to - a.to || (a.kind === 'section' ? -1 : 1));
  const roots: Passage[] = [];
  const open: Passage[] = [];
  for (const passage of sorted) {
    while (open.length > 0 && open[open.length - 1].to < passage.from) open.pop();
    const parent = open[open.length - 1];
    if (parent && passage.to > parent.to) {
      throw new SourceError(
        `${where}: ${passage.kind} "${passage.id}" (lines ${passage.from}-${passage.to}) overlaps "${parent.id}" (lines ${parent.from}-${parent.to}) without lying inside it`,
      );
    }
    (parent ? parent.children : roots).push(passage);
    open.push(passage);
  }
  return roots;
}

function checkStart(lines: string[], [from, to]: [number, number], begins: string, where: string): void {
  if (to > lines.length) throw new SourceError(`${where}: lines ${from}-${to}, but the document has ${lines.length} lines`);
  if (!lineStart(lines[from - 1]).startsWith(begins)) {
    throw new SourceError(`${where}: line ${from} should begin "${begins}" but reads "${lines[from - 1].trim().slice(0, 60)}"`);
  }
}

/** The documents the answers are drawn from, with their sections, read and checked once. */
export class SourceLibrary {
  readonly documents: ReadonlyMap<string, SourceDocument>;

  constructor(
    readonly precedence: string[],
    documents: SourceDocument[],
  ) {
    this.documents = new Map(documents.map((document) => [document.id, document]));
  }

  document(docId: string): SourceDocument | undefined {
    return this.documents.get(docId);
  }

  hasSection({ doc, section }: SourceRef): boolean {
    return this.documents.get(doc)?.sections[section] !== undefined;
  }

  /** The references no document here has a section for: each would be a link to nowhere. */
  missing(refs: Iterable<SourceRef>): SourceRef[] {
    const seen = new Set<string>();
    return [...refs].filter((ref) => {
      const key = `${ref.doc}#${ref.section}`;
      if (seen.has(key) || this.hasSection(ref)) return false;
      seen.add(key);
      return true;
    });
  }

  /**
   * A section's words in force, as one string: earlier wordings inside it left out, PDF hyphenation
   * undone and white space folded, so a phrase can be searched for.
   */
  inForceText({ doc, section }: SourceRef): string {
    const document = this.documents.get(doc);
    const passage = document && findPassage(document.passages, 'section', section);
    if (!document || !passage) throw new SourceError(`No section "${section}" in source "${doc}"`);
    const skipped = new Set<number>();
    const skip = (node: Passage): void => {
      if (node.kind === 'superseded') for (let line = node.from; line <= node.to; line++) skipped.add(line);
      node.children.forEach(skip);
    };
    passage.children.forEach(skip);
    const lines = document.lines.slice(passage.from - 1, passage.to).filter((_line, index) => !skipped.has(passage.from + index));
    return paragraphs(lines).join(' ');
  }
}

export function findPassage(passages: Passage[], kind: Passage['kind'], passageId: string): Passage | undefined {
  for (const passage of passages) {
    if (passage.kind === kind && passage.id === passageId) return passage;
    const inner = findPassage(passage.children, kind, passageId);
    if (inner) return inner;
  }
  return undefined;
}

/** Every section the content cites, once each: an answer's sources and its aspects' sources. */
export function citedSections(topics: readonly Topic[]): SourceRef[] {
  const all = topics.flatMap((topic) => [...topic.sources, ...Object.values(topic.aspects).flat()]);
  const seen = new Set<string>();
  return all.filter(({ doc, section }) => !seen.has(`${doc}#${section}`) && Boolean(seen.add(`${doc}#${section}`)));
}

/** Reads sources/index.json and every document it names; a range that does not begin where it says stops the start. */
export function loadSourceLibrary(dir: string = defaultSourcesDir()): SourceLibrary {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'));
  } catch (error) {
    throw new SourceError(`sources/index.json: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = sourceIndexSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SourceError(`sources/index.json:\n- ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n- ')}`, {
      cause: parsed.error,
    });
  }
  const documents = Object.entries(parsed.data.documents).map(([docId, info]): SourceDocument => {
    const where = `sources/index.json: ${docId}`;
    let text: string;
    try {
      text = readFileSync(path.join(dir, info.file), 'utf8');
    } catch (error) {
      throw new SourceError(`${where}: cannot read sources/${info.file}`, { cause: error });
    }
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    const passages: Passage[] = [];
    for (const [sectionId, section] of Object.entries(info.sections)) {
      checkStart(lines, section.lines, section.begins, `${where}, section "${sectionId}"`);
      passages.push({ kind: 'section', id: sectionId, from: section.lines[0], to: section.lines[1], children: [] });
    }
    for (const earlier of info.superseded) {
      const label = `${where}, earlier wording at line ${earlier.lines[0]}`;
      checkStart(lines, earlier.lines, earlier.begins, label);
      if (!info.sections[earlier.inForce]) throw new SourceError(`${label}: inForce names no section "${earlier.inForce}"`);
      passages.push({ kind: 'superseded', id: earlier.inForce, from: earlier.lines[0], to: earlier.lines[1], children: [] });
    }
    return { ...info, id: docId, lines, passages: nest(passages, where) };
  });
  for (const docId of parsed.data.precedence) {
    if (!parsed.data.documents[docId]) throw new SourceError(`sources/index.json: precedence names no document "${docId}"`);
  }
  return new SourceLibrary(parsed.data.precedence, documents);
}

/** Lines from a PDF's text as paragraphs: wrapped lines joined, hyphenation undone, page numbers left out. */
export function paragraphs(lines: string[]): string[] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line.trim().replace(/\uf0b7/g, '•'));
  }
  if (current.length > 0) blocks.push(current);
  const result: string[] = [];
  for (const block of blocks.map((blockLines) => blockLines.reduce(joinLine))) {
    if (/^\d{1,3}$/.test(block)) continue;
    const previous = result[result.length - 1];
    // A blank line inside a sentence (the policy's layout puts one after every line) does not end a paragraph.
    if (previous !== undefined && !/[.!?:]$/.test(previous) && /^\p{Ll}/u.test(block)) result[result.length - 1] = joinLine(previous, block);
    else result.push(block);
  }
  return result;
}

/** "behand- / ling" → "behandling"; "stof- / eller" keeps its hyphen (a word left out, not one broken). */
function joinLine(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after) && !/^(?:og|eller|samt|til)\b/.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}
