import { LANGUAGES, type Audience, type SourceRef, type Topic } from '../content/content-schema';
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
}

const MAX_RELATED = 3;

/** Where a topic is shown to this audience, the topic it most needs next comes first. */
const AUDIENCE_TOPIC: Record<Audience, string> = { relative: 'relatives', staff: 'staff_referral' };

function topicOf(content: Content, id: string): Topic {
  const topic = content.topicById.get(id);
  if (!topic) throw new Error(`Unknown topic "${id}"`);
  return topic;
}

function hasText(content: Content, key: string): boolean {
  return LANGUAGES.every((language) => textAt(content.locales[language], key) !== undefined);
}

function relatedFor(topicId: string, related: string[], audience: Audience | undefined): string[] {
  const first = audience ? [AUDIENCE_TOPIC[audience]] : [];
  return [...new Set([...first, ...related])].filter((id) => id !== topicId).slice(0, MAX_RELATED);
}

/**
 * Which text answers a topic for this conversation. An aspect topic ("what does it cost?") answers for
 * the subject named in the message or, failing that, the one the conversation is about, when that
 * subject has an answer of its own for the aspect; otherwise the general answer.
 */
export function planAnswer(
  content: Content,
  topicId: string,
  context: { subjectId?: string; audience?: Audience },
): AnswerPlan {
  const topic = topicOf(content, topicId);
  if (topic.aspect && context.subjectId) {
    const subject = topicOf(content, context.subjectId);
    const sources = subject.aspects[topic.aspect];
    if (sources) {
      return {
        topicId,
        key: `topics.${subject.id}.${topic.aspect}`,
        sources,
        related: relatedFor(subject.id, [subject.id, topicId, ...subject.related], context.audience),
        subjectId: subject.id,
      };
    }
  }
  const key = `topics.${topic.id}.answer`;
  const { audience } = context;
  return {
    topicId,
    key,
    variant: audience && hasText(content, `${key}_${audience}`) ? audience : undefined,
    sources: topic.sources,
    related: relatedFor(topic.id, topic.related, context.audience),
    // A subject topic becomes the subject; an aspect keeps it; any other topic moves the conversation on.
    subjectId: Object.keys(topic.aspects).length > 0 ? topic.id : topic.aspect ? context.subjectId : undefined,
  };
}

/** The key as i18next resolves it: the audience variant is the key with a context suffix. */
export function answeredKey(plan: Pick<AnswerPlan, 'key' | 'variant'>): string {
  return plan.variant ? `${plan.key}_${plan.variant}` : plan.key;
}
