import type { Content } from './content';
import { CONTENT_FILES, type ContentLocation, textLocation, topicFile } from './content-files';
import {
  ASPECTS,
  AUDIENCES,
  CRISIS_LABEL,
  LANGUAGES,
  type Language,
  type LocaleTree,
  NONE_LABEL,
  OUT_OF_SCOPE_READING,
  type SourceRef,
  SUBSTANCES,
} from './content-schema';
import { flattenLocale, placeholdersOf, textAt } from './locale-tree';
import { unknownPlaces } from './substance-cues';

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

/** A problem with the file and path (of keys and list positions) it is about, so a checker can name the line (npm run content:check). */
export interface LocatedProblem extends ContentLocation {
  /** Says what is wrong, without the file (describeProblem adds it). */
  message: string;
}

export const describeProblem = (problem: LocatedProblem): string => `${problem.file}: ${problem.message}`;

/** The texts every topic may have besides its aspects' (the code asks for these by name). */
const TOPIC_TEXTS = ['title', 'answer', ...AUDIENCES.map((audience) => `answer_${audience}`)];

const topicTexts = (content: Content, language: Language, id: string): LocaleTree => {
  const texts = content.locales[language].topics;
  const own = typeof texts === 'object' ? texts[id] : undefined;
  return typeof own === 'object' ? own : {};
};

/** Where a text is written, as it reads in that file: "texts.answer.en" in topics/guarantee.yaml. */
const quoted = (location: ContentLocation): string => `"${location.path.join('.')}"`;

/** Cross-file checks the per-file schemas cannot express. Returns the problems, empty when valid. */
export function locateContentProblems(content: Content): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const at = (file: string, path: string[], message: string): void => {
    problems.push({ message, file, path });
  };
  const index = CONTENT_FILES.topicIndex;
  const topicIds = new Set(content.topics.map((topic) => topic.id));
  if (topicIds.size !== content.topics.length) at(index, ['topics'], 'a topic is listed twice under "topics"');
  // A reading rule names "out_of_scope" for a message no reading is sure of; a topic of that id would be read as it.
  if (topicIds.has(OUT_OF_SCOPE_READING)) at(index, ['topics'], `"${OUT_OF_SCOPE_READING}" is reserved for the reading rules`);

  const requireTopic = (file: string, where: string, path: string[], id: string): void => {
    if (!topicIds.has(id)) at(file, path, `${where}: unknown topic "${id}"`);
  };
  content.welcomeTopics.forEach((id, position) => requireTopic(index, 'welcomeTopics', ['welcomeTopics', String(position)], id));
  content.helpTopics.forEach((id, position) => requireTopic(index, 'helpTopics', ['helpTopics', String(position)], id));
  content.staffTopics.forEach((id, position) => requireTopic(index, 'staffTopics', ['staffTopics', String(position)], id));
  for (const id of Object.keys(content.topicEvidenceCues)) requireTopic(CONTENT_FILES.commands, 'topicEvidenceCues', ['topicEvidenceCues', id], id);
  content.readingRules.forEach((rule, position) => {
    const where = `readingRules[${position}]`;
    const path = ['readingRules', String(position)];
    requireTopic(CONTENT_FILES.commands, where, [...path, 'topic'], rule.topic);
    rule.from.forEach((id, place) => id !== OUT_OF_SCOPE_READING && requireTopic(CONTENT_FILES.commands, where, [...path, 'from', String(place)], id));
    rule.after?.forEach((id, place) => requireTopic(CONTENT_FILES.commands, where, [...path, 'after', String(place)], id));
    for (const list of ['cues', 'withCues', 'unlessCues'] as const) {
      rule[list]?.forEach((cue, place) => {
        for (const unknown of unknownPlaces(cue)) {
          at(
            CONTENT_FILES.commands,
            [...path, list, String(place)],
            `${where}: "${unknown}" names no substance (${SUBSTANCES.map((name) => `{${name}}`).join(' or ')})`,
          );
        }
      });
    }
  });

  // A text in one language only is reported by the comparison of languages below; here, one missing in all.
  const requireText = (key: string): void => {
    if (LANGUAGES.some((language) => textAt(content.locales[language], key) !== undefined)) return;
    for (const language of LANGUAGES) {
      const location = textLocation(language, key);
      at(location.file, location.path, `missing ${quoted(location)}`);
    }
  };

  for (const topic of content.topics) {
    const file = topicFile(topic.id);
    const requireSource = (where: string, path: string[], ref: SourceRef): void => {
      if (!content.documents[ref.doc]) at(file, [...path, 'doc'], `${where}: unknown document "${ref.doc}" (the documents are in ${CONTENT_FILES.sources})`);
      const sectionKey = `sources.${ref.doc}.sections.${ref.section}`;
      // A section no language names is a wrong id in the topic's file, not a missing translation.
      const unknownSection = content.documents[ref.doc] && LANGUAGES.every((language) => textAt(content.locales[language], sectionKey) === undefined);
      if (unknownSection) at(file, [...path, 'section'], `${where}: unknown source section "${ref.section}" of "${ref.doc}" (no "${sectionKey}")`);
      requireText(`sources.${ref.doc}.title`);
      if (!unknownSection) requireText(sectionKey);
    };
    topic.related.forEach((id, position) => {
      const path = ['related', String(position)];
      if (id === topic.id) at(file, path, 'related: relates to itself');
      else requireTopic(file, 'related', path, id);
    });
    topic.overviewOf.forEach((id, position) => requireTopic(file, 'overviewOf', ['overviewOf', String(position)], id));
    topic.sources.forEach((ref, position) => requireSource('sources', ['sources', String(position)], ref));
    for (const [aspect, refs] of Object.entries(topic.aspects)) {
      refs?.forEach((ref, position) => requireSource(`aspects.${aspect}`, ['aspects', aspect, String(position)], ref));
      requireText(`topics.${topic.id}.${aspect}`);
    }
    // A text under a name the code never asks for is never shown: an aspect text needs its aspect (with sources).
    const shown = new Set([...TOPIC_TEXTS, ...Object.keys(topic.aspects)]);
    for (const name of new Set(LANGUAGES.flatMap((language) => Object.keys(topicTexts(content, language, topic.id))))) {
      if (shown.has(name)) continue;
      const hint = (ASPECTS as readonly string[]).includes(name)
        ? `add "${name}" with its sources under "aspects", or remove the text`
        : `a topic's texts are ${TOPIC_TEXTS.join(', ')} and its aspects (${ASPECTS.join(', ')})`;
      at(file, ['texts', name], `"texts.${name}" is never shown: ${hint}`);
    }
    if (topic.aspect && topic.kind !== 'answer') at(file, ['aspect'], 'only answer topics can be aspect topics');
    requireText(`topics.${topic.id}.title`);
    if (topic.kind === 'answer') requireText(`topics.${topic.id}.answer`);
  }

  const labels = new Set([...topicIds, CRISIS_LABEL, NONE_LABEL]);
  // Whole messages teach the topic classifiers only; emergencies are learnt from their own file.
  const checkMessageLabels = (file: string, byLabel: Record<string, string[]>, fix: string): void => {
    for (const label of Object.keys(byLabel)) {
      if (!labels.has(label) || label === CRISIS_LABEL) at(file, [label], `unknown label "${label}" (${fix})`);
    }
  };
  const emergenciesElsewhere = `emergencies belong in ${CONTENT_FILES.crisisExamples}`;
  for (const language of LANGUAGES) {
    const examplesFile = CONTENT_FILES.examples(language);
    const examples = content.examples[language];
    for (const label of labels) {
      if (!examples[label]?.length) at(examplesFile, [], `no examples for "${label}"`);
    }
    for (const label of Object.keys(examples)) {
      if (!labels.has(label)) at(examplesFile, [label], `unknown label "${label}"`);
    }
    checkMessageLabels(CONTENT_FILES.messages(language), content.messages[language], emergenciesElsewhere);
  }
  checkMessageLabels(CONTENT_FILES.learnt, content.learnt, "a generated file: correct the round's label and run npm run learn:questions");

  const known = new Set([...Object.keys(content.variables), ...RUNTIME_VARIABLES]);
  const used = new Set<string>();
  const [first, ...others] = LANGUAGES;
  const firstTexts = new Map(flattenLocale(content.locales[first]));
  for (const language of LANGUAGES) {
    for (const [key, text] of flattenLocale(content.locales[language])) {
      for (const name of placeholdersOf(text)) {
        used.add(name);
        const location = textLocation(language, key);
        if (!known.has(name))
          at(location.file, location.path, `${quoted(location)}: unknown placeholder {{${name}}} (the facts are in ${CONTENT_FILES.facts})`);
      }
    }
  }
  for (const language of others) {
    const texts = new Map(flattenLocale(content.locales[language]));
    for (const [key, text] of firstTexts) {
      const other = texts.get(key);
      const location = textLocation(language, key);
      if (other === undefined) at(location.file, location.path, `missing ${quoted(location)} (the ${first} text is there)`);
      else if (placeholdersOf(text).join() !== placeholdersOf(other).join()) {
        const listed = (names: string[]): string => names.map((name) => `{{${name}}}`).join(' ') || 'none';
        at(
          location.file,
          location.path,
          `${quoted(location)}: placeholders differ from the ${first} text (${listed(placeholdersOf(other))} here, ${listed(placeholdersOf(text))} there)`,
        );
      }
    }
    for (const key of texts.keys()) {
      const location = textLocation(first, key);
      if (!firstTexts.has(key)) at(location.file, location.path, `missing ${quoted(location)} (the ${language} text is there)`);
    }
  }
  for (const name of Object.keys(content.variables)) {
    // Phone numbers are written phones.<name> and used as {{phone_<name>}}.
    const path = name.startsWith('phone_') && content.facts.phones[name.slice('phone_'.length)] ? ['phones', name.slice('phone_'.length)] : ['values', name];
    if (!used.has(name)) at(CONTENT_FILES.facts, path, `"${name}" is used by no text`);
  }
  problems.push(...fixedYesNoOpenings(content));
  return problems;
}

// A reply that opens with a fixed "Ja." answers "do you pass this on to the police?" with the opposite
// of the truth. Button labels ("Ja, anonym") are answers the user gives, not replies, and may.
// "Jo," is a yes too; "Jo før, jo bedre" is not.
const YES_NO_OPENING = /^\W*((ja|nej|yes|no)\b|jo\W*[,.!–-])/i;
const USER_LABEL = /(^|\.)(title|choices|buttons)(\.|$)/;

function fixedYesNoOpenings(content: Content): LocatedProblem[] {
  return LANGUAGES.flatMap((language) =>
    flattenLocale(content.locales[language])
      .filter(([key, text]) => !USER_LABEL.test(key) && YES_NO_OPENING.test(text))
      .map(([key]) => {
        const location = textLocation(language, key);
        return { ...location, message: `${quoted(location)}: opens with a fixed yes or no, whatever the question was` };
      }),
  );
}
