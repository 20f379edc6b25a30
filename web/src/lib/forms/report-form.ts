// The "Report this listing" form (/report, ADR 0031), without SvelteKit: the reasons a reporter
// picks from, reading the posted fields, the checks made before calling the registry (the same
// limits as its own: schemas/graphql/reports.graphql), and the registry's typed errors turned
// into messages next to the fields or above the form.
import type { MessageKey } from '../i18n/catalog.ts';
import type { ReportCategory } from '../generated/operation-types.ts';
import { minutesToWait, problemsFromApiError, type ApiError, type Problems } from './api-error-problems.ts';

export const REPORT_CATEGORIES = [
  'WRONG_INFORMATION',
  'NOT_MIGRANT_LED_SSE',
  'PERSONAL_DATA',
  'OFFENSIVE_OR_SPAM',
  'OTHER',
] as const satisfies readonly ReportCategory[];

/** Each reason in words, for the reporter and for the moderators. */
export const CATEGORY_LABELS: Readonly<Record<ReportCategory, MessageKey>> = {
  WRONG_INFORMATION: 'reportLoopCategoryWrongInformation',
  NOT_MIGRANT_LED_SSE: 'reportLoopCategoryNotMigrantLedSse',
  PERSONAL_DATA: 'reportLoopCategoryPersonalData',
  OFFENSIVE_OR_SPAM: 'reportLoopCategoryOffensiveOrSpam',
  OTHER: 'reportLoopCategoryOther',
};

export const REPORT_TEXT_MAX = 2000;

export type ReportField = 'category' | 'text';

/** The `id` of each field; the error summary links to `#<id>` (the first radio button for the reason). */
export const REPORT_FIELD_IDS: Readonly<Record<ReportField, string>> = {
  category: `report-category-${REPORT_CATEGORIES[0]}`,
  text: 'report-text',
};

export interface ReportFormValues {
  listing: string;
  /** '' when none was chosen. */
  category: ReportCategory | '';
  text: string;
}

export type ReportProblems = Problems<ReportField>;

const isCategory = (value: string): value is ReportCategory => (REPORT_CATEGORIES as readonly string[]).includes(value);

/** The posted values, each a string (a file counts as empty); an unknown reason counts as none. */
export function readReportForm(data: FormData): ReportFormValues {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const category = text('category');
  return { listing: text('listing').trim(), category: isCategory(category) ? category : '', text: text('text') };
}

/** Problems found before sending; null when the report can go to the registry. */
export function checkReportForm(values: ReportFormValues): ReportProblems | null {
  const fields: ReportProblems['fields'] = {};
  if (values.category === '') fields.category = { key: 'reportLoopErrorCategory' };
  if (values.text.trim().length > REPORT_TEXT_MAX) fields.text = { key: 'reportLoopErrorTextTooLong' };
  else if (values.category === 'OTHER' && values.text.trim().length < 3) fields.text = { key: 'reportLoopErrorTextOther' };
  return Object.keys(fields).length > 0 ? { fields, general: [] } : null;
}

const FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'category/REQUIRED': 'reportLoopErrorCategory',
  'text/TOO_LONG': 'reportLoopErrorTextTooLong',
  'text/REQUIRED': 'reportLoopErrorTextOther',
};

/** Where each problem of a submitReport error goes; RateLimited says how long to wait, NOT_FOUND that the listing is not published. */
export function problemsFromReportError(error: ApiError): ReportProblems {
  if (error.code === 'RATE_LIMITED')
    return { fields: {}, general: [{ key: 'reportLoopErrorRateLimited', values: { minutes: minutesToWait(error) } }] };
  if (error.code === 'NOT_FOUND') return { fields: {}, general: [{ key: 'reportLoopErrorNotFound' }] };
  return problemsFromApiError(error, {
    fields: { category: 'category', text: 'text' },
    fieldMessages: FIELD_MESSAGES,
    fieldText: 'withPath',
  });
}

/** HTTP status of a refused report: 429 when rate-limited, 404 for a listing that is not published, else 400. */
export function statusForReportError(code: string): 400 | 404 | 429 {
  return code === 'RATE_LIMITED' ? 429 : code === 'NOT_FOUND' ? 404 : 400;
}
