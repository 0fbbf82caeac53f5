export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A moment as Copenhagen sees it: its calendar date, weekday and minutes after midnight. */
export interface LocalMoment {
  date: string;
  weekday: Weekday;
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
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** The weekday Intl names in English ("Monday"); a name it never gives is a bug, not input. */
function weekdayNamed(name: string): Weekday {
  const weekday = WEEKDAYS.find((day) => day === name.toLowerCase());
  if (weekday === undefined) throw new Error(`Unknown weekday: ${name}`);
  return weekday;
}

export function localMoment(instant: Date): LocalMoment {
  const parts = partsOf(instant);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: weekdayNamed(parts.weekday),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The calendar date in Copenhagen at an instant, as YYYY-MM-DD. */
export function copenhagenDate(instant: Date): string {
  return localMoment(instant).date;
}

/** The instant a Copenhagen wall clock shows a date and time (HH:MM); DST is looked up, not assumed. */
export function copenhagenInstant(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall;
  // Two rounds settle the offset, also on the days the clocks change.
  for (let round = 0; round < 2; round++) {
    const parts = partsOf(new Date(guess));
    const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    guess += wall - shown;
  }
  return new Date(guess);
}

export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar date some days after another, with its weekday; plain date arithmetic, untouched by DST. */
export function dayAfter(date: string, days: number): Pick<LocalMoment, 'date' | 'weekday'> {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return { date: isoDateOf(day), weekday: WEEKDAYS[(day.getUTCDay() + 6) % 7] };
}

export function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
