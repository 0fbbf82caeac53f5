import { isoDateOf } from './copenhagen-time';

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

/**
 * The Danish public holidays (helligdage) of a year. Store bededag is not one since 2024; Christmas Eve,
 * New Year's Eve and Grundlovsdag are not public holidays: closing then is an exception to configure.
 */
export function danishPublicHolidays(year: number): string[] {
  const sunday = easter(year).getTime();
  const fromEaster = (days: number): string => isoDateOf(new Date(sunday + days * 86_400_000));
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

export function isDanishPublicHoliday(date: string): boolean {
  return danishPublicHolidays(Number(date.slice(0, 4))).includes(date);
}
