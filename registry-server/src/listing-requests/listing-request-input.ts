// What the public form sends, checked before anything is stored, and the draft initiative made
// from it. Sizes and links are limited here (what a person writes about their initiative never
// needs more), before the record goes through the one validation layer like every record.
import { isEmail, normaliseEmail } from '../accounts/email-address.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { InitiativeRecord } from '../records/record-types.ts';

export type MigrantLedChoice = 'not-migrant-led' | 'migrant-led-not-shown' | 'migrant-led-shown' | 'unsaid';

export interface ListingRequestInput {
  name: string;
  summary: string;
  language: string;
  city: string;
  country: string;
  sector: string;
  languagesOffered?: readonly string[] | null;
  website?: string | null;
  askerEmail: string;
  consentToList: boolean;
  migrantLed?: MigrantLedChoice | null;
  formToken: string;
  leaveEmpty?: string | null;
}

export const REQUEST_LIMITS = {
  name: 200,
  summaryMin: 20,
  summary: 1000,
  city: 100,
  email: 254,
  website: 2000,
  languages: 20,
  /** Links a summary may hold: a person names their site or a partner, a spammer lists many. */
  summaryLinks: 2,
} as const;

// http(s) addresses, bare www. names and markup links all count.
const LINK = /\bhttps?:\/\/|\bwww\.|<a\s|\[[^\]]*\]\(/gi;
const countLinks = (text: string) => text.match(LINK)?.length ?? 0;
// Control characters (other than line breaks and tabs in the summary) have no place in these
// fields, nor do explicit direction overrides and isolates, which make a published name read
// differently from what it holds (the page sets the direction of each text itself).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Field errors of the request (the form's field names); empty when it may go on. */
export function requestErrors(input: ListingRequestInput): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, code: string, message: string) => errors.push({ field, code, message });
  const name = input.name.trim();
  const summary = input.summary.trim();
  const city = input.city.trim();
  if (!input.consentToList)
    add('consentToList', 'CONSENT_REQUIRED', 'must be given: without consent to be listed publicly, the request cannot be sent.');
  if (name.length === 0) add('name', 'REQUIRED', 'is required.');
  else if (name.length > REQUEST_LIMITS.name) add('name', 'TOO_LONG', `must be at most ${REQUEST_LIMITS.name} characters.`);
  else if (countLinks(name) > 0) add('name', 'TOO_MANY_LINKS', 'must not contain a web address; give the website in its own field.');
  else if (CONTROL.test(name) || /[\r\n]/.test(name)) add('name', 'INVALID', 'must be one line of text.');
  if (summary.length < REQUEST_LIMITS.summaryMin)
    add('summary', summary.length === 0 ? 'REQUIRED' : 'TOO_SHORT', `must be at least ${REQUEST_LIMITS.summaryMin} characters.`);
  else if (summary.length > REQUEST_LIMITS.summary) add('summary', 'TOO_LONG', `must be at most ${REQUEST_LIMITS.summary} characters.`);
  else if (countLinks(summary) > REQUEST_LIMITS.summaryLinks)
    add('summary', 'TOO_MANY_LINKS', `must contain at most ${REQUEST_LIMITS.summaryLinks} web addresses.`);
  else if (CONTROL.test(summary)) add('summary', 'INVALID', 'must be plain text.');
  if (city.length === 0) add('city', 'REQUIRED', 'is required.');
  else if (city.length > REQUEST_LIMITS.city) add('city', 'TOO_LONG', `must be at most ${REQUEST_LIMITS.city} characters.`);
  else if (countLinks(city) > 0 || CONTROL.test(city) || /[\r\n]/.test(city)) add('city', 'INVALID', 'must be the name of a city.');
  if (!/^[A-Z]{2}$/.test(input.country.trim().toUpperCase())) add('country', 'INVALID', 'must be a country (ISO 3166-1 alpha-2 code).');
  if (input.sector.trim().length === 0) add('sector', 'REQUIRED', 'is required.');
  const email = normaliseEmail(input.askerEmail);
  if (email.length > REQUEST_LIMITS.email || !isEmail(email))
    add('askerEmail', 'INVALID_EMAIL', 'must be an e-mail address where the invitation can reach you.');
  const website = input.website?.trim();
  if (website && (website.length > REQUEST_LIMITS.website || !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(website)))
    add('website', 'INVALID_URL', 'must be a web address starting with https:// (or leave it empty).');
  if ((input.languagesOffered?.length ?? 0) > REQUEST_LIMITS.languages)
    add('languagesOffered', 'TOO_MANY', `must be at most ${REQUEST_LIMITS.languages} languages.`);
  return errors;
}

const MIGRANT_LED: Readonly<Record<Exclude<MigrantLedChoice, 'unsaid'>, InitiativeRecord['migrantLed']>> = {
  'not-migrant-led': { declared: false, consentToPublish: false },
  'migrant-led-not-shown': { declared: true, consentToPublish: false },
  'migrant-led-shown': { declared: true, consentToPublish: true },
};

/**
 * The draft initiative: the texts in the language they were written in, only the city published
 * (informal groups' default, DATA-MODEL privacy rule 3), the legal form "informal group" (L1)
 * until its editor says otherwise, and no contact at all: the person's address is not the
 * initiative's and stays out of the record (ADR 0029).
 */
export function recordFromRequest(input: ListingRequestInput, handle: string): Partial<InitiativeRecord> {
  const language = input.language.trim();
  const migrantLed = input.migrantLed && input.migrantLed !== 'unsaid' ? MIGRANT_LED[input.migrantLed] : undefined;
  const languages = [...new Set((input.languagesOffered ?? []).map((tag) => tag.trim()).filter(Boolean))];
  const website = input.website?.trim();
  return {
    handle,
    name: { [language]: input.name.trim() },
    summary: { [language]: input.summary.trim() },
    originalLanguage: language,
    legalForm: 'L1',
    primarySector: input.sector.trim(),
    location: { locality: input.city.trim(), country: input.country.trim().toUpperCase(), precision: 'city' },
    ...(languages.length ? { languagesOffered: languages } : {}),
    ...(website ? { website } : {}),
    ...(migrantLed ? { migrantLed } : {}),
  };
}

/** A handle from the name: ASCII letters and digits joined by hyphens; "initiative" when none is left (a name in Arabic or Greek). */
export function handleFromName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return ascii || 'initiative';
}

/** Where the record's own field errors go on the form. */
export function formField(recordField: string): string | null {
  if (recordField.startsWith('name')) return 'name';
  if (recordField.startsWith('summary')) return 'summary';
  if (recordField === 'location.locality') return 'city';
  if (recordField === 'location.country') return 'country';
  if (recordField.startsWith('primarySector')) return 'sector';
  if (recordField.startsWith('languagesOffered')) return 'languagesOffered';
  if (recordField.startsWith('website')) return 'website';
  if (recordField.startsWith('originalLanguage')) return 'language';
  return null;
}
