import { copenhagenDate } from '../calendar/copenhagen-time';

/** The ISO week ("2026-W49") of a calendar date (YYYY-MM-DD): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOfDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(year, month - 1, day));
  const weekday = (utc.getUTCDay() + 6) % 7;
  // The Thursday of the same week decides the year the week belongs to.
  const thursday = new Date(utc.getTime() + (3 - weekday) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The last minute asked for and its week: every turn is counted under the week, and asking Intl costs more than the rest of counting. */
let lastWeek: { minute: number; week: string } | undefined;

/** The ISO week an instant falls in, as Copenhagen's calendar has it. */
export function isoWeek(instant: Date): string {
  // Copenhagen's offsets are whole hours, so a date, and its week, never change within a minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastWeek?.minute !== minute) lastWeek = { minute, week: isoWeekOfDate(copenhagenDate(instant)) };
  return lastWeek.week;
}

/** The week `count` weeks before (or after, when negative) the given one. */
export function weeksBefore(week: string, count: number): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error('not an ISO week');
  const [year, number] = [Number(match[1]), Number(match[2])];
  // The Monday of week 1 is the Monday on or before 4 January.
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (number - 1 - count) * 7 * 86_400_000;
  return isoWeekOfDate(new Date(monday).toISOString().slice(0, 10));
}
