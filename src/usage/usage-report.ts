import type { UsageCount } from '../booking/booking-store';
import { weeksBefore } from './iso-week';

/** Counts below this are shown as "<5": a handful of conversations could be told apart. */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '<5';
export type Cell = number | typeof SUPPRESSED;

export interface WeekUsage {
  week: string;
  /** Answers per subject (topic id). */
  answers: Record<string, Cell>;
  /**
   * Shares of the week's questions (answers, clarifications and "not in the documents" together), 0–1; null
   * when a count behind it is below five. The counts themselves are not given: with a rate they would give
   * the week's total, and the total less the shown answers a suppressed cell.
   */
  clarificationRate: number | null;
  notInDocumentsRate: number | null;
  handoffs: { phone: Cell; booking: Cell };
  emergencies: { acute: Cell; concern: Cell };
  feedback: { helped: Cell; notHelped: Cell };
}

export function suppress(count: number): Cell {
  return count < SUPPRESS_BELOW ? SUPPRESSED : count;
}

/** A rate only from counts that are shown themselves, rounded to a tenth of a percent. */
function rate(part: number, whole: number): number | null {
  if (part < SUPPRESS_BELOW || whole < SUPPRESS_BELOW) return null;
  return Math.round((part / whole) * 1000) / 1000;
}

/**
 * The weeks from `fromWeek` to `toWeek`, each with every subject answered in any of them; every cell
 * below SUPPRESS_BELOW (zero too) is "<5". Totals are not given: with them a suppressed cell could be
 * worked out by subtraction.
 */
export function usageReport(rows: readonly UsageCount[], toWeek: string, weekCount: number): WeekUsage[] {
  const weeks = Array.from({ length: weekCount }, (_, index) => weeksBefore(toWeek, weekCount - 1 - index));
  const byWeek = new Map<string, Map<string, number>>();
  const subjects = new Set<string>();
  for (const { week, metric, label, count } of rows) {
    const cells = byWeek.get(week) ?? new Map<string, number>();
    byWeek.set(week, cells);
    cells.set(`${metric}:${label}`, (cells.get(`${metric}:${label}`) ?? 0) + Number(count));
    if (metric === 'answer' && weeks.includes(week)) subjects.add(label);
  }
  return weeks.map((week) => {
    const cells = byWeek.get(week) ?? new Map<string, number>();
    const get = (metric: string, label: string): number => cells.get(`${metric}:${label}`) ?? 0;
    const answered = [...subjects].reduce((sum, subject) => sum + get('answer', subject), 0);
    const clarifications = get('reply', 'clarification');
    const notInDocuments = get('reply', 'out_of_scope');
    const questions = answered + clarifications + notInDocuments;
    return {
      week,
      answers: Object.fromEntries([...subjects].sort().map((subject) => [subject, suppress(get('answer', subject))])),
      clarificationRate: rate(clarifications, questions),
      notInDocumentsRate: rate(notInDocuments, questions),
      handoffs: { phone: suppress(get('handoff', 'phone')), booking: suppress(get('handoff', 'booking')) },
      emergencies: { acute: suppress(get('emergency', 'acute')), concern: suppress(get('emergency', 'concern')) },
      feedback: { helped: suppress(get('feedback', 'helped')), notHelped: suppress(get('feedback', 'not_helped')) },
    };
  });
}
