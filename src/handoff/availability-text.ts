import type { Language } from '../content/content-schema';
import type { Translate } from '../content/i18n';
import type { Availability } from './opening-hours';

/** The ICU locale that names weekdays and months in each language. */
export const DATE_LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

/** A calendar date in words, "mandag den 30. november" / "Monday 30 November": names from ICU, order from content. */
export function dateInWords(date: string, t: Translate, language: Language): string {
  const format = new Intl.DateTimeFormat(DATE_LOCALES[language], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const parts = Object.fromEntries(format.formatToParts(new Date(`${date}T12:00:00Z`)).map((part) => [part.type, part.value]));
  return t('handoff.date', { weekday: parts.weekday, day: parts.day, month: parts.month });
}

/** Whether Pitstop is open, in words: until when, or when it opens next and where to turn meanwhile. */
export function availabilityText(availability: Availability, today: string, t: Translate, language: Language): string {
  if (availability.open) return t('handoff.openNow', { closesAt: availability.closesAt });
  const { opensAt } = availability;
  const next = !opensAt
    ? []
    : [
        opensAt.date === today
          ? t('handoff.opensToday', { time: opensAt.time })
          : t('handoff.opensOn', { date: dateInWords(opensAt.date, t, language), time: opensAt.time }),
      ];
  return [t('handoff.closedNow'), ...next, t('handoff.whileClosed')].join(' ');
}
