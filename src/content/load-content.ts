import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { recordOf } from '../base/records';
import type { Content } from './content';
import {
  commandsFileSchema,
  examplesFileSchema,
  factsSchema,
  LANGUAGES,
  type Language,
  localeTreeSchema,
  sourcesFileSchema,
  topicsFileSchema,
} from './content-schema';
import { crisisExamplesFileSchema, crisisFileSchema } from './crisis-schema';
import { factVariables } from './fact-variables';
import { validateContent } from './validate-content';

export type { Content } from './content';

export class ContentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContentError';
  }
}

function readJson<T>(dir: string, relative: string, schema: z.ZodType<T>): T {
  const file = path.join(dir, relative);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
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

/** Reads one content file (path relative to the content folder) and checks it against its schema. */
export type ContentFileReader = <T>(relative: string, schema: z.ZodType<T>) => T;

/** Reads and validates every content file; throws one ContentError listing all problems. */
export function loadContent(dir: string): Content {
  const content = readContentFiles((relative, schema) => readJson(dir, relative, schema));
  const problems = validateContent(content);
  if (problems.length > 0) throw new ContentError(`Invalid content:\n- ${problems.join('\n- ')}`);
  return content;
}

/** The content as its files give it, before the cross-file checks; `read` decides how a file is read (content:check keeps line numbers). */
export function readContentFiles(read: ContentFileReader): Content {
  const facts = read('facts.json', factsSchema);
  const topicsFile = read('topics.json', topicsFileSchema);
  const commandsFile = read('commands.json', commandsFileSchema);
  return {
    facts,
    variables: factVariables(facts),
    topics: topicsFile.topics,
    topicById: new Map(topicsFile.topics.map((topic) => [topic.id, topic])),
    welcomeTopics: topicsFile.welcomeTopics,
    helpTopics: topicsFile.helpTopics,
    documents: read('sources.json', sourcesFileSchema).documents,
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
    crisis: read('crisis.json', crisisFileSchema),
    crisisExamples: read('crisis-examples.json', crisisExamplesFileSchema).messages,
    examples: perLanguage((language) => read(`examples/${language}.json`, examplesFileSchema)),
    messages: perLanguage((language) => read(`examples/messages-${language}.json`, examplesFileSchema)),
    locales: perLanguage((language) => read(`locales/${language}.json`, localeTreeSchema)),
  };
}
