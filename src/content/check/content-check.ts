import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { cachedClassifier, defaultModelCacheDir } from '../../nlu/model-cache';
import { trainingExamples } from '../../nlu/recognizer';
import { fold } from '../../text/fold';
import { CONTENT_FILES, textLocation, YAML_EXTENSION } from '../content-files';
import { LANGUAGES, type Language } from '../content-schema';
import { type Content, type ContentFiles, readContentFiles, unlistedTopicFiles } from '../load-content';
import { flattenLocale } from '../locale-tree';
import { locateContentProblems } from '../validate-content';
import { isAnswerKey, visibleText } from './answer-text';
import { parseJsonWithPositions } from './json-positions';
import { DocumentSyntaxError, type PositionedDocument } from './positioned-document';
import { type Lix, lixOf } from './readability';
import { writtenFacts } from './written-facts';
import { parseYamlWithPositions } from './yaml-positions';

export type Severity = 'error' | 'warning';

export type FindingKind =
  | 'syntax'
  | 'duplicate-key'
  | 'schema'
  | 'empty'
  | 'content'
  | 'too-long'
  | 'conflicting-phrase'
  | 'duplicate-phrase'
  | 'misrouted-phrase'
  | 'readability'
  | 'written-fact'
  | 'yaml-slip';

export interface Finding {
  severity: Severity;
  kind: FindingKind;
  /** Relative to the content folder, e.g. "topics/guarantee.yaml". */
  file: string;
  line: number;
  message: string;
  /**
   * What a warning is about, in words that stay when lines move or the model retrains ("complaints: hvor
   * klager man"): the key by which it can be accepted (check-accepted.yaml). Only warnings have one.
   */
  subject?: string;
  /** A warning a person looked at and accepted (listed in check-accepted.yaml): shown only with --all. */
  accepted?: boolean;
}

export interface ReadabilityEntry {
  key: string;
  file: string;
  line: number;
  readability: Lix;
  overLimit: boolean;
}

export interface CheckResult {
  findings: Finding[];
  /** Every Danish answer's LIX, hardest first; empty when the content could not be read. */
  readability: ReadabilityEntry[];
}

/**
 * The limits the README explains. 700 characters: what a 360 px wide phone shows of an answer between
 * the chat's header and its buttons (about 18 lines of 40 characters), leaving room for the line naming
 * what is answered and the source line. LIX 45: the top of "medium" (a newspaper); above it is the
 * "hard" band of official documents, which is what these answers rewrite for citizens.
 */
export const CHECK_LIMITS = { answerCharacters: 700, lix: 45 };

export interface CheckOptions {
  /** Where the trained model is cached; a checked copy of the content should not crowd the project's cache. */
  modelCacheDir?: string;
}

/** Thrown by the reader when a file does not read: its findings are recorded, the cross-file checks cannot run. */
class UnreadableFile extends Error {}

export function checkContent(dir: string, options: CheckOptions = {}): CheckResult {
  const findings: Finding[] = [];
  const add: Add = (severity, kind, file, line, message, subject) => {
    findings.push({ severity, kind, file, line, message, ...(subject !== undefined && { subject }) });
  };
  const onDisk = contentFiles(dir);
  const documents = readDocuments(dir, onDisk, add);

  const read = <T>(relative: string, schema: z.ZodType<T>): T => {
    const document = documents.get(relative);
    if (!document) {
      // A topic listed in topics.yaml without its file is most often a misspelt id: name the list's line.
      const listed = relative.startsWith(`${CONTENT_FILES.topicDir}/`) && !onDisk.includes(relative) && documents.get(CONTENT_FILES.topicIndex);
      if (listed) {
        const id = path.basename(relative, YAML_EXTENSION);
        const position = (listed.value as { topics?: unknown[] }).topics?.indexOf(id) ?? -1;
        add(
          'error',
          'content',
          CONTENT_FILES.topicIndex,
          listed.lineOf(['topics', String(position)]),
          `"${id}" has no file ${relative}: a misspelt id, or the file is missing`,
        );
      }
      throw new UnreadableFile(relative);
    }
    const blanks = blankTexts(document.value);
    blanks.forEach((blank) =>
      add(
        'error',
        'empty',
        relative,
        document.lineOf(blank),
        `"${blank.join('.')}" is empty: write the text (or, if it is not needed, remove it in every language)`,
      ),
    );
    // Blank texts are reported above; read with a stand-in so every other check still runs.
    const parsed = schema.safeParse(withoutBlanks(document.value));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.map(String);
        add('error', 'schema', relative, document.lineOf(where), `${where.join('.') || '(the file)'}: ${issue.message}`);
      }
      throw new UnreadableFile(relative);
    }
    return parsed.data;
  };

  const files: ContentFiles = {
    read,
    list: (relativeDir) => onDisk.filter((file) => path.dirname(file) === relativeDir).map((file) => path.basename(file)),
  };
  let content: Content;
  try {
    content = readContentFiles(files);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const reported = findings.some((finding) => finding.file === error.message || finding.message.includes(error.message));
    if (!reported) add('error', 'syntax', error.message, 1, 'the file is missing or does not read');
    return { findings: sorted(findings), readability: [] };
  }

  const lineOf = (file: string, where: readonly string[]): number => documents.get(file)?.lineOf(where) ?? 1;
  for (const problem of [...unlistedTopicFiles(files, content), ...locateContentProblems(content)]) {
    add('error', 'content', problem.file, lineOf(problem.file, problem.path), problem.message);
  }
  const readability = checkAnswers(content, lineOf, add);
  checkWrittenFacts(content, lineOf, add);
  checkPhrases(content, lineOf, add, options.modelCacheDir ?? defaultModelCacheDir());
  return { findings: markAccepted(sorted(findings), documents.get(CONTENT_FILES.checkAccepted)?.value), readability };
}

type Add = (severity: Severity, kind: FindingKind, file: string, line: number, message: string, subject?: string) => void;
type LineOf = (file: string, where: readonly string[]) => number;

function readDocuments(dir: string, files: string[], add: Add): Map<string, PositionedDocument> {
  const documents = new Map<string, PositionedDocument>();
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
    try {
      const document = file.endsWith(YAML_EXTENSION) ? parseYamlWithPositions(text) : parseJsonWithPositions(text);
      document.duplicateKeys.forEach((duplicate) =>
        add(
          'error',
          'duplicate-key',
          file,
          duplicate.line,
          `"${duplicate.path.join('.')}" is written twice (also line ${duplicate.firstLine}); only the last one counts`,
        ),
      );
      document.slips.forEach((slip) => add('warning', 'yaml-slip', file, slip.line, slip.message));
      documents.set(file, document);
    } catch (error) {
      if (!(error instanceof DocumentSyntaxError)) throw error;
      add('error', 'syntax', file, error.line, error.message);
    }
  }
  return documents;
}

function contentFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return contentFiles(dir, relative);
      return entry.name.endsWith('.json') || entry.name.endsWith(YAML_EXTENSION) ? [relative] : [];
    });
}

/** Texts that are empty: "" or blanks, or nothing at all after a name ("en:" alone reads as null). */
function blankTexts(value: unknown, where: string[] = []): string[][] {
  if (value === null) return [where];
  if (typeof value === 'string') return value.trim() === '' ? [where] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => blankTexts(item, [...where, String(index)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => blankTexts(item, [...where, key]));
  return [];
}

function withoutBlanks(value: unknown): unknown {
  if (value === null) return '(empty)';
  if (typeof value === 'string') return value.trim() === '' ? '(empty)' : value;
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutBlanks(item)]));
  return value;
}

function checkAnswers(content: Content, lineOf: LineOf, add: Add): ReadabilityEntry[] {
  const readability: ReadabilityEntry[] = [];
  for (const language of LANGUAGES) {
    for (const [key, text] of flattenLocale(content.locales[language])) {
      if (!isAnswerKey(key)) continue;
      const { file, path: where } = textLocation(language, key);
      const line = lineOf(file, where);
      const shown = visibleText(text, content.variables).trim();
      if (shown.length > CHECK_LIMITS.answerCharacters) {
        add(
          'error',
          'too-long',
          file,
          line,
          `"${key}" shows ${shown.length} characters; a phone screen holds about ${CHECK_LIMITS.answerCharacters}: shorten it, or move details into an aspect answer`,
        );
      }
      if (language !== 'da') continue;
      const lix = lixOf(shown);
      const overLimit = lix.lix > CHECK_LIMITS.lix;
      if (overLimit) {
        add(
          'warning',
          'readability',
          file,
          line,
          `"${key}" has LIX ${lix.lix} (limit ${CHECK_LIMITS.lix}): ${lix.words} words in ${lix.sentences} sentences, ${lix.longWords} long words; use shorter sentences and everyday words`,
          // With its LIX: a text changed since it was accepted is looked at again.
          `${key}: LIX ${lix.lix}`,
        );
      }
      readability.push({ key, file, line, readability: lix, overLimit });
    }
  }
  return readability.sort((a, b) => b.readability.lix - a.readability.lix || a.key.localeCompare(b.key));
}

interface Phrase {
  text: string;
  label: string;
  language: Language;
  file: string;
  line: number;
}

function phrasesOf(content: Content, lineOf: LineOf): Phrase[] {
  return LANGUAGES.flatMap((language) =>
    (
      [
        [CONTENT_FILES.examples(language), content.examples[language]],
        [CONTENT_FILES.messages(language), content.messages[language]],
      ] as const
    ).flatMap(([file, byLabel]) =>
      Object.entries(byLabel).flatMap(([label, texts]) =>
        texts.map((text, index) => ({ text, label, language, file, line: lineOf(file, [label, String(index)]) })),
      ),
    ),
  );
}

function checkPhrases(content: Content, lineOf: LineOf, add: Add, modelCacheDir: string): void {
  const phrases = phrasesOf(content, lineOf);
  // One model learns both languages, folded: the same folded text under two labels teaches it both.
  const first = new Map<string, Phrase>();
  for (const phrase of phrases) {
    const folded = fold(phrase.text);
    const earlier = first.get(folded);
    if (!earlier) {
      first.set(folded, phrase);
    } else if (earlier.label !== phrase.label) {
      add(
        'error',
        'conflicting-phrase',
        phrase.file,
        phrase.line,
        `"${phrase.text}" is taught as "${phrase.label}" here and as "${earlier.label}" in ${earlier.file}:${earlier.line}: keep it under one label`,
      );
    } else if (earlier.language === phrase.language) {
      // The same word in both languages ("detox") belongs in each language's list; twice in one is a slip.
      add(
        'warning',
        'duplicate-phrase',
        phrase.file,
        phrase.line,
        `"${phrase.text}" reads the same as "${earlier.text}" (${earlier.file}:${earlier.line}, "${phrase.label}"); the model folds æ/ø/å and case, so it only counts twice: keep one`,
        `${phrase.label}: ${phrase.text}`,
      );
    }
  }

  const classifier = cachedClassifier('topics', trainingExamples(content), modelCacheDir);
  for (const phrase of phrases) {
    const predictions = classifier.predict(phrase.text);
    const best = predictions[0];
    if (!best || best.label === phrase.label) continue;
    const own = predictions.find((prediction) => prediction.label === phrase.label)?.probability ?? 0;
    add(
      'warning',
      'misrouted-phrase',
      phrase.file,
      phrase.line,
      `"${phrase.text}" is taught as "${phrase.label}" but the trained model reads it as "${best.label}" (${percent(best.probability)} against ${percent(own)}): make it more specific, or move it`,
      `${phrase.label}: ${phrase.text}`,
    );
  }
}

const percent = (probability: number): string => `${Math.round(100 * probability)} %`;

function checkWrittenFacts(content: Content, lineOf: LineOf, add: Add): void {
  for (const { language, key, written, fact, sure } of writtenFacts(content)) {
    const { file, path: where } = textLocation(language, key);
    const text = `"${where.join('.')}"`;
    const reaches = `so a change in ${CONTENT_FILES.facts} reaches this text too`;
    const line = lineOf(file, where);
    if (fact === undefined) {
      add(
        'error',
        'written-fact',
        file,
        line,
        `${text} writes the phone number "${written}", which is no fact: add it under phones in ${CONTENT_FILES.facts} and write {{phone_<name>}}`,
      );
    } else if (sure) {
      add('error', 'written-fact', file, line, `${text} writes "${written}" itself: write ${fact}, ${reaches}`);
    } else {
      add('warning', 'written-fact', file, line, `${text} writes "${written}": if that is the fact, write ${fact}, ${reaches}`, `${key}: ${written}`);
    }
  }
}

/** Warnings accepted earlier, as check-accepted.yaml lists them (kind, file, subject). */
export const acceptedFileSchema = z
  .object({ accepted: z.array(z.object({ kind: z.string(), file: z.string(), subject: z.string() }).strict()).default([]) })
  .strict();

const acceptanceKey = (finding: { kind: string; file: string; subject?: string }): string => `${finding.kind}\u0000${finding.file}\u0000${finding.subject}`;

function markAccepted(findings: Finding[], acceptedFile: unknown): Finding[] {
  const parsed = acceptedFileSchema.safeParse(acceptedFile ?? {});
  const accepted = new Set((parsed.success ? parsed.data.accepted : []).map(acceptanceKey));
  return findings.map((finding) =>
    finding.severity === 'warning' && finding.subject !== undefined && accepted.has(acceptanceKey(finding)) ? { ...finding, accepted: true } : finding,
  );
}

/** check-accepted.yaml listing every warning found now: what `content:check -- --accept` writes. */
export function acceptedFileText(findings: Finding[]): string {
  const entries = findings
    .filter((finding) => finding.severity === 'warning' && finding.subject !== undefined)
    .map(({ kind, file, subject }) => ({ kind, file, subject: subject as string }));
  return `# Warnings of npm run content:check that a person looked at and accepted: the check shows them only with
# -- --all. npm run content:check -- --accept rewrites this list from the warnings found now, so accept only
# after reading them. Each is named by its kind, its file and what it is about (not its line, which moves).
${stringifyYaml({ accepted: entries }, { lineWidth: 0 })}`;
}

/** In the order of the files and lines, each finding once (two checks may find the same text missing). */
function sorted(findings: Finding[]): Finding[] {
  const unique = new Map(findings.map((finding) => [`${finding.file}\u0000${finding.line}\u0000${finding.kind}\u0000${finding.message}`, finding]));
  return [...unique.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message));
}
