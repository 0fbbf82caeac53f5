import { z } from 'zod';
import { recordOf } from '../base/records';
import { copenhagenInstant, dayAfter, localMoment, minutesOf, WEEKDAYS } from '../calendar/copenhagen-time';
import { isDanishPublicHoliday } from '../calendar/danish-public-holidays';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are HH:MM, 24-hour');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const startTimes = z.array(time).max(24);

/** When Pitstop's counsellors take anonymous bookings, as the municipality configures it. */
export const counsellingScheduleSchema = z
  .object({
    /** The schedule shipped for development: the bot then says the times are only an example. */
    example: z.boolean().default(false),
    timeZone: z.literal('Europe/Copenhagen').default('Europe/Copenhagen'),
    slotMinutes: z.number().int().min(10).max(240).default(45),
    /** The start times of the conversations on each weekday. */
    weekly: z.object(recordOf(WEEKDAYS, () => startTimes.default([]))).strict(),
    closedOnPublicHolidays: z.boolean().default(true),
    /** Dates with other start times than usual; an empty list means no conversations that day. */
    exceptions: z.record(isoDate, startTimes).default({}),
    /** How far ahead a slot can be booked, counting today. */
    bookableDays: z.number().int().min(1).max(90).default(14),
    /** Counsellors need to see a booking before it starts. */
    minimumNoticeMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(120),
  })
  .strict()
  .superRefine((schedule, issues) => {
    const days: Array<[string, string[]]> = [
      ...Object.entries(schedule.weekly),
      ...Object.entries(schedule.exceptions).map(([date, times]): [string, string[]] => [`exceptions.${date}`, times]),
    ];
    for (const [day, times] of days) {
      const minutes = times.map(minutesOf).sort((a, b) => a - b);
      if (minutes.some((start, index) => index > 0 && start - minutes[index - 1] < schedule.slotMinutes)) {
        issues.addIssue({
          code: 'custom',
          path: day.split('.'),
          message: `conversations on one day must start at least slotMinutes (${schedule.slotMinutes}) apart`,
        });
      }
      if (minutes.some((start) => start + schedule.slotMinutes > 24 * 60)) {
        issues.addIssue({ code: 'custom', path: day.split('.'), message: 'a conversation must end the day it starts' });
      }
    }
  });
export type CounsellingSchedule = z.infer<typeof counsellingScheduleSchema>;

export interface Slot {
  start: Date;
  end: Date;
}

function startTimesOn(schedule: CounsellingSchedule, day: ReturnType<typeof dayAfter>): string[] {
  const exception = schedule.exceptions[day.date];
  if (exception) return exception;
  return schedule.closedOnPublicHolidays && isDanishPublicHoliday(day.date) ? [] : schedule.weekly[day.weekday];
}

/** Every slot the schedule offers from now on, within the bookable days and after the minimum notice. */
export function scheduledSlots(schedule: CounsellingSchedule, now: Date): Slot[] {
  const today = localMoment(now).date;
  const earliest = now.getTime() + schedule.minimumNoticeMinutes * 60_000;
  const slots: Slot[] = [];
  for (let offset = 0; offset < schedule.bookableDays; offset++) {
    const day = dayAfter(today, offset);
    for (const time of [...startTimesOn(schedule, day)].sort()) {
      const start = copenhagenInstant(day.date, time);
      if (start.getTime() >= earliest) slots.push({ start, end: new Date(start.getTime() + schedule.slotMinutes * 60_000) });
    }
  }
  return slots;
}
