import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
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

/** Reads and validates every content file; throws one ContentError listing all problems. */
export function loadContent(dir: string): Content {
  const files = filesIn(dir);
  const content = readContentFiles(files);
  const problems = [...unlistedTopicFiles(files, content), ...locateContentProblems(content)].map(describeProblem);
  if (problems.length > 0) throw new ContentError(`Invalid content:\n- ${problems.join('\n- ')}`);
  return content;
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
    readingRules: commandsFile.readingRules,
    guideAnswerCues: commandsFile.guideAnswerCues,
    audienceCues: commandsFile.audienceCues,
    aspectCues: commandsFile.aspectCues,
    crisis: read(CONTENT_FILES.crisis, crisisFileSchema),
    crisisExamples: read(CONTENT_FILES.crisisExamples, crisisExamplesFileSchema).messages,
    examples: perLanguage((language) => read(CONTENT_FILES.examples(language), examplesFileSchema)),
    messages: perLanguage((language) => read(CONTENT_FILES.messages(language), examplesFileSchema)),
    locales: splitBilingual(texts),
  };
}
