// Dates of the registry written the reader's way. Records give dates at the precision their
// sources allow — a year ("2017"), a month ("2021-12") or a day ("2021-12-10") — and each is
// written at that precision, never padded to a day the source does not give.
import { dateTimeFormat } from '../i18n/intl-formatters.ts';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A year, year-month or date written in `lang` ("2017", "décembre 2021", "10 décembre 2021"); anything else as it is. */
export function formatPartialDate(value: string, lang: string): string {
  const match = PARTIAL_DATE.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1));
  // 2021-13 or 2021-02-30 are not dates: show them as given rather than as another day.
  if (
    date.getUTCFullYear() !== Number(year) ||
    (month && date.getUTCMonth() !== Number(month) - 1) ||
    (day && date.getUTCDate() !== Number(day))
  )
    return value;
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return dateTimeFormat(lang, options).format(date);
}

/**
 * The day of an instant written in `lang` ("22 novembre 2026"). On the server `timeZone`
 * defaults to the process's (the node's TZ), so every reader of a page sees the same day.
 */
export function formatDate(iso: string, lang: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/** Whether `value` is a year, year-month or date, and so a valid <time datetime> value as it is. */
export function isPartialDate(value: string): boolean {
  return PARTIAL_DATE.test(value);
}
