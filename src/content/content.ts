import type { Aspect, Audience, Command, Facts, GuideCue, Language, LocaleTree, ReadingRule, Topic } from './content-schema';
import type { CrisisContent, CrisisExample } from './crisis-schema';

/** The general topic for an aspect, e.g. "fees" for cost. */
export function aspectTopic(content: Content, aspect: Aspect): Topic | undefined {
  return content.topics.find((topic) => topic.aspect === aspect);
}

/** Everything the bot says and knows, read and checked by load-content.ts. */
export interface Content {
  facts: Facts;
  /** Interpolation variables every text may use: the facts, with phone numbers as tel: links. */
  variables: Record<string, string>;
  topics: Topic[];
  topicById: ReadonlyMap<string, Topic>;
  welcomeTopics: string[];
  helpTopics: string[];
  staffTopics: string[];
  documents: Record<string, { file: string }>;
  commands: Record<Command, string[]>;
  socialFillers: string[];
  ellipsisCues: string[];
  compareCues: string[];
  notInDocumentsCues: string[];
  familyOfWriterCues: string[];
  ownUseCues: string[];
  beyondCounsellingCues: string[];
  anonymityCues: string[];
  legalBasisCues: string[];
  talksForRelativeCues: string[];
  subjectScopeCues: string[];
  likenessCues: string[];
  topicEvidenceCues: Record<string, string[]>;
  pitstopNames: string[];
  askAgainCues: string[];
  helpForWriterCues: string[];
  vowellessWords: string[];
  readingRules: ReadingRule[];
  guideAnswerCues: Record<GuideCue, string[]>;
  audienceCues: Record<Audience, string[]>;
  aspectCues: Record<Aspect, string[]>;
  bareAspectCues: Partial<Record<Aspect, string[]>>;
  crisis: CrisisContent;
  crisisExamples: CrisisExample[];
  /** Short phrases per label: what the topic classifier learns and the crisis classifier learns as not an emergency. */
  examples: Record<Language, Record<string, string[]>>;
  /**
   * Whole messages per label as people write them (context, slang, typos), for the topic classifier
   * only: they would shift the crisis classifier's calibration, which was tuned on blind rounds.
   */
  messages: Record<Language, Record<string, string[]>>;
  /**
   * Questions per label, both languages, of the blind realistic rounds (every round but the newest, held-out one), asked
   * without context: for the second topic classifier only. Written by many people who never saw the training phrases,
   * they teach it the ways people ask that the phrases above do not.
   */
  learnt: Record<string, string[]>;
  locales: Record<Language, LocaleTree>;
}
