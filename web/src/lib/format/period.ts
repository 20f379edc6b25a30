// When a good practice runs, in words: the EWSI template asks for start and end dates, or says
// that it is a regular service rather than a time-bound project.
import type { MessageKey } from '../i18n/catalog.ts';
import type { PracticePeriod } from '../registry-types.ts';

export interface PeriodDescription {
  /** The message that says it; its `{start}` and `{end}` are the dates below. */
  key: MessageKey;
  /** The dates as the record gives them (year, year-month or date), to be written the reader's way. */
  dates: { start?: string; end?: string };
}

/** Which sentence describes a period, with which dates; null when the record says nothing of it. */
export function describePeriod(period: PracticePeriod | null): PeriodDescription | null {
  if (!period) return null;
  const start = period.startDate ?? undefined;
  const end = period.endDate ?? undefined;
  if (period.regularService) {
    if (start) return { key: 'periodRegularSince', dates: { start } };
    return { key: 'periodRegular', dates: {} };
  }
  if (start && end) return { key: 'periodFromTo', dates: { start, end } };
  if (start) return { key: 'periodSince', dates: { start } };
  if (end) return { key: 'periodUntil', dates: { end } };
  return null;
}
