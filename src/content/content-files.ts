import type { Language } from './content-schema';

/**
 * Where each part of the content is written, relative to the content folder. Texts and topics are YAML,
 * for people to edit (comments, Danish and English side by side); recognition data stays JSON.
 */
export const CONTENT_FILES = {
  facts: 'facts.yaml',
  topicIndex: 'topics.yaml',
  topicDir: 'topics',
  textsDir: 'texts',
  sources: 'sources.json',
  commands: 'commands.json',
  crisis: 'crisis.json',
  crisisExamples: 'crisis-examples.json',
  /** Warnings of content:check a person accepted (not content: the bot never reads it). */
  checkAccepted: 'check-accepted.yaml',
  examples: (language: Language): string => `examples/${language}.json`,
  messages: (language: Language): string => `examples/messages-${language}.json`,
  /** Written by `npm run learn:questions`, never by hand. */
  learnt: 'examples/learnt.json',
};

export const YAML_EXTENSION = '.yaml';

export const topicFile = (id: string): string => `${CONTENT_FILES.topicDir}/${id}${YAML_EXTENSION}`;
export const textsFile = (section: string): string => `${CONTENT_FILES.textsDir}/${section}${YAML_EXTENSION}`;

/** A place in a content file: the file, and the path of keys (and list positions) to the value. */
export interface ContentLocation {
  file: string;
  path: string[];
}

/**
 * Where the text of a key ("topics.guarantee.answer", "ui.welcome") is written in one language: a topic's
 * texts in its own file under `texts`, every other text in the file of its first key part.
 */
export function textLocation(language: Language, key: string): ContentLocation {
  const [section, ...rest] = key.split('.');
  if (section === 'topics' && rest.length > 1) {
    const [id, ...inTopic] = rest;
    return { file: topicFile(id), path: ['texts', ...inTopic, language] };
  }
  return { file: textsFile(section), path: [...rest, language] };
}
