import { CRISIS_LABEL, LANGUAGES, NONE_LABEL, type SourceRef } from './content-schema';
import type { Content } from './load-content';
import { flattenLocale, placeholdersOf, textAt } from './locale-tree';

/** Variables filled in by code rather than by facts: per reply, or from configuration (RuntimeVariables). */
export const RUNTIME_VARIABLES = new Set(['sources', 'document', 'section', 'stateTtlMinutes', 'closesAt', 'date', 'time', 'weekday', 'day', 'month', 'sections', 'count', 'slots', 'when', 'code', 'title']);

/** Cross-file checks the per-file schemas cannot express. Returns readable problems, empty when valid. */
export function validateContent(content: Content): string[] {
  const problems: string[] = [];
  const topicIds = new Set(content.topics.map((topic) => topic.id));
  if (topicIds.size !== content.topics.length) problems.push('topics.json: topic ids must be unique');

  const requireTopic = (where: string, id: string): void => {
    if (!topicIds.has(id)) problems.push(`${where}: unknown topic "${id}"`);
  };
  content.welcomeTopics.forEach((id) => requireTopic('welcomeTopics', id));
  content.helpTopics.forEach((id) => requireTopic('helpTopics', id));

  const requireText = (language: string, key: string): void => {
    if (textAt(content.locales[language as 'da'], key) === undefined) problems.push(`locales/${language}.json: missing "${key}"`);
  };
  const requireSource = (where: string, ref: SourceRef): void => {
    if (!content.documents[ref.doc]) problems.push(`${where}: unknown document "${ref.doc}"`);
    for (const language of LANGUAGES) {
      requireText(language, `sources.${ref.doc}.title`);
      requireText(language, `sources.${ref.doc}.sections.${ref.section}`);
    }
  };

  for (const topic of content.topics) {
    const where = `topics.json ${topic.id}`;
    topic.related.forEach((id) => (id === topic.id ? problems.push(`${where}: relates to itself`) : requireTopic(where, id)));
    topic.sources.forEach((ref) => requireSource(where, ref));
    for (const [aspect, refs] of Object.entries(topic.aspects)) {
      refs?.forEach((ref) => requireSource(`${where} aspect ${aspect}`, ref));
      LANGUAGES.forEach((language) => requireText(language, `topics.${topic.id}.${aspect}`));
    }
    if (topic.aspect && topic.kind !== 'answer') problems.push(`${where}: only answer topics can be aspect topics`);
    for (const language of LANGUAGES) {
      requireText(language, `topics.${topic.id}.title`);
      if (topic.kind === 'answer') requireText(language, `topics.${topic.id}.answer`);
    }
  }

  const labels = new Set([...topicIds, CRISIS_LABEL, NONE_LABEL]);
  for (const language of LANGUAGES) {
    const examples = content.examples[language];
    for (const label of labels) {
      if (!examples[label]?.length) problems.push(`examples/${language}.json: no examples for "${label}"`);
    }
    for (const label of Object.keys(examples)) {
      if (!labels.has(label)) problems.push(`examples/${language}.json: unknown label "${label}"`);
    }
    for (const label of Object.keys(content.messages[language])) {
      if (!labels.has(label) || label === CRISIS_LABEL) problems.push(`examples/messages-${language}.json: unknown label "${label}" (emergencies belong in crisis-examples.json)`);
    }
  }

  const known = new Set([...Object.keys(content.variables), ...RUNTIME_VARIABLES]);
  const used = new Set<string>();
  const [first, ...others] = LANGUAGES;
  const firstTexts = new Map(flattenLocale(content.locales[first]));
  for (const [language, tree] of LANGUAGES.map((l) => [l, content.locales[l]] as const)) {
    for (const [key, text] of flattenLocale(tree)) {
      for (const name of placeholdersOf(text)) {
        used.add(name);
        if (!known.has(name)) problems.push(`locales/${language}.json "${key}": unknown placeholder {{${name}}}`);
      }
    }
  }
  for (const language of others) {
    const texts = new Map(flattenLocale(content.locales[language]));
    for (const [key, text] of firstTexts) {
      const other = texts.get(key);
      if (other === undefined) problems.push(`locales/${language}.json: missing "${key}" (present in ${first})`);
      else if (placeholdersOf(text).join() !== placeholdersOf(other).join()) {
        problems.push(`locales/${language}.json "${key}": placeholders differ from ${first}`);
      }
    }
    for (const key of texts.keys()) {
      if (!firstTexts.has(key)) problems.push(`locales/${first}.json: missing "${key}" (present in ${language})`);
    }
  }
  for (const name of Object.keys(content.variables)) {
    if (!used.has(name)) problems.push(`facts.json: "${name}" is used by no text`);
  }
  problems.push(...fixedYesNoOpenings(content));
  return problems;
}

// A reply that opens with a fixed "Ja." answers "do you pass this on to the police?" with the opposite
// of the truth. Button labels ("Ja, anonym") are answers the user gives, not replies, and may.
const YES_NO_OPENING = /^\W*(ja|nej|yes|no)\b/i;
const USER_LABEL = /(^|\.)(title|choices|buttons)(\.|$)/;

function fixedYesNoOpenings(content: Content): string[] {
  return LANGUAGES.flatMap((language) =>
    flattenLocale(content.locales[language])
      .filter(([key, text]) => !USER_LABEL.test(key) && YES_NO_OPENING.test(text))
      .map(([key]) => `locales/${language}.json "${key}": opens with a fixed yes or no, whatever the question was`),
  );
}
