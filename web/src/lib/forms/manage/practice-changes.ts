// From the good-practice editor's forms (routes/admin/practices) to createGoodPractice and
// updateGoodPractice inputs, without SvelteKit. The same rules as an initiative's forms
// (initiative-changes.ts, whose helpers these reuse): texts are language maps, edited one
// language at a time, and only the fields that differ are sent. Checks are the registry's (the
// one validation layer); each form maps the registry's field paths back to its own fields, so
// an error shows beside what the person typed.
import { languageMapToInput, sameMap, withLanguage, type LanguageMap } from './initiative-changes.ts';
import { textField } from './form-problems.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { StoredSource } from './sources-form.ts';
import { keepItemId } from './item-id.ts';

/** An organisation of a practice (never a person: the registry publishes organisations only). */
export interface PracticeActorRecord {
  name: string;
  role: string;
  description?: LanguageMap;
  url?: string;
}

/** A stored good-practice record, as far as these forms read it (schemas/records/good-practice.schema.json). */
export interface PracticeRecord {
  handle?: string;
  practiceType?: string;
  originalLanguage?: string;
  title?: LanguageMap;
  summary?: LanguageMap;
  context?: LanguageMap;
  objectives?: LanguageMap;
  howItWorks?: LanguageMap;
  targetGroup?: LanguageMap;
  funding?: LanguageMap;
  results?: LanguageMap;
  evaluation?: LanguageMap;
  transferability?: LanguageMap;
  location?: { locality?: string; country?: string; region?: string; geo?: { lat: number; lon: number } };
  period?: { startDate?: string; endDate?: string; regularService?: boolean };
  actors?: readonly PracticeActorRecord[];
  initiatives?: readonly string[];
  sources?: readonly StoredSource[];
}

/** The EWSI text fields, in the plain groups the texts form shows them in. */
export const PRACTICE_TEXT_GROUPS = [
  { id: 'practice', fields: ['title', 'summary'] },
  { id: 'approach', fields: ['context', 'objectives', 'howItWorks', 'targetGroup'] },
  { id: 'outcome', fields: ['funding', 'results', 'evaluation', 'transferability'] },
] as const;
export type PracticeTextField = (typeof PRACTICE_TEXT_GROUPS)[number]['fields'][number];
export const PRACTICE_TEXT_FIELDS: readonly PracticeTextField[] = PRACTICE_TEXT_GROUPS.flatMap((group) => group.fields);

export const practiceTextId = (field: PracticeTextField): string => `practice-${field}`;
export const actorDescriptionId = (index: number): string => `actor-${index}-description`;

/** What the texts form posts for one language. */
export interface PracticeTextsForm {
  lang: string;
  texts: Partial<Record<PracticeTextField, string>>;
  /** What each existing organisation does, in this language, by its position. */
  actors: string[];
}

export function readPracticeTextsForm(data: FormData, lang: string, actorCount: number): PracticeTextsForm {
  const texts: PracticeTextsForm['texts'] = {};
  for (const field of PRACTICE_TEXT_FIELDS) texts[field] = textField(data, practiceTextId(field));
  return { lang, texts, actors: Array.from({ length: actorCount }, (_, index) => textField(data, actorDescriptionId(index))) };
}

/** An organisation in the shape of PracticeActorInput. */
export function actorToInput(actor: PracticeActorRecord): Record<string, unknown> {
  return {
    ...keepItemId({}, actor),
    name: actor.name,
    role: actor.role,
    ...(actor.url ? { url: actor.url } : {}),
    ...(actor.description && Object.keys(actor.description).length > 0 ? { description: languageMapToInput(actor.description) } : {}),
  };
}

/** The changes that put one language's texts into the practice; an emptied text removes that language. */
export function practiceTextChanges(record: PracticeRecord, form: PracticeTextsForm): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of PRACTICE_TEXT_FIELDS) {
    const next = withLanguage(record[field], form.lang, form.texts[field] ?? '');
    if (!sameMap(record[field], next)) changes[field] = Object.keys(next).length > 0 ? languageMapToInput(next) : null;
  }
  const actors = record.actors ?? [];
  let actorsChanged = false;
  const nextActors = actors.map((actor, index) => {
    const posted = form.actors[index];
    if (posted === undefined) return actor;
    const description = withLanguage(actor.description, form.lang, posted);
    if (sameMap(actor.description, description)) return actor;
    actorsChanged = true;
    return { ...actor, description };
  });
  if (actorsChanged) changes.actors = nextActors.map(actorToInput);
  return changes;
}

/** The registry's paths of the texts form → its field ids, for errors beside the fields. */
export function practiceTextFieldIds(actorCount: number): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const field of PRACTICE_TEXT_FIELDS) ids[field] = practiceTextId(field);
  for (let index = 0; index < actorCount; index++) ids[`actors.${index}.description`] = actorDescriptionId(index);
  return ids;
}

/** The "about the practice" form: its type, when it runs, where. */
export interface PracticeDetailsForm {
  practiceType: string;
  startDate: string;
  endDate: string;
  regularService: boolean;
  locality: string;
  country: string;
  region: string;
}

export const DETAIL_FIELD_IDS = {
  practiceType: 'practice-type',
  startDate: 'period-start',
  endDate: 'period-end',
  regularService: 'period-regular',
  locality: 'location-locality',
  country: 'location-country',
  region: 'location-region',
} as const satisfies Record<keyof PracticeDetailsForm, string>;

export function currentDetails(record: PracticeRecord): PracticeDetailsForm {
  return {
    practiceType: record.practiceType ?? '',
    startDate: record.period?.startDate ?? '',
    endDate: record.period?.endDate ?? '',
    regularService: record.period?.regularService ?? false,
    locality: record.location?.locality ?? '',
    country: record.location?.country ?? '',
    region: record.location?.region ?? '',
  };
}

export function readDetailsForm(data: FormData): PracticeDetailsForm {
  return {
    practiceType: textField(data, 'practiceType'),
    startDate: textField(data, 'startDate'),
    endDate: textField(data, 'endDate'),
    regularService: data.get('regularService') === 'yes',
    locality: textField(data, 'locality'),
    // Country codes are upper case in records; people type "be" as readily as "BE".
    country: textField(data, 'country').toUpperCase(),
    region: textField(data, 'region'),
  };
}

/** The changes for the details form: type, period and location, each only when it changed. */
export function detailsChanges(record: PracticeRecord, form: PracticeDetailsForm): Record<string, unknown> {
  const before = currentDetails(record);
  const changes: Record<string, unknown> = {};
  if (form.practiceType !== before.practiceType) changes.practiceType = form.practiceType;
  if (form.startDate !== before.startDate || form.endDate !== before.endDate || form.regularService !== before.regularService) {
    const period = {
      ...(form.startDate ? { startDate: form.startDate } : {}),
      ...(form.endDate ? { endDate: form.endDate } : {}),
      ...(form.regularService ? { regularService: true } : {}),
    };
    changes.period = Object.keys(period).length > 0 ? period : null;
  }
  if (form.locality !== before.locality || form.country !== before.country || form.region !== before.region) {
    // The point of the city is kept: this form does not move it.
    changes.location = {
      locality: form.locality,
      country: form.country,
      ...(form.region ? { region: form.region } : {}),
      ...(record.location?.geo ? { geo: record.location.geo } : {}),
    };
  }
  return changes;
}

/** The registry's paths of the details form → its field ids. */
export const DETAIL_PATHS: Readonly<Record<string, string>> = {
  practiceType: DETAIL_FIELD_IDS.practiceType,
  period: DETAIL_FIELD_IDS.startDate,
  'period.startDate': DETAIL_FIELD_IDS.startDate,
  'period.endDate': DETAIL_FIELD_IDS.endDate,
  location: DETAIL_FIELD_IDS.locality,
  'location.locality': DETAIL_FIELD_IDS.locality,
  'location.country': DETAIL_FIELD_IDS.country,
  'location.region': DETAIL_FIELD_IDS.region,
};

/** One row of the organisations form, as posted (the last row is a blank one to add an organisation). */
export interface ActorRow {
  name: string;
  role: string;
  url: string;
  remove: boolean;
}

export const actorFieldId = (index: number, part: 'name' | 'role' | 'url' | 'remove'): string => `actor-${index}-${part}`;

/** The posted rows: the `rows` count says how many the page showed. */
export function readActorsForm(data: FormData): ActorRow[] {
  const rows = Math.min(Math.max(Number(data.get('rows')) || 0, 0), 31);
  return Array.from({ length: rows }, (_, index) => ({
    name: textField(data, actorFieldId(index, 'name')),
    role: textField(data, actorFieldId(index, 'role')),
    url: textField(data, actorFieldId(index, 'url')),
    remove: data.get(actorFieldId(index, 'remove')) === 'yes',
  }));
}

/**
 * The organisations the rows make: removed rows and blank ones are left out, and a kept row
 * keeps its descriptions (written on the texts form). `fieldIds` maps each organisation's place
 * in the list sent (which shifts when a row above is removed) back to its row.
 */
export function actorsChanges(
  record: PracticeRecord,
  rows: readonly ActorRow[],
): { changes: Record<string, unknown>; fieldIds: Record<string, string>; fieldMessages: Record<string, MessageKey> } {
  const current = record.actors ?? [];
  const kept: PracticeActorRecord[] = [];
  const fieldIds: Record<string, string> = { actors: actorFieldId(0, 'name') };
  // A role not chosen is sent empty, which the registry finds malformed: the person is told to choose one.
  const fieldMessages: Record<string, MessageKey> = {};
  rows.forEach((row, index) => {
    if (row.remove || (!row.name && !row.role && !row.url)) return;
    const sent = kept.length;
    fieldIds[`actors.${sent}`] = actorFieldId(index, 'name');
    for (const part of ['name', 'role', 'url'] as const) fieldIds[`actors.${sent}.${part}`] = actorFieldId(index, part);
    fieldMessages[`actors.${sent}.role/INVALID_FORMAT`] = 'practiceEditErrorChoose';
    fieldMessages[`actors.${sent}.role/UNKNOWN_CODE`] = 'practiceEditErrorChoose';
    const before = current[index];
    kept.push({
      name: row.name,
      role: row.role,
      ...(row.url ? { url: row.url } : {}),
      ...(before?.description ? { description: before.description } : {}),
    });
  });
  const same =
    kept.length === current.length &&
    kept.every(
      (actor, i) => actor.name === current[i]!.name && actor.role === current[i]!.role && (actor.url ?? '') === (current[i]!.url ?? ''),
    );
  return { changes: same ? {} : { actors: kept.length > 0 ? kept.map(actorToInput) : null }, fieldIds, fieldMessages };
}

/** The initiatives form: the linked initiatives kept (ticked) and one to add, by handle or page address. */
export interface InitiativesForm {
  kept: string[];
  added: string;
}

export const ADD_INITIATIVE_ID = 'initiative-add';

export function readInitiativesForm(data: FormData): InitiativesForm {
  return {
    kept: data.getAll('keep').filter((value): value is string => typeof value === 'string'),
    added: textField(data, 'add'),
  };
}

/**
 * The handle an initiative is named by: typed as it is, or taken from the address of its page
 * (https://…/initiatives/<handle>), which is what a moderator has at hand.
 */
export function initiativeHandle(typed: string): string {
  const match = /\/initiatives\/([^/?#]+)/.exec(typed);
  return (match ? decodeURIComponent(match[1]!) : typed).trim().toLowerCase();
}

export function initiativesChanges(
  record: PracticeRecord,
  form: InitiativesForm,
): { changes: Record<string, unknown>; fieldIds: Record<string, string> } {
  const current = record.initiatives ?? [];
  // Only handles the record named can be kept: a forged "keep" adds nothing.
  const kept = current.filter((handle) => form.kept.includes(handle));
  const added = form.added ? initiativeHandle(form.added) : '';
  const next = added && !kept.includes(added) ? [...kept, added] : kept;
  const fieldIds: Record<string, string> = { initiatives: ADD_INITIATIVE_ID, [`initiatives.${kept.length}`]: ADD_INITIATIVE_ID };
  const same = next.length === current.length && next.every((handle, i) => handle === current[i]);
  return { changes: same ? {} : { initiatives: next.length > 0 ? next : null }, fieldIds };
}

/** The "new good practice" form: what the registry needs to create one. */
export interface NewPracticeForm {
  handle: string;
  title: string;
  summary: string;
  originalLanguage: string;
  practiceType: string;
  locality: string;
  country: string;
}

export const NEW_FIELD_IDS = {
  title: 'new-title',
  summary: 'new-summary',
  originalLanguage: 'new-language',
  practiceType: 'practice-type',
  handle: 'new-handle',
  locality: 'new-locality',
  country: 'new-country',
} as const satisfies Record<keyof NewPracticeForm, string>;

export function readNewPracticeForm(data: FormData): NewPracticeForm {
  return {
    handle: textField(data, 'handle').toLowerCase(),
    title: textField(data, 'title'),
    summary: textField(data, 'summary'),
    originalLanguage: textField(data, 'originalLanguage'),
    practiceType: textField(data, 'practiceType'),
    locality: textField(data, 'locality'),
    country: textField(data, 'country').toUpperCase(),
  };
}

/**
 * A handle from a title when none is typed: letters without accents, digits and hyphens, as the
 * registry requires (a title in another script gives nothing, and the registry asks for one).
 */
export function handleFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The createGoodPractice input; empty fields are left out, for the registry to name them. */
export function newPracticeInput(form: NewPracticeForm): Record<string, unknown> {
  const language = form.originalLanguage;
  const text = (value: string) => (value && language ? [{ language, text: value }] : undefined);
  return {
    handle: form.handle || handleFromTitle(form.title),
    originalLanguage: language,
    practiceType: form.practiceType,
    title: text(form.title),
    summary: text(form.summary),
    location: { locality: form.locality, country: form.country },
  };
}

/** The registry's paths of the new practice form → its field ids. */
export const NEW_PATHS: Readonly<Record<string, string>> = {
  handle: NEW_FIELD_IDS.handle,
  title: NEW_FIELD_IDS.title,
  summary: NEW_FIELD_IDS.summary,
  originalLanguage: NEW_FIELD_IDS.originalLanguage,
  practiceType: NEW_FIELD_IDS.practiceType,
  location: NEW_FIELD_IDS.locality,
  'location.locality': NEW_FIELD_IDS.locality,
  'location.country': NEW_FIELD_IDS.country,
};
