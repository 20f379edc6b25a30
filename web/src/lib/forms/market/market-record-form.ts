// The form of a market record (post and edit each of the four kinds, issue 15 point 6), without
// SvelteKit: what is posted, read as strings and lists; the registry's input built from it; and
// where the registry's field errors go. The form checks nothing itself: the registry's one
// validation layer answers field by field (ADR 0027), and a refusal keeps what was typed.
import { textField } from '../manage/form-problems.ts';
import { handleFromTitle } from '../manage/practice-changes.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

export type MarketFormKind = 'request' | 'need' | 'offer' | 'opening';
export const MARKET_FORM_KINDS: readonly MarketFormKind[] = ['request', 'need', 'offer', 'opening'];
/** The kinds an initiative's editors post for it; the others the node's staff post for an organisation. */
export const INITIATIVE_FORM_KINDS: readonly MarketFormKind[] = ['need', 'opening'];

/** What the form posts, as typed. */
export interface MarketFormValues {
  language: string;
  title: string;
  summary: string;
  description: string;
  organisation: string;
  organisationUrl: string;
  sectors: string[];
  country: string;
  region: string;
  locality: string;
  startDate: string;
  endDate: string;
  expiresOn: string;
  requestKind: string;
  intent: string;
  cpvCodes: string;
  budgetBand: string;
  deadline: string;
  needKinds: string[];
  frequency: string;
  offerKind: string;
  premisesKinds: string[];
  lendingForms: string[];
  availability: string;
  conditions: string;
  openingKind: string;
  places: string;
  languages: string[];
}

const list = (data: FormData, name: string) =>
  data
    .getAll(name)
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .slice(0, 50);

export function readMarketForm(data: FormData): MarketFormValues {
  const text = (name: string) => textField(data, name).slice(0, 5000);
  return {
    language: text('language'),
    title: text('title'),
    summary: text('summary'),
    description: text('description'),
    organisation: text('organisation'),
    organisationUrl: text('organisationUrl'),
    sectors: list(data, 'sector'),
    country: text('country').toUpperCase(),
    region: text('region'),
    locality: text('locality'),
    startDate: text('startDate'),
    endDate: text('endDate'),
    expiresOn: text('expiresOn'),
    requestKind: text('requestKind'),
    intent: text('intent'),
    cpvCodes: text('cpvCodes'),
    budgetBand: text('budgetBand'),
    deadline: text('deadline'),
    needKinds: list(data, 'needKind'),
    frequency: text('frequency'),
    offerKind: text('offerKind'),
    premisesKinds: list(data, 'premisesKind'),
    lendingForms: list(data, 'lendingForm'),
    availability: text('availability'),
    conditions: text('conditions'),
    openingKind: text('openingKind'),
    places: text('places'),
    languages: list(data, 'openingLanguage'),
  };
}

type LanguageMap = Record<string, string>;

/** A stored market record as editableMarketRecord.record gives it (schemas/records/market-record.schema.json). */
export interface StoredMarketForm {
  handle: string;
  kind: MarketFormKind;
  title: LanguageMap;
  summary: LanguageMap;
  description?: LanguageMap;
  originalLanguage: string;
  owner: { initiative?: string; organisation?: string; organisationUrl?: string };
  sectors?: string[];
  area: { country: string; region?: string; locality?: string };
  period?: { startDate?: string; endDate?: string };
  expiresOn: string;
  request?: { requestKind: string; intent: string; cpvCodes?: string[]; budgetBand?: string; deadline?: string };
  need?: { needKinds: string[]; frequency?: LanguageMap };
  offer?: { offerKind: string; premisesKinds?: string[]; lendingForms?: string[]; availability?: LanguageMap; conditions?: LanguageMap };
  opening?: { openingKind: string; places?: number; languages?: string[]; conditions?: LanguageMap };
}

/** The form's values for a stored record, its texts in the language it was written in. */
export function valuesFromRecord(record: StoredMarketForm): MarketFormValues {
  const lang = record.originalLanguage;
  const inLang = (map: LanguageMap | undefined) => map?.[lang] ?? '';
  const upper = (value: string | undefined) => (value ?? '').toUpperCase().replaceAll('-', '_');
  return {
    language: lang,
    title: inLang(record.title),
    summary: inLang(record.summary),
    description: inLang(record.description),
    organisation: record.owner.organisation ?? '',
    organisationUrl: record.owner.organisationUrl ?? '',
    sectors: record.sectors ?? [],
    country: record.area.country,
    region: record.area.region ?? '',
    locality: record.area.locality ?? '',
    startDate: record.period?.startDate ?? '',
    endDate: record.period?.endDate ?? '',
    expiresOn: record.expiresOn,
    requestKind: upper(record.request?.requestKind),
    intent: upper(record.request?.intent),
    cpvCodes: (record.request?.cpvCodes ?? []).join(', '),
    budgetBand: record.request?.budgetBand ?? '',
    deadline: record.request?.deadline ?? '',
    needKinds: record.need?.needKinds ?? [],
    frequency: inLang(record.need?.frequency),
    offerKind: record.offer?.offerKind ?? '',
    premisesKinds: record.offer?.premisesKinds ?? [],
    lendingForms: record.offer?.lendingForms ?? [],
    availability: inLang(record.offer?.availability),
    conditions: inLang(record.offer?.conditions ?? record.opening?.conditions),
    openingKind: record.opening?.openingKind ?? '',
    places: record.opening?.places != null ? String(record.opening.places) : '',
    languages: record.opening?.languages ?? [],
  };
}

/** The form's empty values for a new record, with a place and an expiry to start from. */
export function emptyValues(defaults: { language: string; country: string; locality: string; expiresOn: string }): MarketFormValues {
  return {
    ...valuesFromRecord({
      handle: '',
      kind: 'need',
      title: {},
      summary: {},
      originalLanguage: defaults.language,
      owner: {},
      area: { country: defaults.country, locality: defaults.locality },
      expiresOn: defaults.expiresOn,
    }),
  };
}

/**
 * A text in the record's language, keeping the other languages it already has (the form edits
 * one language; a translation written elsewhere is not lost). Empty: the language's text is
 * removed; null when nothing is left (the registry then names a required field).
 */
function textInput(value: string, language: string, previous: LanguageMap | undefined): Array<{ language: string; text: string }> | null {
  const entries = Object.entries(previous ?? {}).filter(([lang]) => lang !== language);
  if (value) entries.push([language, value]);
  return entries.length ? entries.map(([lang, text]) => ({ language: lang, text })) : null;
}

/** The number of places typed (localProblems refuses anything but digits before this is used). */
function placesInput(value: string): number | null {
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

const REQUEST_KINDS = ['TENDER', 'QUOTE', 'SOURCING'];
const INTENTS = ['RESERVED_CONTRACT', 'SOCIAL_CLAUSE', 'NONE'];

/**
 * The few answers the form must refuse itself, by field id → message key: values that GraphQL
 * would refuse before the registry's validation (a request kind or intent outside the enums, a
 * number of places that is not a whole number), which would fail the whole request instead of
 * being told beside their field (ADR 0027).
 */
export function localProblems(values: MarketFormValues, kind: MarketFormKind): Record<string, 'mktChooseFromList' | 'mktPlacesProblem'> {
  const problems: Record<string, 'mktChooseFromList' | 'mktPlacesProblem'> = {};
  if (kind === 'request' && values.requestKind && !REQUEST_KINDS.includes(values.requestKind))
    problems['mkt-request-kind'] = 'mktChooseFromList';
  if (kind === 'request' && values.intent && !INTENTS.includes(values.intent)) problems['mkt-intent'] = 'mktChooseFromList';
  if (kind === 'opening' && values.places !== '' && !/^\d{1,6}$/.test(values.places)) problems['mkt-places'] = 'mktPlacesProblem';
  return problems;
}

/** The registry's MarketRecordInput for `kind` from what was posted; `previous` when editing. */
export function marketInput(
  values: MarketFormValues,
  kind: MarketFormKind,
  owner: { initiative?: string },
  previous?: StoredMarketForm,
): Record<string, unknown> {
  const lang = values.language;
  const optional = (value: string) => (value === '' ? null : value);
  const input: Record<string, unknown> = {
    title: textInput(values.title, lang, previous?.title),
    summary: textInput(values.summary, lang, previous?.summary),
    description: textInput(values.description, lang, previous?.description),
    originalLanguage: lang,
    owner: owner.initiative
      ? { initiative: owner.initiative }
      : { organisation: optional(values.organisation), organisationUrl: optional(values.organisationUrl) },
    sectors: values.sectors,
    area: { country: values.country, region: optional(values.region), locality: optional(values.locality) },
    period: values.startDate || values.endDate ? { startDate: optional(values.startDate), endDate: optional(values.endDate) } : null,
    expiresOn: values.expiresOn,
  };
  if (!previous) {
    input.kind = kind.toUpperCase();
    input.handle = handleFromTitle(values.title).slice(0, 50).replace(/-+$/, '') || kind;
  }
  if (kind === 'request')
    input.request = {
      requestKind: optional(values.requestKind),
      intent: optional(values.intent),
      cpvCodes: values.cpvCodes
        .split(/[\s,;]+/)
        .map((c) => c.trim())
        .filter(Boolean)
        .slice(0, 50),
      budgetBand: optional(values.budgetBand),
      deadline: optional(values.deadline),
    };
  if (kind === 'need')
    input.need = { needKinds: values.needKinds, frequency: textInput(values.frequency, lang, previous?.need?.frequency) };
  if (kind === 'offer')
    input.offer = {
      offerKind: optional(values.offerKind),
      premisesKinds: values.premisesKinds,
      lendingForms: values.lendingForms,
      availability: textInput(values.availability, lang, previous?.offer?.availability),
      conditions: textInput(values.conditions, lang, previous?.offer?.conditions),
    };
  if (kind === 'opening')
    input.opening = {
      openingKind: optional(values.openingKind),
      places: placesInput(values.places),
      languages: values.languages,
      conditions: textInput(values.conditions, lang, previous?.opening?.conditions),
    };
  return withoutNulls(input, previous);
}

/**
 * The input without the nulls the registry would read as wrong values: inside an object (an
 * area, a request's details) an empty answer is left out; at the top, null removes a field the
 * stored record has (an update's way to empty it) and is left out otherwise (a creation).
 */
function withoutNulls(input: Record<string, unknown>, previous: StoredMarketForm | undefined): Record<string, unknown> {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, clean(v)]),
    );
  };
  const had = (previous ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(input)
      .filter(([key, value]) => value !== null || had[key] !== undefined)
      .map(([key, value]) => [key, clean(value)]),
  );
}

/** Where the registry's field errors go: its dotted paths → this form's field ids. */
export const MARKET_FIELD_IDS: Readonly<Record<string, string>> = {
  handle: 'mkt-title',
  title: 'mkt-title',
  summary: 'mkt-summary',
  description: 'mkt-description',
  originalLanguage: 'mkt-language',
  'owner.organisation': 'mkt-organisation',
  'owner.organisationUrl': 'mkt-organisation-url',
  owner: 'mkt-organisation',
  sectors: 'mkt-sectors',
  'area.country': 'mkt-country',
  'area.region': 'mkt-region',
  'area.locality': 'mkt-locality',
  area: 'mkt-country',
  'period.startDate': 'mkt-start',
  'period.endDate': 'mkt-end',
  expiresOn: 'mkt-expires',
  'request.requestKind': 'mkt-request-kind',
  'request.intent': 'mkt-intent',
  'request.cpvCodes': 'mkt-cpv',
  'request.budgetBand': 'mkt-budget',
  'request.deadline': 'mkt-deadline',
  request: 'mkt-request-kind',
  'need.needKinds': 'mkt-need-kinds',
  'need.frequency': 'mkt-frequency',
  need: 'mkt-need-kinds',
  'offer.offerKind': 'mkt-offer-kind',
  'offer.premisesKinds': 'mkt-premises',
  'offer.lendingForms': 'mkt-lending',
  'offer.availability': 'mkt-availability',
  'offer.conditions': 'mkt-conditions',
  offer: 'mkt-offer-kind',
  'opening.openingKind': 'mkt-opening-kind',
  'opening.places': 'mkt-places',
  'opening.languages': 'mkt-opening-languages',
  'opening.conditions': 'mkt-conditions',
  opening: 'mkt-opening-kind',
};

/**
 * The form's own words for the registry's field errors, by code or "field/CODE" (the market
 * rules' codes, market-record-rules.ts), so a reader sees them in their language; any other
 * error keeps the registry's English text, marked as English (api-error-problems.ts).
 */
export const MARKET_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  REQUIRED: 'practiceEditErrorRequired',
  // Texts of at least one or two characters: an empty one is one not filled in.
  TOO_SHORT: 'practiceEditErrorRequired',
  TOO_LONG: 'practiceEditErrorTooLong',
  UNKNOWN_CODE: 'mktChooseFromList',
  INVALID_FORMAT: 'practiceEditErrorFormat',
  INVALID_DATE: 'mktErrorDate',
  'expiresOn/TOO_FAR': 'mktErrorExpiryTooFar',
  'expiresOn/IN_THE_PAST': 'mktErrorExpiryPast',
  'expiresOn/INVALID_FORMAT': 'mktErrorDate',
  'request.deadline/AFTER_EXPIRY': 'mktErrorDeadlineAfterExpiry',
  'request.deadline/INVALID_FORMAT': 'mktErrorDate',
  'period.endDate/BEFORE_START': 'mktErrorEndBeforeStart',
  'period.startDate/INVALID_FORMAT': 'mktErrorDate',
  'period.endDate/INVALID_FORMAT': 'mktErrorDate',
  'request.cpvCodes/INVALID_FORMAT': 'mktErrorCpv',
  'owner.organisationUrl/INVALID_FORMAT': 'mktErrorUrl',
  'handle/ALREADY_EXISTS': 'mktErrorTitleTaken',
  'handle/INVALID_FORMAT': 'mktErrorTitleTaken',
};

/** The fields in the order the form shows them (the error summary follows it). */
export const MARKET_FIELD_ORDER = [
  'mkt-language',
  'mkt-title',
  'mkt-summary',
  'mkt-description',
  'mkt-organisation',
  'mkt-organisation-url',
  'mkt-request-kind',
  'mkt-intent',
  'mkt-cpv',
  'mkt-budget',
  'mkt-deadline',
  'mkt-need-kinds',
  'mkt-frequency',
  'mkt-offer-kind',
  'mkt-premises',
  'mkt-lending',
  'mkt-availability',
  'mkt-opening-kind',
  'mkt-places',
  'mkt-opening-languages',
  'mkt-conditions',
  'mkt-sectors',
  'mkt-country',
  'mkt-region',
  'mkt-locality',
  'mkt-start',
  'mkt-end',
  'mkt-expires',
] as const;

/** The same day a year after `today` (28 February for 29 February): the latest expiry a record may have, and a renewal's. */
export function yearAhead(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year + 1, month - 1, day));
  if (next.getUTCMonth() !== month - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Three months after `today`: the expiry a new record starts with (changed at will, up to a year). */
export function defaultExpiry(today: string): string {
  const day = new Date(`${today}T00:00:00.000Z`);
  day.setUTCMonth(day.getUTCMonth() + 3);
  return day.toISOString().slice(0, 10);
}
