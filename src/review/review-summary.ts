import { REVIEW_FLAGS, type ReviewEntry, type ReviewFlag } from './run-review';

export interface ReviewSummary {
  questions: number;
  conversations: number;
  answered: number;
  clarified: number;
  /** Questions with at least one flag. */
  flagged: number;
  byFlag: Record<ReviewFlag, number>;
}

export const FLAG_LABELS: Record<ReviewFlag, string> = {
  clarified: 'clarified ("did you mean…?")',
  not_in_documents: 'not in the documents',
  out_of_scope: 'not understood',
  emergency: 'emergency reply or line',
  expected_missed: 'expected topic missed',
  no_reply: 'no reply',
};

export function summarise(entries: ReviewEntry[]): ReviewSummary {
  const count = (flag: ReviewFlag): number => entries.filter((entry) => entry.flags.includes(flag)).length;
  const byFlag: Record<ReviewFlag, number> = {
    clarified: count('clarified'),
    not_in_documents: count('not_in_documents'),
    out_of_scope: count('out_of_scope'),
    emergency: count('emergency'),
    expected_missed: count('expected_missed'),
    no_reply: count('no_reply'),
  };
  return {
    questions: entries.length,
    conversations: new Set(entries.map((entry) => entry.conversation)).size,
    answered: entries.filter((entry) => entry.answered).length,
    clarified: byFlag.clarified,
    flagged: entries.filter((entry) => entry.flags.length > 0).length,
    byFlag,
  };
}

/** The flags that occurred, in their fixed order, with their counts. */
export function flagCounts(summary: ReviewSummary): Array<[ReviewFlag, number]> {
  return REVIEW_FLAGS.map((flag): [ReviewFlag, number] => [flag, summary.byFlag[flag]]).filter(([, count]) => count > 0);
}
