import { formatMinutes, localMoment } from '../calendar/copenhagen-time';
import type { Language } from '../content/content-schema';
import type { Translate } from '../content/i18n';
import { DATE_LOCALES, dateInWords } from '../handoff/availability-text';
import { fold } from '../text/fold';
import type { Slot } from './counselling-schedule';

/** A slot's start as Copenhagen's wall clock shows it. */
function wallClock(slot: Slot): { date: string; day: number; month: number; minutes: number; time: string } {
  const { date, minutes } = localMoment(slot.start);
  const [, month, day] = date.split('-').map(Number);
  return { date, day, month, minutes, time: formatMinutes(minutes) };
}

/** A slot on a button: "tirsdag 24/11 kl. 10:00" / "Tuesday 24/11 at 10:00". */
export function slotLabel(slot: Slot, t: Translate, language: Language): string {
  const weekday = new Intl.DateTimeFormat(DATE_LOCALES[language], { weekday: 'long', timeZone: 'Europe/Copenhagen' }).format(slot.start);
  const { day, month, time } = wallClock(slot);
  return t('booking.slotLabel', { weekday, day, month, time });
}

/** A slot in a sentence: "tirsdag den 24. november kl. 10:00" / "Tuesday 24 November at 10:00". */
export function slotInWords(slot: Slot, t: Translate, language: Language): string {
  const { date, time } = wallClock(slot);
  return t('booking.when', { date: dateInWords(date, t, language), time });
}

/** The slots as a numbered list, so they can be chosen by number where buttons do not show. */
export function slotList(slots: Slot[], t: Translate, language: Language): string {
  return slots.map((slot, index) => `${index + 1}. ${slotLabel(slot, t, language)}`).join('\n');
}

const DAY_MONTH = /(?<!\d)(\d{1,2})\s*[/.]\s*(\d{1,2})(?!\d)(?!\s*[:.]\s*\d)/;
const CLOCK = /(?<!\d)([01]?\d|2[0-3])\s*[:.]\s*([0-5]\d)(?!\d)/;

/** Whether a message looks like an answer to "which time?": a list number, a date or a clock time. */
export function looksLikeSlotChoice(text: string): boolean {
  return /^\s*\d{1,2}\s*\.?\s*$/.test(text) || CLOCK.test(text) || DAY_MONTH.test(text);
}

/**
 * Which of the offered slots a message picks: its button label in either language, its number in
 * the list, its date and time ("24/11 10:00") or a time of day that only one offered slot has.
 */
export function pickSlot(text: string, offered: Slot[], labels: (slot: Slot) => string[]): Slot | undefined {
  const folded = fold(text);
  const byLabel = offered.find((slot) => labels(slot).some((label) => fold(label) === folded));
  if (byLabel) return byLabel;
  const number = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
  if (number) return offered[Number(number[1]) - 1];
  const clock = CLOCK.exec(text);
  if (!clock) return undefined;
  const minutes = Number(clock[1]) * 60 + Number(clock[2]);
  const dayMonth = DAY_MONTH.exec(text.replace(CLOCK, ' '));
  const matches = offered.filter((slot) => {
    const shown = wallClock(slot);
    return shown.minutes === minutes && (!dayMonth || (shown.day === Number(dayMonth[1]) && shown.month === Number(dayMonth[2])));
  });
  return matches.length === 1 ? matches[0] : undefined;
}
