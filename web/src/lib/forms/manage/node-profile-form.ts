// The node profile page's form (routes/admin/profile): what was posted, the whole profile input
// the registry expects (the other languages' texts kept as stored), the checks that need no
// registry (a coordinate that is not a number), and where each of the registry's field paths
// goes on the page. Range checks, e-mail format and language tags are the registry's (its one
// validation layer); this file only gives them messages in the reader's language.
import type { MessageKey } from '../../i18n/catalog.ts';
import { problemsFromApiError, type ApiError } from '../api-error-problems.ts';
import { conflictProblems } from './edit-problems.ts';
import { textField, type Problems } from './form-problems.ts';

export const PROFILE_FIELD_IDS = {
  name: 'profile-name',
  summary: 'profile-summary',
  email: 'profile-email',
  address: 'profile-address',
  lat: 'profile-lat',
  lon: 'profile-lon',
  languages: 'profile-languages',
} as const;

export const operatorFieldId = (index: number, field: 'name' | 'role' | 'url') => `operator-${index}-${field}`;

export interface StoredProfile {
  profileVersion: number;
  editableTexts: ReadonlyArray<{ language: string; name?: string | null; summary?: string | null }> | null;
  contact: { email?: string | null; address?: string | null } | null;
  geo: { lat: number; lon: number } | null;
  defaultLanguages: ReadonlyArray<{ code: string }>;
  operators: ReadonlyArray<{ name: string; url?: string | null; role: { code: string } }>;
}

export interface ProfileForm {
  lang: string;
  name: string;
  summary: string;
  email: string;
  address: string;
  lat: string;
  lon: string;
  languages: string[];
  operators: Array<{ name: string; role: string; url: string }>;
}

/** How many organisation rows the form shows: the stored ones and one empty row to add another. */
export const operatorRows = (stored: number) => stored + 1;

export function readProfileForm(form: FormData, lang: string, rows: number): ProfileForm {
  const operators = Array.from({ length: Math.min(rows, 21) }, (_, i) => ({
    name: textField(form, operatorFieldId(i, 'name')),
    role: textField(form, operatorFieldId(i, 'role')),
    url: textField(form, operatorFieldId(i, 'url')),
  }));
  return {
    lang,
    name: textField(form, 'name'),
    summary: textField(form, 'summary'),
    email: textField(form, 'email'),
    address: textField(form, 'address'),
    lat: textField(form, 'lat'),
    lon: textField(form, 'lon'),
    languages: form.getAll('languages').filter((v): v is string => typeof v === 'string'),
    operators,
  };
}

/** A coordinate as typed (a decimal comma is fine); NaN when it is not a number. */
function coordinate(text: string): number {
  const normal = text.replace(',', '.').replace(/\s/g, '');
  return /^[-+]?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** The checks that need no registry: coordinates that are not numbers, or only one of the two. */
export function checkProfileForm(posted: ProfileForm): Problems | null {
  const fields: Problems['fields'] = {};
  const bothEmpty = posted.lat === '' && posted.lon === '';
  if (!bothEmpty) {
    if (Number.isNaN(coordinate(posted.lat))) fields[PROFILE_FIELD_IDS.lat] = { key: 'profileErrorLat' };
    if (Number.isNaN(coordinate(posted.lon))) fields[PROFILE_FIELD_IDS.lon] = { key: 'profileErrorLon' };
  }
  return Object.keys(fields).length ? { fields, general: [] } : null;
}

/** The whole profile the registry expects: this language's texts as posted, the others as stored. */
export function profileInput(stored: StoredProfile, posted: ProfileForm) {
  const texts = (stored.editableTexts ?? [])
    .filter((t) => t.language !== posted.lang)
    .map((t) => ({ language: t.language, name: t.name ?? null, summary: t.summary ?? null }));
  if (posted.name || posted.summary) texts.push({ language: posted.lang, name: posted.name || null, summary: posted.summary || null });
  // The main language stays first when it is still ticked.
  const before = stored.defaultLanguages.map((l) => l.code).filter((code) => posted.languages.includes(code));
  const languages = [...before, ...posted.languages.filter((code) => !before.includes(code))];
  return {
    version: stored.profileVersion,
    texts,
    contact: posted.email || posted.address ? { email: posted.email || null, address: posted.address || null } : null,
    geo: posted.lat === '' && posted.lon === '' ? null : { lat: coordinate(posted.lat), lon: coordinate(posted.lon) },
    defaultLanguages: languages,
    operators: posted.operators
      .filter((o) => o.name !== '' || o.url !== '')
      .map((o) => ({ name: o.name, role: o.role, url: o.url || null })),
  };
}

/**
 * The registry's field paths → this page's fields. The operators' paths follow the rows kept
 * (empty rows are dropped before sending), so `operators.0` is the first filled row.
 */
export function profileFieldIds(posted: ProfileForm): Record<string, string> {
  const ids: Record<string, string> = {
    name: PROFILE_FIELD_IDS.name,
    [`name.${posted.lang}`]: PROFILE_FIELD_IDS.name,
    [`summary.${posted.lang}`]: PROFILE_FIELD_IDS.summary,
    contact: PROFILE_FIELD_IDS.email,
    'contact.email': PROFILE_FIELD_IDS.email,
    'contact.address': PROFILE_FIELD_IDS.address,
    geo: PROFILE_FIELD_IDS.lat,
    'geo.lat': PROFILE_FIELD_IDS.lat,
    'geo.lon': PROFILE_FIELD_IDS.lon,
    defaultLanguages: PROFILE_FIELD_IDS.languages,
  };
  posted.operators.forEach((o, row) => {
    if (o.name === '' && o.url === '') return;
    const sent = posted.operators.slice(0, row).filter((p) => p.name !== '' || p.url !== '').length;
    for (const field of ['name', 'role', 'url'] as const) ids[`operators.${sent}.${field}`] = operatorFieldId(row, field);
  });
  return ids;
}

/** Our messages for the registry's field errors on this page, by "path/CODE" or by code. */
const FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'geo.lat/OUT_OF_RANGE': 'profileErrorLatRange',
  'geo.lon/OUT_OF_RANGE': 'profileErrorLonRange',
  'contact.email/INVALID_FORMAT': 'profileErrorEmail',
  'contact.email/PERSONAL_ADDRESS': 'profileErrorPersonalEmail',
  'defaultLanguages/REQUIRED': 'profileErrorLanguages',
  'name/REQUIRED': 'profileErrorName',
};

export function profileProblems(error: ApiError, posted: ProfileForm): Problems {
  if (error.code === 'VERSION_CONFLICT') return conflictProblems(error);
  const fieldMessages: Record<string, MessageKey> = { ...FIELD_MESSAGES, [`name.${posted.lang}/REQUIRED`]: 'profileErrorName' };
  return problemsFromApiError(error, {
    fields: profileFieldIds(posted),
    fieldMessages,
    codeMessages: { NOT_AUTHORIZED: 'manageErrorNotAuthorized', CSRF_FAILED: 'manageErrorCsrf' },
  });
}
