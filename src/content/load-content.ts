import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { cacheDir, HashedFileCache } from '../base/hashed-file-cache';
import { recordOf } from '../base/records';
import { splitBilingual } from './bilingual';
import type { Content } from './content';
import { CONTENT_FILES, textsFile, topicFile, YAML_EXTENSION } from './content-files';
import {
  type BilingualTree,
  bilingualTreeSchema,
  commandsFileSchema,
  examplesFileSchema,
  factsSchema,
  LANGUAGES,
  type Language,
  sourcesFileSchema,
  topicFileSchema,
  topicIndexSchema,
} from './content-schema';
import { folderDigest } from './content-version';
import { crisisExamplesFileSchema, crisisFileSchema } from './crisis-schema';
import { factVariables } from './fact-variables';
import { describeProblem, type LocatedProblem, locateContentProblems } from './validate-content';

export type { Content } from './content';

export class ContentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContentError';
  }
}

/**
 * The YAML parser, loaded when a file is first read from disk: a start whose parsed content is in the cache never
 * needs it, and loading it took ≈ 60 ms of every start (issue 15).
 */
function parseYaml(text: string): unknown {
  return (require('yaml') as typeof import('yaml')).parse(text);
}

function readFile<T>(dir: string, relative: string, schema: z.ZodType<T>): T {
  const file = path.join(dir, relative);
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = relative.endsWith(YAML_EXTENSION) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ContentError(`Cannot read content file ${relative}`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${relative} ${issue.path.join('.')}: ${issue.message}`);
    throw new ContentError(`Invalid content:\n- ${problems.join('\n- ')}`, { cause: parsed.error });
  }
  return parsed.data;
}

function perLanguage<T>(read: (language: Language) => T): Record<Language, T> {
  return recordOf(LANGUAGES, read);
}

/** How content files are read: `read` one file (path relative to the content folder) against its schema, `list` a folder's files. */
export interface ContentFiles {
  read<T>(relative: string, schema: z.ZodType<T>): T;
  list(relativeDir: string): string[];
}

function filesIn(dir: string): ContentFiles {
  return {
    read: (relative, schema) => readFile(dir, relative, schema),
    list: (relativeDir) => readdirSync(path.join(dir, relativeDir)).sort(),
  };
}

export function defaultContentCacheDir(): string {
  return cacheDir('content');
}

/**
 * What a file's parsed and validated form depends on besides its bytes: the code that parses and validates it
 * (this file and the schemas beside it, as they run: TypeScript in the tests, JavaScript when built) and the
 * parser's and validator's versions.
 */
function parsingCode(): string {
  const sources = ['load-content', 'content-schema', 'crisis-schema'].map((name) =>
    readFileSync(path.join(__dirname, `${name}${path.extname(__filename)}`), 'utf8'),
  );
  return [...sources, require('yaml/package.json').version, require('zod/package.json').version].join('\n');
}

const PARSING_CODE = parsingCode();

/**
 * Reads and validates every content file; throws one ContentError listing all problems. Parsing the YAML and
 * validating every file take a few hundred milliseconds of a start (README, Speed), so what they gave is kept in `cacheFolder` (by default
 * `.cache/content/`), named by a hash of every file in the folder and of the code that parses them: a start with
 * the same content and code reads it back in one piece; any change reads the files again. The checks across
 * files run either way. `digest` is the folder's (`folderDigest`), where the caller has it already.
 */
export function loadContent(dir: string, cacheFolder: string = defaultContentCacheDir(), digest: string = folderDigest(dir)): Content {
  const cache = new HashedFileCache(cacheFolder, '.json');
  const key = createHash('sha256').update(PARSING_CODE).update(digest).digest('hex').slice(0, 24);
  const stored = parsedFiles(cache.read('content', key));
  const parsed: Record<string, unknown> = {};
  const fromDisk = filesIn(dir);
  const files: ContentFiles = stored
    ? { read: (relative, schema) => (relative in stored ? (stored[relative] as never) : fromDisk.read(relative, schema)), list: fromDisk.list }
    : {
        read: (relative, schema) => {
          const data = fromDisk.read(relative, schema);
          parsed[relative] = data;
          return data;
        },
        list: fromDisk.list,
      };
  const content = readContentFiles(files);
  const problems = [...unlistedTopicFiles(files, content), ...locateContentProblems(content)].map(describeProblem);
  if (problems.length > 0) throw new ContentError(`Invalid content:\n- ${problems.join('\n- ')}`);
  if (!stored) cache.write('content', key, JSON.stringify(parsed));
  return content;
}

/** The stored files, or undefined where there are none or they cannot be read back. */
function parsedFiles(stored: Buffer | undefined): Record<string, unknown> | undefined {
  if (stored === undefined) return undefined;
  try {
    const files: unknown = JSON.parse(stored.toString('utf8'));
    return typeof files === 'object' && files !== null ? (files as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A topic file that topics.yaml does not list is never read: an editor who added one would wonder why it does nothing. */
export function unlistedTopicFiles(files: ContentFiles, content: Content): LocatedProblem[] {
  const listed = new Set(content.topics.map((topic) => topicFile(topic.id)));
  return files
    .list(CONTENT_FILES.topicDir)
    .map((name) => `${CONTENT_FILES.topicDir}/${name}`)
    .filter((file) => file.endsWith(YAML_EXTENSION) && !listed.has(file))
    .map((file) => ({ file, path: [], message: `not listed under "topics" in ${CONTENT_FILES.topicIndex}, so it is not read` }));
}

/** The content as its files give it, before the cross-file checks; `files` decides how a file is read (content:check keeps line numbers). */
export function readContentFiles(files: ContentFiles): Content {
  const read = files.read.bind(files);
  const facts = read(CONTENT_FILES.facts, factsSchema);
  const index = read(CONTENT_FILES.topicIndex, topicIndexSchema);
  const topicFiles = index.topics.map((id) => ({ id, ...read(topicFile(id), topicFileSchema) }));
  const topics = topicFiles.map(({ texts: _texts, ...topic }) => topic);
  const texts: BilingualTree = { topics: Object.fromEntries(topicFiles.map((topic) => [topic.id, topic.texts])) };
  for (const name of files.list(CONTENT_FILES.textsDir).filter((file) => file.endsWith(YAML_EXTENSION))) {
    const section = name.slice(0, -YAML_EXTENSION.length);
    texts[section] = read(textsFile(section), bilingualTreeSchema);
  }
  const commandsFile = read(CONTENT_FILES.commands, commandsFileSchema);
  return {
    facts,
    variables: factVariables(facts),
    topics,
    topicById: new Map(topics.map((topic) => [topic.id, topic])),
    welcomeTopics: index.welcomeTopics,
    helpTopics: index.helpTopics,
    staffTopics: index.staffTopics,
    documents: read(CONTENT_FILES.sources, sourcesFileSchema).documents,
    commands: commandsFile.commands,
    socialFillers: commandsFile.socialFillers,
    ellipsisCues: commandsFile.ellipsisCues,
    compareCues: commandsFile.compareCues,
    notInDocumentsCues: commandsFile.notInDocumentsCues,
    familyOfWriterCues: commandsFile.familyOfWriterCues,
    ownUseCues: commandsFile.ownUseCues,
    beyondCounsellingCues: commandsFile.beyondCounsellingCues,
    anonymityCues: commandsFile.anonymityCues,
    legalBasisCues: commandsFile.legalBasisCues,
    talksForRelativeCues: commandsFile.talksForRelativeCues,
    subjectScopeCues: commandsFile.subjectScopeCues,
    likenessCues: commandsFile.likenessCues,
    topicEvidenceCues: commandsFile.topicEvidenceCues,
    pitstopNames: commandsFile.pitstopNames,
    askAgainCues: commandsFile.askAgainCues,
    helpForWriterCues: commandsFile.helpForWriterCues,
    vowellessWords: commandsFile.vowellessWords,
    readingRules: commandsFile.readingRules,
    guideAnswerCues: commandsFile.guideAnswerCues,
    audienceCues: commandsFile.audienceCues,
    aspectCues: commandsFile.aspectCues,
    bareAspectCues: commandsFile.bareAspectCues,
    crisis: read(CONTENT_FILES.crisis, crisisFileSchema),
    crisisExamples: read(CONTENT_FILES.crisisExamples, crisisExamplesFileSchema).messages,
    examples: perLanguage((language) => read(CONTENT_FILES.examples(language), examplesFileSchema)),
    messages: perLanguage((language) => read(CONTENT_FILES.messages(language), examplesFileSchema)),
    learnt: read(CONTENT_FILES.learnt, examplesFileSchema),
    locales: splitBilingual(texts),
  };
}
