// The "Organisation" section of the editor (routes/account/initiatives/[slug]/organisation):
// from the record to the form's starting values, from the posted form to an updateInitiative
// `changes` input, and the registry's field paths to the form's fields. No SvelteKit here.
//
// The form checks nothing itself: codes, dates and references are checked by the registry's one
// validation layer (registry-server/src/records/record-validator.ts and the editorial service),
// whose field errors are shown beside the fields. The one exception is the status, a GraphQL
// enum: a value outside it would be refused by GraphQL before any validation, as a failed
// request, so it is told here in the same words as an unknown code.
import { languageMapToInput, type InitiativeRecord, type LanguageMap } from './initiative-changes.ts';
import type { ApiError } from '../api-error-problems.ts';
import { editProblems } from './edit-problems.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { Problems } from './form-problems.ts';

/** The record's fields this section edits (schemas/records/initiative.schema.json). */
export type OrganisationRecord = InitiativeRecord & {
  alternateNames?: readonly string[];
  primarySector?: string;
  additionalSectors?: readonly string[];
  activities?: readonly string[];
  legalForm?: string;
  nationalLegalForm?: string;
  organisationalStructure?: string;
  qualifiers?: readonly string[];
  governancePrinciples?: readonly string[];
  baseMembershipType?: string;
  languagesOffered?: readonly string[];
  status?: string;
  startDate?: string;
  partOf?: string;
  supportedBy?: readonly string[];
  practices?: readonly string[];
  node?: string;
};

/** Fields holding one code (or handle); an empty answer removes the optional ones. */
export const SINGLE_FIELDS = [
  'primarySector',
  'legalForm',
  'nationalLegalForm',
  'organisationalStructure',
  'baseMembershipType',
  'partOf',
  'originalLanguage',
] as const;
export type SingleField = (typeof SINGLE_FIELDS)[number];

/** Fields holding a set of codes (or handles): their order carries no meaning. */
export const SET_FIELDS = [
  'additionalSectors',
  'activities',
  'qualifiers',
  'governancePrinciples',
  'languagesOffered',
  'practices',
] as const;
export type SetField = (typeof SET_FIELDS)[number];

/** Fields written one item per line, in the order the editor gives. */
export const LINE_FIELDS = ['alternateNames', 'supportedBy'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

export const STATUSES = ['EMERGING', 'ACTIVE', 'DORMANT', 'CLOSED'] as const;
export type Status = (typeof STATUSES)[number];

export interface OrganisationForm {
  single: Record<SingleField, string>;
  sets: Record<SetField, string[]>;
  lines: Record<LineField, string[]>;
  /** '' when not said. */
  status: string;
  startDate: string;
  /** The migrant-led governance text by language, for the languages the form showed. */
  governance: Record<string, string>;
}

/** The id (and name) of the governance text in one language. */
export function governanceFieldId(lang: string): string {
  return `governance-${lang}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The form's values for a record as stored. */
export function currentOrganisation(record: OrganisationRecord, governanceLanguages: readonly string[]): OrganisationForm {
  const single = Object.fromEntries(SINGLE_FIELDS.map((field) => [field, record[field] ?? ''])) as Record<SingleField, string>;
  const sets = Object.fromEntries(SET_FIELDS.map((field) => [field, [...(record[field] ?? [])]])) as Record<SetField, string[]>;
  const lines = Object.fromEntries(LINE_FIELDS.map((field) => [field, [...(record[field] ?? [])]])) as Record<LineField, string[]>;
  const governanceMap = record.migrantLed?.governance ?? {};
  const governance = Object.fromEntries(governanceLanguages.map((lang) => [lang, governanceMap[lang] ?? '']));
  return { single, sets, lines, status: record.status?.toUpperCase() ?? '', startDate: record.startDate ?? '', governance };
}

function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** One item per line: blank lines dropped, spaces trimmed, the same item kept once. */
export function linesOf(value: string): string[] {
  return unique(
    value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  );
}

/** What the form posted. The governance texts are read for the languages the form showed (`governanceLanguages`). */
export function readOrganisationForm(data: FormData, governanceLanguages: readonly string[]): OrganisationForm {
  const single = Object.fromEntries(SINGLE_FIELDS.map((field) => [field, text(data, field)])) as Record<SingleField, string>;
  const sets = Object.fromEntries(
    SET_FIELDS.map((field) => [
      field,
      unique(
        data
          .getAll(field)
          .filter((value): value is string => typeof value === 'string')
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ]),
  ) as Record<SetField, string[]>;
  const lines = Object.fromEntries(LINE_FIELDS.map((field) => [field, linesOf(text(data, field))])) as Record<LineField, string[]>;
  const governance = Object.fromEntries(governanceLanguages.map((lang) => [lang, text(data, governanceFieldId(lang))]));
  return { single, sets, lines, status: text(data, 'status'), startDate: text(data, 'startDate'), governance };
}

/** The posted status when it is not one the registry knows (told beside the field, nothing sent). */
export function statusProblems(form: OrganisationForm): Problems | null {
  if (form.status === '' || (STATUSES as readonly string[]).includes(form.status)) return null;
  return { fields: { status: { key: 'orgEditErrorUnknownCode' } }, general: [] };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value) => b.includes(value));
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * The updateInitiative changes that put the form into the record: only the fields that differ
 * (a set in another order is the same set), null to remove an optional field emptied. The
 * governance text keeps the declaration and the consent as they are (they are chosen on the
 * Privacy page) and its languages the form did not show.
 */
export function organisationChanges(record: OrganisationRecord, form: OrganisationForm): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of SINGLE_FIELDS) {
    if ((record[field] ?? '') !== form.single[field]) changes[field] = form.single[field] === '' ? null : form.single[field];
  }
  for (const field of SET_FIELDS) {
    const before = record[field] ?? [];
    const after = form.sets[field];
    if (!sameSet(before, after)) changes[field] = after.length ? after : null;
  }
  for (const field of LINE_FIELDS) {
    const before = record[field] ?? [];
    const after = form.lines[field];
    if (!sameList(before, after)) changes[field] = after.length ? after : null;
  }
  if ((record.status?.toUpperCase() ?? '') !== form.status) changes.status = form.status === '' ? null : form.status;
  if ((record.startDate ?? '') !== form.startDate) changes.startDate = form.startDate === '' ? null : form.startDate;
  const governance = nextGovernance(record.migrantLed?.governance, form.governance);
  if (governance) {
    changes.migrantLed = {
      declared: record.migrantLed?.declared ?? false,
      consentToPublish: record.migrantLed?.consentToPublish ?? false,
      ...(Object.keys(governance.map).length ? { governance: languageMapToInput(governance.map) } : {}),
    };
  }
  return changes;
}

/** The governance text after the form, or null when it did not change. */
function nextGovernance(before: LanguageMap | undefined, posted: Readonly<Record<string, string>>): { map: Record<string, string> } | null {
  const map: Record<string, string> = { ...before };
  let changed = false;
  for (const [lang, value] of Object.entries(posted)) {
    if ((map[lang] ?? '') === value) continue;
    changed = true;
    if (value === '') delete map[lang];
    else map[lang] = value;
  }
  return changed ? { map } : null;
}

/** The languages the governance text is edited in: those it has, the texts' original language, the reader's, and one asked for. */
export function governanceLanguages(record: OrganisationRecord, readerLanguage: string, asked?: string | null): string[] {
  const tags = [record.originalLanguage, ...Object.keys(record.migrantLed?.governance ?? {}), readerLanguage, asked];
  return unique(tags.filter((tag): tag is string => typeof tag === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)));
}

/** The registry's field paths → this form's field ids (a path is matched by its longest known prefix). */
export function organisationFieldIds(languages: readonly string[]): Record<string, string> {
  const ids: Record<string, string> = { status: 'status', startDate: 'startDate' };
  for (const field of [...SINGLE_FIELDS, ...SET_FIELDS, ...LINE_FIELDS]) ids[field] = field;
  const first = languages[0];
  if (first) ids.migrantLed = governanceFieldId(first);
  for (const lang of languages) ids[`migrantLed.governance.${lang}`] = governanceFieldId(lang);
  return ids;
}

/** The form's fields, in the order the page shows them (for the error summary). */
export function organisationFieldOrder(languages: readonly string[]): string[] {
  return [
    'alternateNames',
    'primarySector',
    'additionalSectors',
    'activities',
    'legalForm',
    'nationalLegalForm',
    'organisationalStructure',
    'qualifiers',
    'governancePrinciples',
    'baseMembershipType',
    ...languages.map(governanceFieldId),
    'languagesOffered',
    'status',
    'startDate',
    'partOf',
    'supportedBy',
    'practices',
  ];
}

/**
 * Our words for the registry's field errors on this form, by code or "field/CODE": what to
 * choose or write instead. The rest (a list too long …) is shown in the registry's words.
 */
export const ORGANISATION_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  UNKNOWN_CODE: 'orgEditErrorUnknownCode',
  'status/NOT_ALLOWED': 'orgEditErrorUnknownCode',
  UNKNOWN_REFERENCE: 'orgEditErrorUnknownReference',
  INVALID_LANGUAGE_TAG: 'orgEditErrorLanguage',
  'languagesOffered/INVALID_FORMAT': 'orgEditErrorLanguage',
  'startDate/INVALID_FORMAT': 'orgEditErrorStartDate',
  'startDate/WRONG_TYPE': 'orgEditErrorStartDate',
  'startDate/INVALID_DATE': 'orgEditErrorDateDoesNotExist',
  'partOf/INVALID': 'orgEditErrorPartOfItself',
  'partOf/INVALID_FORMAT': 'orgEditErrorUnknownReference',
  'practices/INVALID_FORMAT': 'orgEditErrorUnknownReference',
  REQUIRED: 'orgEditErrorRequired',
  TOO_LONG: 'orgEditErrorTooLong',
  TOO_MANY: 'orgEditErrorTooMany',
  TOO_SHORT: 'orgEditErrorRequired',
};

/** The problems of a refused save: each field error beside its field, in our words when we have them. */
export function organisationProblems(error: ApiError, languages: readonly string[]): Problems {
  return editProblems(error, organisationFieldIds(languages), ORGANISATION_FIELD_MESSAGES);
}
