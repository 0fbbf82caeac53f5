import { z } from 'zod';
import { recordOf } from '../base/records';
import { dayAfter, formatMinutes, type LocalMoment, localMoment, minutesOf, WEEKDAYS } from '../calendar/copenhagen-time';
import { isDanishPublicHoliday } from '../calendar/danish-public-holidays';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are HH:MM, 24-hour');
const interval = z.tuple([time, time]).refine(([from, to]) => from < to, 'an interval must end after it starts');
const day = z.array(interval).max(6);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

/** Pitstop's opening hours, as the municipality configures them; the documents give none. */
export const openingHoursSchema = z
  .object({
    timeZone: z.literal('Europe/Copenhagen').default('Europe/Copenhagen'),
    weekly: z.object(recordOf(WEEKDAYS, () => day.default([]))).strict(),
    /** Closed on the Danish public holidays (helligdage) unless an exception says otherwise. */
    closedOnPublicHolidays: z.boolean().default(true),
    /** Dates with other hours than usual; an empty list closes the day. */
    exceptions: z.record(isoDate, day).default({}),
  })
  .strict();
export type OpeningHours = z.infer<typeof openingHoursSchema>;

function hoursOn(hours: OpeningHours, moment: Pick<LocalMoment, 'date' | 'weekday'>): Array<[number, number]> {
  const exception = hours.exceptions[moment.date];
  const day = exception ?? (hours.closedOnPublicHolidays && isDanishPublicHoliday(moment.date) ? [] : hours.weekly[moment.weekday]);
  return day.map(([from, to]) => [minutesOf(from), minutesOf(to)]);
}

export type Availability = { open: true; closesAt: string } | { open: false; opensAt?: { date: string; time: string } };

const LOOKAHEAD_DAYS = 21;

/** Whether Pitstop is open at an instant and until when, or else when it next opens (within three weeks). */
export function availability(hours: OpeningHours, instant: Date): Availability {
  const now = localMoment(instant);
  const current = hoursOn(hours, now).find(([from, to]) => now.minutes >= from && now.minutes < to);
  if (current) return { open: true, closesAt: formatMinutes(current[1]) };
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset++) {
    const day = dayAfter(now.date, offset);
    const start = hoursOn(hours, day).find(([from]) => offset > 0 || from > now.minutes);
    if (start) return { open: false, opensAt: { date: day.date, time: formatMinutes(start[0]) } };
  }
  return { open: false };
}
