import { aspectTopic } from '../content/content';
import { type Aspect, type Audience, LANGUAGES, type SourceRef, type Topic } from '../content/content-schema';
import type { Content } from '../content/load-content';
import { textAt } from '../content/locale-tree';

export interface AnswerPlan {
  topicId: string;
  /** The locale key answered, e.g. "topics.detox.duration" or "topics.counselling.answer". */
  key: string;
  /** The audience whose variant of the text is answered ("topics.counselling.answer_relative"). */
  variant?: Audience;
  sources: SourceRef[];
  related: string[];
  /** The subject topic the answer is about, to remember for the next follow-up. */
  subjectId?: string;
  /** The aspect answered of that subject, for a follow-up naming another subject ("og døgn?"). */
  aspect?: Aspect;
}

export interface AnswerContext {
  /** The subject named in the message, or else the one the conversation is about. */
  subjectId?: string;
  audience?: Audience;
  /** An aspect the message asks about ("what does day treatment *cost*?"). */
  aspect?: Aspect;
}

const MAX_RELATED = 3;

/** Where a topic is shown to this audience, the topic it most needs next comes first. */
const AUDIENCE_TOPIC: Record<Audience, string> = { relative: 'relatives', staff: 'staff_referral' };

function topicOf(content: Content, id: string): Topic {
  const topic = content.topicById.get(id);
  if (!topic) throw new Error(`Unknown topic "${id}"`);
  return topic;
}

/** The variant of a text for an audience or other context ("<key>_relative"), where content has one. */
export function textVariant<T extends string>(content: Content, key: string, variant: T | undefined): T | undefined {
  return variant && LANGUAGES.every((language) => textAt(content.locales[language], `${key}_${variant}`) !== undefined) ? variant : undefined;
}

function relatedFor(topicId: string, related: string[], audience: Audience | undefined): string[] {
  const first = audience ? [AUDIENCE_TOPIC[audience]] : [];
  return [...new Set([...first, ...related])].filter((id) => id !== topicId).slice(0, MAX_RELATED);
}

/**
 * The subject and aspect an answer is about, when the subject has an answer of its own for that
 * aspect: "what does it cost?" after day treatment, or "how long is detox?" in one message.
 */
export function resolveAspect(content: Content, topicId: string, context: AnswerContext): { subject: Topic; aspect: Aspect } | undefined {
  const topic = topicOf(content, topicId);
  const aspect = topic.aspect ?? context.aspect;
  const subjectId = topic.aspect ? context.subjectId : topic.id;
  const subject = subjectId ? topicOf(content, subjectId) : undefined;
  return aspect && subject?.aspects[aspect] ? { subject, aspect } : undefined;
}

/** Which text answers a topic for this conversation: an aspect of a subject, an audience variant, or the answer. */
export function planAnswer(content: Content, topicId: string, context: AnswerContext): AnswerPlan {
  const topic = topicOf(content, topicId);
  const resolved = resolveAspect(content, topicId, context);
  if (resolved) {
    const { subject, aspect } = resolved;
    const general = aspectTopic(content, aspect)?.id;
    return {
      topicId,
      key: `topics.${subject.id}.${aspect}`,
      sources: subject.aspects[aspect] ?? subject.sources,
      related: relatedFor(topicId, [subject.id, ...(general ? [general] : []), ...subject.related], context.audience),
      subjectId: subject.id,
      aspect,
    };
  }
  const key = `topics.${topic.id}.answer`;
  const { audience } = context;
  return {
    topicId,
    key,
    variant: textVariant(content, key, audience),
    sources: topic.sources,
    related: relatedFor(topic.id, topic.related, audience),
    // A subject topic becomes the subject; an aspect keeps it; any other topic moves the conversation on.
    subjectId: Object.keys(topic.aspects).length > 0 ? topic.id : topic.aspect ? context.subjectId : undefined,
  };
}

/** The key as i18next resolves it: the audience variant is the key with a context suffix. */
export function answeredKey(plan: Pick<AnswerPlan, 'key' | 'variant'>): string {
  return plan.variant ? `${plan.key}_${plan.variant}` : plan.key;
}
