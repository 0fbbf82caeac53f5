import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are HH:MM, 24-hour');
const interval = z.tuple([time, time]).refine(([from, to]) => from < to, 'an interval must end after it starts');
const day = z.array(interval).max(6);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Pitstop's opening hours, as the municipality configures them; the documents give none. */
export const openingHoursSchema = z
  .object({
    timeZone: z.literal('Europe/Copenhagen').default('Europe/Copenhagen'),
    weekly: z.object(Object.fromEntries(WEEKDAYS.map((name) => [name, day.default([])])) as Record<(typeof WEEKDAYS)[number], z.ZodDefault<typeof day>>).strict(),
    /** Closed on the Danish public holidays (helligdage) unless an exception says otherwise. */
    closedOnPublicHolidays: z.boolean().default(true),
    /** Dates with other hours than usual; an empty list closes the day. */
    exceptions: z.record(isoDate, day).default({}),
  })
  .strict();
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** A moment as Copenhagen sees it: its calendar date, weekday and minutes after midnight. */
interface LocalMoment {
  date: string;
  weekday: (typeof WEEKDAYS)[number];
  minutes: number;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function localMoment(instant: Date): LocalMoment {
  const parts = Object.fromEntries(PARTS.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: parts.weekday.toLowerCase() as LocalMoment['weekday'],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The calendar date in Copenhagen at an instant, as YYYY-MM-DD. */
export function copenhagenDate(instant: Date): string {
  return localMoment(instant).date;
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The Danish public holidays (helligdage) of a year. Store bededag is not one since 2024; Christmas Eve,
 * New Year's Eve and Grundlovsdag are not public holidays: closing then is an exception to configure.
 */
export function danishPublicHolidays(year: number): string[] {
  const sunday = easter(year).getTime();
  const fromEaster = (days: number): string => isoOf(new Date(sunday + days * 86_400_000));
  return [
    `${year}-01-01`,
    fromEaster(-3),
    fromEaster(-2),
    fromEaster(0),
    fromEaster(1),
    ...(year < 2024 ? [fromEaster(26)] : []),
    fromEaster(39),
    fromEaster(49),
    fromEaster(50),
    `${year}-12-25`,
    `${year}-12-26`,
  ].sort();
}

function hoursOn(hours: OpeningHours, moment: Pick<LocalMoment, 'date' | 'weekday'>): Array<[number, number]> {
  const exception = hours.exceptions[moment.date];
  const day =
    exception ?? (hours.closedOnPublicHolidays && danishPublicHolidays(Number(moment.date.slice(0, 4))).includes(moment.date) ? [] : hours.weekly[moment.weekday]);
  return day.map(([from, to]) => [minutesOf(from), minutesOf(to)]);
}

export type Availability = { open: true; closesAt: string } | { open: false; opensAt?: { date: string; time: string } };

const LOOKAHEAD_DAYS = 21;

/** A calendar date some days after another, with its weekday; plain date arithmetic, untouched by DST. */
function dayAfter(date: string, days: number): Pick<LocalMoment, 'date' | 'weekday'> {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return { date: isoOf(day), weekday: WEEKDAYS[(day.getUTCDay() + 6) % 7] };
}

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

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
