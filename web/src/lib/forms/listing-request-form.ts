// The public "list your initiative" form (/list-your-initiative), without SvelteKit: reading the
// posted fields, the checks made before calling the registry (the same limits as the registry's:
// schemas/graphql/listing-requests.graphql), and the registry's typed errors turned into messages
// next to the fields or above the form. The hidden field (a honeypot) and the form token are
// passed on as they came: the registry judges them, and refuses bots in one same message.
import type { MessageKey } from '../i18n/catalog.ts';
import { minutesToWait, problemsFromApiError, type ApiError, type ProblemMessage, type Problems } from './api-error-problems.ts';

export const LISTING_FIELDS = [
  'name',
  'summary',
  'city',
  'country',
  'sector',
  'languagesOffered',
  'website',
  'askerEmail',
  'consentToList',
  'migrantLed',
] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];

/** The `id` and `name` of each field's input; the error summary links to `#<id>`. */
export const LISTING_FIELD_IDS: Readonly<Record<ListingField, string>> = {
  name: 'listing-name',
  summary: 'listing-summary',
  city: 'listing-city',
  country: 'listing-country',
  sector: 'listing-sector',
  // A group of checkboxes: the summary links to the first one.
  languagesOffered: 'listing-languages',
  website: 'listing-website',
  askerEmail: 'listing-email',
  consentToList: 'listing-consent',
  migrantLed: 'listing-migrant-led',
};
/** The hidden field people never see and bots fill; its name looks worth filling. */
export const HONEYPOT_FIELD = 'homepage';
export const TOKEN_FIELD = 'form-token';

export const MIGRANT_LED_CHOICES = ['migrant-led-shown', 'migrant-led-not-shown', 'not-migrant-led', 'unsaid'] as const;
export type MigrantLedFormChoice = (typeof MIGRANT_LED_CHOICES)[number];

export const LISTING_LIMITS = {
  name: 200,
  summaryMin: 20,
  summary: 1000,
  city: 100,
  website: 2000,
  languages: 20,
  summaryLinks: 2,
} as const;

export interface ListingRequestValues {
  name: string;
  summary: string;
  city: string;
  country: string;
  sector: string;
  languagesOffered: string[];
  website: string;
  askerEmail: string;
  consentToList: boolean;
  migrantLed: MigrantLedFormChoice;
  formToken: string;
  honeypot: string;
}

export type ListingProblems = Problems<ListingField>;
export type ListingMessage = ProblemMessage;

/** The posted values, each a string (a file counts as empty), trimmed where spaces mean nothing. */
export function readListingRequestForm(data: FormData): ListingRequestValues {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const migrantLed = text(LISTING_FIELD_IDS.migrantLed);
  return {
    name: text(LISTING_FIELD_IDS.name).trim(),
    summary: text(LISTING_FIELD_IDS.summary).trim(),
    city: text(LISTING_FIELD_IDS.city).trim(),
    country: text(LISTING_FIELD_IDS.country).trim(),
    sector: text(LISTING_FIELD_IDS.sector).trim(),
    languagesOffered: [
      ...new Set(
        data
          .getAll(LISTING_FIELD_IDS.languagesOffered)
          .filter((v): v is string => typeof v === 'string')
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ],
    website: text(LISTING_FIELD_IDS.website).trim(),
    askerEmail: text(LISTING_FIELD_IDS.askerEmail).trim(),
    consentToList: text(LISTING_FIELD_IDS.consentToList) === 'yes',
    migrantLed: (MIGRANT_LED_CHOICES as readonly string[]).includes(migrantLed) ? (migrantLed as MigrantLedFormChoice) : 'unsaid',
    formToken: text(TOKEN_FIELD),
    honeypot: text(HONEYPOT_FIELD),
  };
}

// Only the shape: whether the address works is for the invitation to find out.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LINK = /\bhttps?:\/\/|\bwww\.|<a\s|\[[^\]]*\]\(/gi;
const links = (text: string) => text.match(LINK)?.length ?? 0;

/** Problems found before sending; null when the request can go to the registry. */
export function checkListingRequestForm(values: ListingRequestValues): ListingProblems | null {
  const fields: ListingProblems['fields'] = {};
  if (values.name === '' || values.name.length > LISTING_LIMITS.name || links(values.name) > 0)
    fields.name = { key: 'listRequestErrorName' };
  if (
    values.summary.length < LISTING_LIMITS.summaryMin ||
    values.summary.length > LISTING_LIMITS.summary ||
    links(values.summary) > LISTING_LIMITS.summaryLinks
  )
    fields.summary = { key: 'listRequestErrorSummary' };
  if (values.city === '' || values.city.length > LISTING_LIMITS.city) fields.city = { key: 'listRequestErrorCity' };
  if (!/^[A-Z]{2}$/.test(values.country)) fields.country = { key: 'listRequestErrorCountry' };
  if (values.sector === '') fields.sector = { key: 'listRequestErrorSector' };
  if (values.languagesOffered.length > LISTING_LIMITS.languages) fields.languagesOffered = { key: 'listRequestErrorLanguages' };
  if (values.website && !/^https?:\/\/[^\s/]+\.\S+$/i.test(values.website)) fields.website = { key: 'listRequestErrorWebsite' };
  if (!EMAIL.test(values.askerEmail) || values.askerEmail.length > 254) fields.askerEmail = { key: 'listRequestErrorEmail' };
  if (!values.consentToList) fields.consentToList = { key: 'listRequestErrorConsent' };
  return Object.keys(fields).length > 0 ? { fields, general: [] } : null;
}

/** Our message for each field, whatever the registry's code for it. */
const FIELD_MESSAGES: Readonly<Record<ListingField, MessageKey>> = {
  name: 'listRequestErrorName',
  summary: 'listRequestErrorSummary',
  city: 'listRequestErrorCity',
  country: 'listRequestErrorCountry',
  sector: 'listRequestErrorSector',
  languagesOffered: 'listRequestErrorLanguages',
  website: 'listRequestErrorWebsite',
  askerEmail: 'listRequestErrorEmail',
  consentToList: 'listRequestErrorConsent',
  migrantLed: 'listRequestErrorRefused',
};

/** Where each problem of a requestListing error goes, in the reader's language; RateLimited says how long to wait. */
export function problemsFromRequestError(error: ApiError): ListingProblems {
  if (error.code === 'RATE_LIMITED')
    return { fields: {}, general: [{ key: 'listRequestErrorRateLimited', values: { minutes: minutesToWait(error) } }] };
  if (error.code === 'REQUEST_REFUSED') return { fields: {}, general: [{ key: 'listRequestErrorRefused' }] };
  if (error.code === 'FORM_EXPIRED') return { fields: {}, general: [{ key: 'listRequestErrorExpired' }] };
  const problems = problemsFromApiError(error, {
    fields: Object.fromEntries(LISTING_FIELDS.map((field) => [field, field])) as Record<string, ListingField>,
  });
  // The registry's words are English; every field of this form has a message of ours.
  for (const field of LISTING_FIELDS) if (problems.fields[field]) problems.fields[field] = { key: FIELD_MESSAGES[field] };
  return problems;
}

/** HTTP status of a refused request: 429 when rate-limited, else 400. */
export function statusForRequestError(code: string): 400 | 429 {
  return code === 'RATE_LIMITED' ? 429 : 400;
}

/** The registry's MigrantLedChoice for the form's choice. */
export function migrantLedChoice(
  choice: MigrantLedFormChoice,
): 'MIGRANT_LED_SHOWN' | 'MIGRANT_LED_NOT_SHOWN' | 'NOT_MIGRANT_LED' | 'UNSAID' {
  return choice.toUpperCase().replaceAll('-', '_') as ReturnType<typeof migrantLedChoice>;
}
