// The rules of a market record that JSON Schema cannot state: they depend on the day (the
// expiry is from today to a year ahead) or on two fields at once (an end after its start, a
// deadline before the expiry). Dates are full ISO dates, compared as text (same length and order).
import type { FieldError } from '../records/field-errors.ts';
import type { MarketRecord } from './market-record.ts';

/**
 * The last expiry a record may have when written on `today`: the same day a year later (28
 * February for 29 February). A year bounds how stale a forgotten record can get: a request or
 * an offer that matters longer is renewed by its owner, which also says it is still true.
 */
export function latestExpiry(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year + 1, month - 1, day));
  // Date.UTC rolls 29 February over to 1 March in a common year: step back to 28 February.
  if (next.getUTCMonth() !== month - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Problems of `record` written on `today` (YYYY-MM-DD, UTC), by field; empty when none. */
export function marketRecordRules(record: MarketRecord, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const latest = latestExpiry(today);
  if (record.expiresOn < today)
    errors.push({ field: 'expiresOn', code: 'IN_THE_PAST', message: `is in the past: give a day from ${today} to ${latest}.` });
  else if (record.expiresOn > latest)
    errors.push({
      field: 'expiresOn',
      code: 'TOO_FAR',
      message: `is more than a year ahead: give a day until ${latest} at the latest, and renew the record then if it still holds.`,
    });
  const { startDate, endDate } = record.period ?? {};
  if (startDate && endDate && endDate < startDate)
    errors.push({ field: 'period.endDate', code: 'BEFORE_START', message: `is before the start (${startDate}).` });
  const deadline = record.request?.deadline;
  if (deadline && deadline > record.expiresOn)
    errors.push({
      field: 'request.deadline',
      code: 'AFTER_EXPIRY',
      message: `is after the record's expiry (${record.expiresOn}): answers could not arrive while it is public; move the expiry to the deadline or later.`,
    });
  return errors;
}

/** The record's expiry problem when it is asked to be published on `today` (submitted or approved); null when it may be. */
export function expiredOnPublish(record: MarketRecord, today: string): FieldError | null {
  return record.expiresOn < today
    ? {
        field: 'expiresOn',
        code: 'IN_THE_PAST',
        message: `passed on ${record.expiresOn}: set a new expiry (until ${latestExpiry(today)}) before publishing.`,
      }
    : null;
}
