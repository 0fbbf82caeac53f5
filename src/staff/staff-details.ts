import type { Aspect, Audience, Language, SourceRef } from '../content/content-schema';
import type { ConversationProfile } from '../conversation/conversation-profile';
import type { ReplyMeta } from '../conversation/reply';
import type { Recognition } from '../nlu/recognizer';
import { SOURCE_PAGE_ROOTS } from '../sources/source-links';

/** How the recognizer read the message, as staff see it: no words of the message, only what was made of it. */
export interface RecognisedDetails {
  /** What the message was taken as: a topic, a question back, a command, an emergency … */
  intent: Recognition['intent']['kind'];
  topicId?: string;
  /** The classifier's probability for the topic answered (1 for a button's title). */
  confidence?: number;
  /** The next likeliest topics and their probabilities. */
  runnerUps: Array<{ topicId: string; probability: number }>;
  /** The topics offered by "did you mean…?", or beside a leader that was not sure. */
  offered?: string[];
  command?: string;
  /** A subject the message names ("dagbehandling"), an aspect it asks ("hvad koster"), whom it speaks for. */
  subjectId?: string;
  aspect?: Aspect;
  audience?: Audience;
  ageGroup?: string;
  /** The writer's own age group where the message gives their age (never the age). */
  writerAgeGroup?: string;
  /** The emergency detector's tier: none, concern or acute. */
  crisis: string;
  /** The language the text looks like (undefined: too short to tell). */
  detectedLanguage?: Language;
  /** A flow (the guide, a booking) was waiting for an answer when the message came. */
  waitingFlow?: string;
}

/** What the bot holds about the conversation after the turn (nothing of the person, no words). */
export interface MemoryDetails {
  language?: Language;
  subjectId?: string;
  audience?: Audience;
  lastAspect?: Aspect;
  ageGroup?: string;
  /** The writer's own age group, where they gave their age (never the age). */
  writerAgeGroup?: string;
  /** Alcohol alone or drugs, as the conversation has named them (never which drug). */
  substance?: string;
  lastAnswer?: string;
  /** The open dialogs, outermost first ("root", "guide" …), and the guide's step and button choices. */
  dialogs: string[];
  guide?: { step: number; answers: Record<string, string> };
}

export interface SourceLink extends SourceRef {
  href: string;
}

/** channelData.pitstopStaff: sent only in replies to a turn with a valid staff token. */
export interface StaffDetails {
  recognised?: RecognisedDetails;
  answered: ReplyMeta;
  sources: SourceLink[];
  contentVersion: string;
  /** Null when the conversation was forgotten in this turn. */
  memory: MemoryDetails | null;
}

const round = (probability: number): number => Math.round(probability * 1000) / 1000;

export function recognisedDetails(recognition: Recognition, detectedLanguage: Language | undefined, waitingFlow: string | undefined): RecognisedDetails {
  const { intent } = recognition;
  const topicId = intent.kind === 'topic' ? intent.topicId : undefined;
  return {
    intent: intent.kind,
    ...(topicId ? { topicId, confidence: round(intent.kind === 'topic' ? intent.confidence : 0) } : {}),
    runnerUps: (recognition.reading ?? [])
      .filter(([label]) => label !== topicId)
      .map(([label, probability]) => ({ topicId: label, probability: round(probability) })),
    ...(intent.kind === 'clarify' ? { offered: intent.candidates } : {}),
    ...(intent.kind === 'topic' && intent.alternatives ? { offered: intent.alternatives } : {}),
    ...(intent.kind === 'command' ? { command: intent.command } : {}),
    ...(recognition.subjectId ? { subjectId: recognition.subjectId } : {}),
    ...(recognition.aspect ? { aspect: recognition.aspect } : {}),
    ...(recognition.audience ? { audience: recognition.audience } : {}),
    ...(recognition.ageGroup ? { ageGroup: recognition.ageGroup } : {}),
    ...(recognition.writerAgeGroup ? { writerAgeGroup: recognition.writerAgeGroup } : {}),
    crisis: recognition.crisis.tier,
    ...(detectedLanguage ? { detectedLanguage } : {}),
    ...(waitingFlow ? { waitingFlow } : {}),
  };
}

interface StoredDialog {
  id: string;
  state?: { dialogs?: { dialogStack?: StoredDialog[] }; stepIndex?: number; values?: { answers?: Record<string, unknown> } };
}

/** The ids of the open dialogs, outermost first, through each component dialog's own stack. */
export function openDialogs(stack: readonly StoredDialog[] | undefined): StoredDialog[] {
  const open: StoredDialog[] = [];
  for (let level = stack; level && level.length > 0; level = level[level.length - 1].state?.dialogs?.dialogStack) open.push(...level);
  return open;
}

/** The guide's waterfall: which question it is on (1-based) and the choices made; other flows' values are not shown. */
const GUIDE_STEPS = 'guideSteps';

export function memoryDetails(profile: ConversationProfile | undefined, dialogStack: readonly StoredDialog[] | undefined): MemoryDetails | null {
  if (!profile) return null;
  const dialogs = openDialogs(dialogStack);
  const guide = dialogs.find((dialog) => dialog.id === GUIDE_STEPS);
  const answers = Object.entries(guide?.state?.values?.answers ?? {}).flatMap(([key, value]) =>
    typeof value === 'string' || typeof value === 'boolean' ? [[key, String(value)]] : [],
  );
  const { lastAnswer } = profile;
  return {
    ...(profile.language ? { language: profile.language } : {}),
    ...(profile.subjectId ? { subjectId: profile.subjectId } : {}),
    ...(profile.audience ? { audience: profile.audience } : {}),
    ...(profile.lastAspect ? { lastAspect: profile.lastAspect } : {}),
    ...(profile.ageGroup ? { ageGroup: profile.ageGroup } : {}),
    ...(profile.writerAgeGroup ? { writerAgeGroup: profile.writerAgeGroup } : {}),
    ...(profile.substance ? { substance: profile.substance } : {}),
    ...(lastAnswer ? { lastAnswer: [lastAnswer.subjectId ?? lastAnswer.topicId, lastAnswer.aspect].filter(Boolean).join(' · ') } : {}),
    dialogs: dialogs.map((dialog) => dialog.id),
    ...(guide ? { guide: { step: (guide.state?.stepIndex ?? 0) + 1, answers: Object.fromEntries(answers) } } : {}),
  };
}

const SOURCE_LINK = new RegExp(`\\]\\(((?:${Object.values(SOURCE_PAGE_ROOTS).join('|')})/([a-z0-9_]+)#([a-z0-9_]+))\\)`, 'g');

/** The sections a reply cites, read from its links: what the citizen sees is what staff are shown. */
export function citedSources(text: string): SourceLink[] {
  return [...text.matchAll(SOURCE_LINK)].map(([, href, doc, section]) => ({ doc, section, href }));
}
