import { aspectTopic } from '../content/content';
import { CRISIS_LABEL, NONE_LABEL } from '../content/content-schema';
import type { Content } from '../content/load-content';
import { resolveAspect } from '../conversation/plan-answer';
import type { Intent, Recognition, Recognizer } from '../nlu/recognizer';

export interface EvaluationQuestion {
  text: string;
  language: string;
  /** A topic id, "crisis" or "none" (out of scope); a list where several topics answer it rightly. */
  expected: string | string[];
}

export type Outcome = 'answered_right' | 'clarified' | 'missed' | 'confidently_wrong';

export interface EvaluatedQuestion extends EvaluationQuestion {
  outcome: Outcome;
  got: string;
}

export interface EvaluationReport {
  total: number;
  counts: Record<Outcome, number>;
  answeredRightRate: number;
  results: EvaluatedQuestion[];
}

function describeIntent(intent: Intent): string {
  switch (intent.kind) {
    case 'topic':
      return intent.topicId;
    case 'clarify':
      return `clarify(${intent.candidates.join('|')})`;
    case 'command':
      return `command(${intent.command})`;
    case 'out_of_scope':
      return NONE_LABEL;
    default:
      return intent.kind;
  }
}

/**
 * Right means the bot gives the expected answer (the crisis reply for a crisis, the out-of-scope reply
 * for "none"). Asking "did you mean…?" with the right topic among the choices is a clarification; any
 * other answer given as if sure is confidently wrong, which is the failure that matters most.
 */
export function outcomeOf(intent: Intent, expected: string[], answered: string[] = []): Outcome {
  const got = intent.kind === 'topic' ? intent.topicId : intent.kind === 'crisis' ? CRISIS_LABEL : intent.kind === 'out_of_scope' ? NONE_LABEL : undefined;
  if (got !== undefined && [got, ...answered].some((label) => expected.includes(label))) return 'answered_right';
  if (intent.kind === 'clarify') return intent.candidates.some((id) => expected.includes(id)) ? 'clarified' : 'missed';
  if (intent.kind === 'out_of_scope' || intent.kind === 'empty') return 'missed';
  return 'confidently_wrong';
}

/**
 * An answer about an aspect of a subject ("what does detox cost?" answered with detox's cost) is an
 * answer to both the subject and the general aspect topic.
 */
function alsoAnswered(content: Content, recognition: Recognition): string[] {
  if (recognition.intent.kind !== 'topic') return [];
  const resolved = resolveAspect(content, recognition.intent.topicId, recognition);
  const general = resolved && aspectTopic(content, resolved.aspect);
  return resolved ? [resolved.subject.id, ...(general ? [general.id] : [])] : [];
}

export function evaluateRecognizer(recognizer: Recognizer, content: Content, questions: EvaluationQuestion[]): EvaluationReport {
  const counts: Record<Outcome, number> = { answered_right: 0, clarified: 0, missed: 0, confidently_wrong: 0 };
  const results = questions.map((question) => {
    const recognition = recognizer.recognize(question.text);
    const answered = alsoAnswered(content, recognition);
    const outcome = outcomeOf(recognition.intent, [question.expected].flat(), answered);
    counts[outcome]++;
    const got = describeIntent(recognition.intent) + (answered.length > 0 ? ` (answering ${answered.join('+')})` : '');
    return { ...question, outcome, got };
  });
  return { total: questions.length, counts, answeredRightRate: counts.answered_right / questions.length, results };
}
