import type { Content } from './content';
import { CRISIS_LABEL, LANGUAGES, type Language, NONE_LABEL, OUT_OF_SCOPE_READING, type SourceRef } from './content-schema';
import { flattenLocale, placeholdersOf, textAt } from './locale-tree';

/** Variables filled in by code rather than by facts: per reply, or from configuration (RuntimeVariables). */
export const RUNTIME_VARIABLES = new Set([
  'sources',
  'document',
  'section',
  'stateTtlMinutes',
  'closesAt',
  'date',
  'time',
  'weekday',
  'day',
  'month',
  'sections',
  'count',
  'slots',
  'when',
  'code',
  'title',
]);

/** A problem with the file and JSON path it is about, so a checker can name the line (npm run content:check). */
export interface LocatedProblem {
  message: string;
  file: string;
  /** The JSON path in the file; for a missing text, the path it should have. */
  path: string[];
}

/** Cross-file checks the per-file schemas cannot express. Returns readable problems, empty when valid. */
export function validateContent(content: Content): string[] {
  return locateContentProblems(content).map((problem) => problem.message);
}

const localeFile = (language: string): string => `locales/${language}.json`;
const keyPath = (key: string): string[] => key.split('.');

/** validateContent's problems, each with the file and path it points at. */
export function locateContentProblems(content: Content): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const at = (file: string, path: string[], message: string): void => {
    problems.push({ message, file, path });
  };
  const topicIds = new Set(content.topics.map((topic) => topic.id));
  if (topicIds.size !== content.topics.length) at('topics.json', ['topics'], 'topics.json: topic ids must be unique');
  // A reading rule names "out_of_scope" for a message no reading is sure of; a topic of that id would be read as it.
  if (topicIds.has(OUT_OF_SCOPE_READING)) at('topics.json', ['topics'], `topics.json: "${OUT_OF_SCOPE_READING}" is reserved for the reading rules`);

  const requireTopic = (where: string, path: string[], id: string, file = 'topics.json'): void => {
    if (!topicIds.has(id)) at(file, path, `${where}: unknown topic "${id}"`);
  };
  content.welcomeTopics.forEach((id, index) => requireTopic('welcomeTopics', ['welcomeTopics', String(index)], id));
  content.helpTopics.forEach((id, index) => requireTopic('helpTopics', ['helpTopics', String(index)], id));
  content.readingRules.forEach((rule, index) => {
    const where = `commands.json: readingRules[${index}]`;
    const path = ['readingRules', String(index)];
    requireTopic(where, [...path, 'topic'], rule.topic, 'commands.json');
    rule.from.forEach((id, position) => id !== OUT_OF_SCOPE_READING && requireTopic(where, [...path, 'from', String(position)], id, 'commands.json'));
    rule.after?.forEach((id, position) => requireTopic(where, [...path, 'after', String(position)], id, 'commands.json'));
  });

  const requireText = (language: Language, key: string): void => {
    if (textAt(content.locales[language], key) === undefined) at(localeFile(language), keyPath(key), `locales/${language}.json: missing "${key}"`);
  };
  const requireSource = (where: string, path: string[], ref: SourceRef): void => {
    if (!content.documents[ref.doc]) at('topics.json', [...path, 'doc'], `${where}: unknown document "${ref.doc}"`);
    const sectionKey = `sources.${ref.doc}.sections.${ref.section}`;
    // A section no language names is a wrong id in topics.json, not a missing translation.
    const unknownSection = content.documents[ref.doc] && LANGUAGES.every((language) => textAt(content.locales[language], sectionKey) === undefined);
    if (unknownSection)
      at('topics.json', [...path, 'section'], `${where}: unknown source section "${ref.section}" of "${ref.doc}": missing "${sectionKey}" in every locale`);
    for (const language of LANGUAGES) {
      requireText(language, `sources.${ref.doc}.title`);
      if (!unknownSection) requireText(language, sectionKey);
    }
  };

  content.topics.forEach((topic, topicIndex) => {
    const where = `topics.json ${topic.id}`;
    const topicPath = ['topics', String(topicIndex)];
    topic.related.forEach((id, index) => {
      const path = [...topicPath, 'related', String(index)];
      if (id === topic.id) at('topics.json', path, `${where}: relates to itself`);
      else requireTopic(where, path, id);
    });
    topic.overviewOf.forEach((id, index) => requireTopic(where, [...topicPath, 'overviewOf', String(index)], id));
    topic.sources.forEach((ref, index) => requireSource(where, [...topicPath, 'sources', String(index)], ref));
    for (const [aspect, refs] of Object.entries(topic.aspects)) {
      refs?.forEach((ref, index) => requireSource(`${where} aspect ${aspect}`, [...topicPath, 'aspects', aspect, String(index)], ref));
      LANGUAGES.forEach((language) => requireText(language, `topics.${topic.id}.${aspect}`));
    }
    if (topic.aspect && topic.kind !== 'answer') at('topics.json', [...topicPath, 'aspect'], `${where}: only answer topics can be aspect topics`);
    for (const language of LANGUAGES) {
      requireText(language, `topics.${topic.id}.title`);
      if (topic.kind === 'answer') requireText(language, `topics.${topic.id}.answer`);
    }
  });

  const labels = new Set([...topicIds, CRISIS_LABEL, NONE_LABEL]);
  for (const language of LANGUAGES) {
    const examples = content.examples[language];
    for (const label of labels) {
      if (!examples[label]?.length) at(`examples/${language}.json`, [], `examples/${language}.json: no examples for "${label}"`);
    }
    for (const label of Object.keys(examples)) {
      if (!labels.has(label)) at(`examples/${language}.json`, [label], `examples/${language}.json: unknown label "${label}"`);
    }
    for (const label of Object.keys(content.messages[language])) {
      if (!labels.has(label) || label === CRISIS_LABEL)
        at(
          `examples/messages-${language}.json`,
          [label],
          `examples/messages-${language}.json: unknown label "${label}" (emergencies belong in crisis-examples.json)`,
        );
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
        if (!known.has(name)) at(localeFile(language), keyPath(key), `locales/${language}.json "${key}": unknown placeholder {{${name}}}`);
      }
    }
  }
  for (const language of others) {
    const texts = new Map(flattenLocale(content.locales[language]));
    for (const [key, text] of firstTexts) {
      const other = texts.get(key);
      if (other === undefined) at(localeFile(language), keyPath(key), `locales/${language}.json: missing "${key}" (present in ${first})`);
      else if (placeholdersOf(text).join() !== placeholdersOf(other).join()) {
        at(localeFile(language), keyPath(key), `locales/${language}.json "${key}": placeholders differ from ${first}`);
      }
    }
    for (const key of texts.keys()) {
      if (!firstTexts.has(key)) at(localeFile(first), keyPath(key), `locales/${first}.json: missing "${key}" (present in ${language})`);
    }
  }
  for (const name of Object.keys(content.variables)) {
    // Phone numbers are written phones.<name> and used as {{phone_<name>}}.
    const path = name.startsWith('phone_') && content.facts.phones[name.slice('phone_'.length)] ? ['phones', name.slice('phone_'.length)] : ['values', name];
    if (!used.has(name)) at('facts.json', path, `facts.json: "${name}" is used by no text`);
  }
  problems.push(...fixedYesNoOpenings(content));
  return problems;
}

// A reply that opens with a fixed "Ja." answers "do you pass this on to the police?" with the opposite
// of the truth. Button labels ("Ja, anonym") are answers the user gives, not replies, and may.
const YES_NO_OPENING = /^\W*(ja|nej|yes|no)\b/i;
const USER_LABEL = /(^|\.)(title|choices|buttons)(\.|$)/;

function fixedYesNoOpenings(content: Content): LocatedProblem[] {
  return LANGUAGES.flatMap((language) =>
    flattenLocale(content.locales[language])
      .filter(([key, text]) => !USER_LABEL.test(key) && YES_NO_OPENING.test(text))
      .map(([key]) => ({
        message: `locales/${language}.json "${key}": opens with a fixed yes or no, whatever the question was`,
        file: localeFile(language),
        path: keyPath(key),
      })),
  );
}
