// The "Contact and place" section of the editor, without SvelteKit: what its form posts, the
// record's current values in the same shape, and the updateInitiative changes between them.
// Only fields that differ are sent (so a version conflict names only what the editor touched),
// each whole, as the API replaces a field at once: contact, website, links, location, areaServed.
// The values are checked by the registry (the one validation layer); this file only refuses what
// cannot be sent at all (a latitude that is not a number), and says which field it was.
import {
  currentPrivacy,
  languageMapToInput,
  withLanguage,
  TEXT_FIELDS,
  type InitiativeRecord,
  type LanguageMap,
  type Visibility,
} from './initiative-changes.ts';
import type { ProblemMessage, Problems } from './form-problems.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

export type Precision = 'ADDRESS' | 'NEIGHBOURHOOD' | 'CITY';
const PRECISIONS: readonly Precision[] = ['ADDRESS', 'NEIGHBOURHOOD', 'CITY'];
const VISIBILITIES: readonly Visibility[] = ['PUBLIC', 'SIGNED_IN', 'PRIVATE'];

/** At most this many links: the record schema's limit. */
export const MAX_LINKS = 20;

export interface LinkRow {
  /** The stored link's id (ADR 0053), posted back so its label's translations stay with it when rows move. */
  id?: string;
  url: string;
  /** The link's label by language; languages the form does not show are kept as they are. */
  label: Record<string, string>;
}

/** What the section's form posts (and what the page shows again after a refusal). */
export interface ContactPlaceForm {
  email: string;
  emailVisibility: Visibility;
  phone: string;
  phoneVisibility: Visibility;
  relay: boolean;
  website: string;
  links: LinkRow[];
  locality: string;
  country: string;
  region: string;
  neighbourhood: string;
  streetAddress: string;
  postalCode: string;
  /** As typed: checked to be a number when the form is read. */
  lat: string;
  lon: string;
  precision: Precision;
  /** The area served, in each language the form shows. */
  areaServed: Record<string, string>;
}

/** Form field names, which are also the fields' ids (errors link to them). */
export const FIELD = {
  email: 'contact-email',
  phone: 'contact-phone',
  website: 'website',
  links: 'links',
  locality: 'location-locality',
  country: 'location-country',
  region: 'location-region',
  neighbourhood: 'location-neighbourhood',
  streetAddress: 'location-streetAddress',
  postalCode: 'location-postalCode',
  lat: 'location-lat',
  lon: 'location-lon',
} as const;
export const linkUrlId = (index: number) => `link-${index}-url`;
/** The hidden field carrying a stored link's id. */
export const linkItemId = (index: number) => `link-${index}-id`;
export const linkLabelId = (index: number, lang: string) => `link-${index}-label-${lang}`;
export const areaServedId = (lang: string) => `area-served-${lang}`;

/**
 * The languages the section asks area served and link labels in: the record's original
 * language, then every other language its texts are written in (a phone-sized form: not all nine).
 */
export function placeLanguages(record: InitiativeRecord, readerLang: string): string[] {
  const written = new Set<string>();
  for (const field of TEXT_FIELDS) for (const tag of Object.keys(record[field] ?? {})) written.add(tag);
  const first = record.originalLanguage ?? readerLang;
  written.delete(first);
  return [first, ...[...written].sort()];
}

/** The record's current values, in the form's shape (defaults: contact private, relay on, city only). */
export function currentContactPlace(record: InitiativeRecord, languages: readonly string[]): ContactPlaceForm {
  const privacy = currentPrivacy(record);
  const location = (record.location ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof location[key] === 'string' ? (location[key] as string) : '');
  const geo = location.geo as { lat?: number; lon?: number } | undefined;
  const record_ = record as InitiativeRecord & {
    website?: string;
    links?: ReadonlyArray<{ id?: string; url: string; label?: LanguageMap }>;
  };
  return {
    email: record.contact?.email ?? '',
    emailVisibility: privacy.emailVisibility,
    phone: record.contact?.phone ?? '',
    phoneVisibility: privacy.phoneVisibility,
    relay: privacy.relay,
    website: record_.website ?? '',
    links: (record_.links ?? []).map((link) => ({ ...(link.id ? { id: link.id } : {}), url: link.url, label: { ...link.label } })),
    locality: text('locality'),
    country: text('country'),
    region: text('region'),
    neighbourhood: text('neighbourhood'),
    streetAddress: text('streetAddress'),
    postalCode: text('postalCode'),
    lat: typeof geo?.lat === 'number' ? String(geo.lat) : '',
    lon: typeof geo?.lon === 'number' ? String(geo.lon) : '',
    precision: privacy.precision,
    areaServed: Object.fromEntries(languages.map((lang) => [lang, record.areaServed?.[lang] ?? ''])),
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * What the form posted. Link rows come as `link-<n>-url` and `link-<n>-label-<lang>` for n below
 * `linkCount`; labels in languages the form does not show travel as hidden fields, so they are
 * never lost. Anything unexpected in a choice falls back to the most private answer.
 */
export function readContactPlaceForm(data: FormData, languages: readonly string[]): ContactPlaceForm {
  const value = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const count = Math.min(Math.max(Number.parseInt(value('linkCount'), 10) || 0, 0), MAX_LINKS + 1);
  const links: LinkRow[] = Array.from({ length: count }, (_, index) => {
    // Only the shape of an id is checked here; the registry keeps it only if it names this item.
    const id = value(linkItemId(index));
    return { ...(/^[a-z][a-z0-9]{5,19}$/.test(id) ? { id } : {}), url: value(linkUrlId(index)), label: {} };
  });
  for (const [name, text] of data.entries()) {
    const match = /^link-(\d+)-label-([A-Za-z0-9-]{2,35})$/.exec(name);
    const row = match ? links[Number(match[1])] : undefined;
    if (row && typeof text === 'string' && text.trim()) row.label[match![2]!] = text.trim();
  }
  return {
    email: value(FIELD.email),
    emailVisibility: oneOf(data.get('emailVisibility'), VISIBILITIES, 'PRIVATE'),
    phone: value(FIELD.phone),
    phoneVisibility: oneOf(data.get('phoneVisibility'), VISIBILITIES, 'PRIVATE'),
    relay: data.get('relay') !== 'no',
    website: value(FIELD.website),
    links,
    locality: value(FIELD.locality),
    country: value(FIELD.country).toUpperCase(),
    region: value(FIELD.region),
    neighbourhood: value(FIELD.neighbourhood),
    streetAddress: value(FIELD.streetAddress),
    postalCode: value(FIELD.postalCode),
    lat: value(FIELD.lat).replace(',', '.'),
    lon: value(FIELD.lon).replace(',', '.'),
    precision: oneOf(data.get('precision'), PRECISIONS, 'CITY'),
    areaServed: Object.fromEntries(languages.map((lang) => [lang, value(areaServedId(lang))])),
  };
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * What cannot be sent to the registry at all, by field id: a coordinate that is not a number, one
 * coordinate without the other, a link row with a label and no address. Everything else
 * (ranges, formats, lengths) is the registry's to check.
 */
export function unsendable(form: ContactPlaceForm): Problems {
  const fields: Record<string, ProblemMessage> = {};
  for (const [key, id] of [
    ['lat', FIELD.lat],
    ['lon', FIELD.lon],
  ] as const) {
    if (form[key] !== '' && !NUMBER.test(form[key]))
      fields[id] = { key: key === 'lat' ? 'contactPlaceErrorLatitude' : 'contactPlaceErrorLongitude' };
  }
  if ((form.lat === '') !== (form.lon === '') && !fields[FIELD.lat] && !fields[FIELD.lon])
    fields[form.lat === '' ? FIELD.lat : FIELD.lon] = { key: 'contactPlaceErrorBothCoordinates' };
  form.links.forEach((link, index) => {
    if (!link.url && Object.keys(link.label).length > 0) fields[linkUrlId(index)] = { key: 'contactPlaceErrorLinkMissing' };
  });
  return { fields, general: [] };
}

/** The location in the shape of LocationInput (also what the map preview asks the registry about). */
export function locationInput(form: ContactPlaceForm): Record<string, unknown> {
  const optional = (text: string) => (text ? text : undefined);
  const geo =
    form.lat !== '' && form.lon !== '' && NUMBER.test(form.lat) && NUMBER.test(form.lon)
      ? { lat: Number(form.lat), lon: Number(form.lon) }
      : undefined;
  const input: Record<string, unknown> = {
    locality: form.locality,
    country: form.country,
    region: optional(form.region),
    neighbourhood: optional(form.neighbourhood),
    streetAddress: optional(form.streetAddress),
    postalCode: optional(form.postalCode),
    precision: form.precision,
    geo,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * The rows sent as links, by their position in the form: rows left empty are dropped, so "add a
 * link" then saving without filling it in changes nothing. The registry's `links.<k>` is row
 * `sentLinkRows(form)[k]` of the form.
 */
export function sentLinkRows(form: ContactPlaceForm): number[] {
  return form.links.flatMap((link, index) => (link.url || Object.keys(link.label).length > 0 ? [index] : []));
}

/** The updateInitiative changes that put the posted section into the record; {} when nothing changed. */
export function contactPlaceChanges(
  record: InitiativeRecord,
  form: ContactPlaceForm,
  languages: readonly string[],
): Record<string, unknown> {
  const before = currentContactPlace(record, languages);
  const changes: Record<string, unknown> = {};
  const contactKeys = ['email', 'emailVisibility', 'phone', 'phoneVisibility', 'relay'] as const;
  if (contactKeys.some((key) => before[key] !== form[key])) {
    changes.contact = {
      ...(form.email ? { email: form.email } : {}),
      ...(form.phone ? { phone: form.phone } : {}),
      relay: form.relay,
      emailVisibility: form.emailVisibility,
      phoneVisibility: form.phoneVisibility,
    };
  }
  if (before.website !== form.website) changes.website = form.website || null;
  const links = sentLinkRows(form).map((index) => form.links[index]!);
  if (canonical(before.links) !== canonical(links)) {
    changes.links = links.length
      ? links.map((link) => ({
          ...(link.id ? { id: link.id } : {}),
          url: link.url,
          ...(Object.keys(link.label).length ? { label: languageMapToInput(link.label) } : {}),
        }))
      : null;
  }
  const locationKeys = [
    'locality',
    'country',
    'region',
    'neighbourhood',
    'streetAddress',
    'postalCode',
    'lat',
    'lon',
    'precision',
  ] as const;
  if (locationKeys.some((key) => before[key] !== form[key])) changes.location = locationInput(form);
  let areaServed: Record<string, string> | undefined = record.areaServed ? { ...record.areaServed } : undefined;
  for (const lang of languages) areaServed = withLanguage(areaServed, lang, form.areaServed[lang] ?? '');
  if (canonical(record.areaServed ?? {}) !== canonical(areaServed ?? {}))
    changes.areaServed = Object.keys(areaServed ?? {}).length ? languageMapToInput(areaServed) : null;
  return changes;
}

/**
 * Where the registry's errors go on this form: its field paths → the form's field ids, and our
 * own words, by "path/CODE", for the mistakes people make here (each says what to write instead).
 * Other errors show the registry's English text beside the field.
 */
export function contactPlaceErrorMapping(
  form: ContactPlaceForm,
  languages: readonly string[],
): {
  fields: Record<string, string>;
  fieldMessages: Record<string, MessageKey>;
} {
  const fields: Record<string, string> = {
    contact: FIELD.email,
    'contact.email': FIELD.email,
    'contact.phone': FIELD.phone,
    website: FIELD.website,
    links: FIELD.links,
    location: FIELD.locality,
    'location.locality': FIELD.locality,
    'location.country': FIELD.country,
    'location.region': FIELD.region,
    'location.neighbourhood': FIELD.neighbourhood,
    'location.streetAddress': FIELD.streetAddress,
    'location.postalCode': FIELD.postalCode,
    'location.geo': FIELD.lat,
    'location.geo.lat': FIELD.lat,
    'location.geo.lon': FIELD.lon,
  };
  const fieldMessages: Record<string, MessageKey> = {
    'contact.email/INVALID_FORMAT': 'contactPlaceErrorEmail',
    'contact.email/PERSONAL_ADDRESS': 'contactPlaceErrorPersonalEmail',
    'contact.phone/INVALID_FORMAT': 'contactPlaceErrorPhone',
    'website/INVALID_FORMAT': 'contactPlaceErrorUrl',
    'location.locality/REQUIRED': 'contactPlaceErrorLocality',
    'location.locality/TOO_SHORT': 'contactPlaceErrorLocality',
    'location.country/REQUIRED': 'contactPlaceErrorCountry',
    'location.country/INVALID_FORMAT': 'contactPlaceErrorCountry',
    'location.country/UNKNOWN_COUNTRY': 'contactPlaceErrorCountry',
    'location.geo.lat/OUT_OF_RANGE': 'contactPlaceErrorLatitude',
    'location.geo.lon/OUT_OF_RANGE': 'contactPlaceErrorLongitude',
  };
  sentLinkRows(form).forEach((row, sent) => {
    fields[`links.${sent}`] = linkUrlId(row);
    fields[`links.${sent}.url`] = linkUrlId(row);
    fieldMessages[`links.${sent}.url/INVALID_FORMAT`] = 'contactPlaceErrorUrl';
    for (const lang of languages) fields[`links.${sent}.label.${lang}`] = linkLabelId(row, lang);
  });
  for (const lang of languages) fields[`areaServed.${lang}`] = areaServedId(lang);
  return { fields, fieldMessages };
}
