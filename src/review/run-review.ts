import type { Activity } from 'botbuilder';
import { LANGUAGES } from '../content/content-schema';
import type { Content } from '../content/load-content';
import { textAt } from '../content/locale-tree';
import { type ReplyMeta, replyMetaOf } from '../conversation/reply';
import { ExpectRepliesConversation, type ReviewedApp } from './expect-replies-conversation';
import type { ReviewConversation, ReviewQuestion } from './review-list';

export interface ReviewButton {
  title: string;
  /** A call button's tel: link; a topic button sends its title. */
  url?: string;
}

export interface ReviewReply {
  /** The Markdown text the citizen sees, without the source line. */
  text: string;
  /** "Kilde: …" as the answer names it; absent for replies without a source. */
  source?: string;
  buttons: ReviewButton[];
  meta?: ReplyMeta;
}

export const REVIEW_FLAGS = ['clarified', 'not_in_documents', 'out_of_scope', 'emergency', 'expected_missed', 'no_reply'] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

export interface ReviewEntry extends ReviewQuestion {
  /** 1-based conversation number and the question's place in it. */
  conversation: number;
  turn: number;
  replies: ReviewReply[];
  answered: boolean;
  flags: ReviewFlag[];
}

/** Plays each conversation of the list through the bot, in order, and reads what came back. */
export async function runReview(app: ReviewedApp, conversations: ReviewConversation[]): Promise<ReviewEntry[]> {
  const sourcePrefixes = LANGUAGES.map((language) => (textAt(app.content.locales[language], 'ui.source') ?? '').split('{{')[0].trim()).filter(Boolean);
  const entries: ReviewEntry[] = [];
  for (const [index, { locale, questions }] of conversations.entries()) {
    const conversation = new ExpectRepliesConversation(app, locale);
    for (const [turn, question] of questions.entries()) {
      const replies = (await conversation.say(question.text))
        .filter((activity) => activity.type === 'message')
        .map((activity) => readReply(activity, sourcePrefixes));
      const answered = replies.some((reply) => isAnswer(reply.meta));
      entries.push({ ...question, conversation: index + 1, turn: turn + 1, replies, answered, flags: flagsOf(app.content, question, replies) });
    }
  }
  return entries;
}

function readReply(activity: Partial<Activity>, sourcePrefixes: string[]): ReviewReply {
  const paragraphs = (activity.text ?? '').split('\n\n');
  const last = paragraphs[paragraphs.length - 1]?.trim() ?? '';
  // The source line is the answer's last paragraph, set in italics: "_Kilde: …_".
  const isSource = last.startsWith('_') && last.endsWith('_') && sourcePrefixes.some((prefix) => last.slice(1).startsWith(prefix));
  const buttons = (activity.suggestedActions?.actions ?? []).map((action): ReviewButton => {
    const value = typeof action.value === 'string' ? action.value : '';
    return action.type === 'openUrl' ? { title: action.title ?? value, url: value } : { title: action.title ?? value };
  });
  const pitstop = replyMetaOf(activity);
  return {
    text: (isSource ? paragraphs.slice(0, -1) : paragraphs).join('\n\n'),
    ...(isSource ? { source: last.slice(1, -1) } : {}),
    buttons,
    ...(pitstop ? { meta: pitstop } : {}),
  };
}

const NOT_ANSWERS = new Set(['ui.clarify', 'ui.outOfScope']);
/** Says the documents do not answer the question: a reply, not an answer. */
const NOT_IN_DOCUMENTS = 'not_in_documents';

function isAnswer(meta: ReplyMeta | undefined): boolean {
  return meta?.topicId !== undefined && meta.topicId !== NOT_IN_DOCUMENTS && !NOT_ANSWERS.has(meta.key);
}

function flagsOf(content: Content, question: ReviewQuestion, replies: ReviewReply[]): ReviewFlag[] {
  const metas = replies.flatMap((reply) => (reply.meta ? [reply.meta] : []));
  const flags: ReviewFlag[] = [];
  if (replies.length === 0) flags.push('no_reply');
  if (metas.some((meta) => meta.key === 'ui.clarify')) flags.push('clarified');
  if (metas.some((meta) => meta.key === 'ui.outOfScope')) flags.push('out_of_scope');
  if (metas.some((meta) => meta.topicId === NOT_IN_DOCUMENTS)) flags.push('not_in_documents');
  if (metas.some((meta) => meta.crisis !== undefined)) flags.push('emergency');
  if (question.expected && !question.expected.some((topic) => metas.some((meta) => isAnswer(meta) && answersTopic(content, meta, topic))))
    flags.push('expected_missed');
  return flags;
}

/**
 * Whether a reply answers a topic: as that topic, about it as the subject, or as an aspect of a subject
 * ("what does residential treatment cost?" answers a question expected as fees, the cost aspect's topic).
 */
export function answersTopic(content: Content, meta: ReplyMeta, topic: string): boolean {
  if (meta.topicId === topic || meta.subjectId === topic) return true;
  return meta.aspect !== undefined && content.topicById.get(topic)?.aspect === meta.aspect;
}
