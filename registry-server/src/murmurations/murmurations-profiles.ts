// Murmurations profiles of this node's public records (ADR 0050): an initiative and the node as
// organizations_schema-v1.0.0 profiles, a market record as an offers_wants_schema-v0.1.0 profile
// (the mapping ADR 0033 set out). Pure functions of the record: the caller decides whether the
// record is public at all (murmurations-profile-reader.ts); everything of an initiative is read
// from its public projection (public-initiative-record.ts), so location keeps the precision the
// initiative chose and no private contact, person or undeclared migrant-led flag can get in.
import type { GeoPoint, InitiativeRecord, CityNodeRecord } from '../records/record-types.ts';
import type { MarketRecord } from '../market/market-record.ts';
import type { LanguageMap } from '../records/language.ts';
import type { TaxonomyCatalog, TaxonomyId } from '../taxonomies/taxonomy-catalog.ts';
import { publicInitiativeRecord } from '../federation/jsonld/public-initiative-record.ts';
import { originalText } from '../federation/jsonld/language-maps.ts';
import { compact } from '../federation/jsonld/compact.ts';
import { isMurmurationsCountry, ORGANIZATIONS_SCHEMA, OFFERS_WANTS_SCHEMA } from './murmurations-schemas.ts';

/** A profile as served: a flat JSON object of snake_case fields. */
export type MurmurationsProfile = Record<string, unknown> & { linked_schemas: string[] };

/** Limits of the library's fields (name 200, tags 100 of 100 characters). */
const NAME_MAX = 200;
const TAG_MAX = 100;
const TAGS_MAX = 100;
/** The schemas' URL fields take http(s) only, as does a page aggregators link to, of at most 2,000 characters. */
const HTTP_URL = /^https?:\/\/\S{1,1990}$/;

const STATUS: Record<NonNullable<InitiativeRecord['status']>, string> = {
  emerging: 'in_planning',
  active: 'active',
  dormant: 'on_hold',
  closed: 'completed',
};

export interface InitiativeProfileOptions {
  /** The initiative's page on this node: `<PUBLIC_URL>/initiatives/<handle>`. */
  pageUrl: string;
  catalog: TaxonomyCatalog;
  /** The node's city point, when the initiative is in the node's city (see publicLocation). */
  cityCentre?: GeoPoint;
}

export function initiativeProfile(record: InitiativeRecord, options: InitiativeProfileOptions): MurmurationsProfile {
  const r = publicInitiativeRecord(record, options.cityCentre);
  const lang = r.originalLanguage;
  const location = r.location;
  const sectors = [r.primarySector, ...(r.additionalSectors ?? [])];
  const tags = tagsOf(options.catalog, lang, [
    ...sectors.map((code) => ['sector', code] as const),
    ...(r.needs ?? []).map((need) => ['need', need.type] as const),
  ]);
  // Declared and consented to (the public projection drops it otherwise); its location is then capped already.
  if (r.migrantLed) tags.push('migrant-led');
  const website = r.website && HTTP_URL.test(r.website) ? r.website : undefined;
  const urls = [
    { name: 'Union Migrant Net registry', url: options.pageUrl },
    ...(website ? [{ name: 'Website', url: website }] : []),
    ...(r.links ?? [])
      .filter((link) => HTTP_URL.test(link.url))
      .map((link) => compact({ name: originalText(link.label, lang), url: link.url })),
  ];
  const contact = r.contact ?? {};
  return compact<MurmurationsProfile>({
    linked_schemas: [ORGANIZATIONS_SCHEMA],
    name: clip(originalText(r.name, lang) ?? r.handle, NAME_MAX),
    nickname: r.alternateNames?.[0],
    // The organisation's own site identifies it across maps; without one, its page here does.
    primary_url: website ?? options.pageUrl,
    tags: unique(tags).slice(0, TAGS_MAX),
    urls: uniqueBy(urls, (u) => u.url),
    description: originalText(r.description, lang) ?? originalText(r.summary, lang),
    mission: originalText(r.mission, lang),
    status: r.status ? STATUS[r.status] : undefined,
    // Only at the address precision does the public record hold a street; nothing finer is ever added.
    full_address: location.streetAddress
      ? [location.streetAddress, [location.postalCode, location.locality].filter(Boolean).join(' '), location.country].join(', ')
      : undefined,
    locality: location.locality,
    region: location.region,
    country_iso_3166: isMurmurationsCountry(location.country) ? location.country : undefined,
    geolocation: location.geo ? { lat: location.geo.lat, lon: location.geo.lon } : undefined,
    starts_at: r.startDate ? unixOfPartialDate(r.startDate) : undefined,
    // A public role address, or the registry's contact relay (the page's form): never a private one.
    contact_details: nonEmptyObject({
      email: contact.email,
      contact_form: contact.relay === false ? undefined : `${options.pageUrl}#contact-form`,
    }),
    telephone: contact.phone,
    unique_id: options.pageUrl,
  });
}

export interface NodeProfileOptions {
  /** The node's public origin (PUBLIC_URL), its definitive address. */
  publicUrl: string;
}

/** The node itself: a registry of initiatives run by a city, a union and associations. */
export function nodeProfile(node: CityNodeRecord, options: NodeProfileOptions): MurmurationsProfile {
  const lang = node.defaultLanguages[0] ?? 'en';
  const urls = [
    { name: 'Union Migrant Net registry', url: options.publicUrl },
    ...(node.url && HTTP_URL.test(node.url) ? [{ name: 'Website', url: node.url }] : []),
    ...(node.operators ?? []).filter((o) => o.url && HTTP_URL.test(o.url)).map((o) => ({ name: o.name, url: o.url! })),
  ];
  return compact<MurmurationsProfile>({
    linked_schemas: [ORGANIZATIONS_SCHEMA],
    name: clip(originalText(node.name, lang) ?? node.handle, NAME_MAX),
    primary_url: options.publicUrl,
    tags: unique(['social and solidarity economy', 'migrant-led initiatives', 'directory', clip(node.locality, TAG_MAX)]),
    urls: uniqueBy(urls, (u) => u.url),
    description: originalText(node.summary, lang),
    status: node.status === 'planned' ? 'in_planning' : 'active',
    locality: node.locality,
    region: node.region,
    country_iso_3166: isMurmurationsCountry(node.country) ? node.country : undefined,
    // The city's point: a public place, not anyone's address.
    geolocation: node.geo ? { lat: node.geo.lat, lon: node.geo.lon } : undefined,
    // The organisation's functional contact, already on the node's public profile.
    contact_details: nonEmptyObject({ email: node.contact?.email }),
    geographic_scope: 'local',
    unique_id: options.publicUrl,
  });
}

export interface MarketProfileOptions {
  /** The record's page on this node (`<PUBLIC_URL>/market/<handle>`), which carries its contact form. */
  pageUrl: string;
  catalog: TaxonomyCatalog;
  /** The instant the record stops being public. */
  expiresAt: Date;
}

/** How each lending form exchanges premises (offers_wants `transaction_type`). */
const LENDING_TRANSACTION: Record<string, string> = {
  'precarious-occupation': 'borrow-lend',
  'social-cohesion-agreement': 'borrow-lend',
  'occasional-use': 'borrow-lend',
  'long-lease': 'rent-lease',
  'ordinary-lease': 'rent-lease',
};

/** A market record as an offer or a want (ADR 0033: want = request, need; offer = offer, opening). */
export function marketProfile(record: MarketRecord, options: MarketProfileOptions): MurmurationsProfile {
  const lang = record.originalLanguage;
  const want = record.kind === 'request' || record.kind === 'need';
  const kindCodes: Array<readonly [TaxonomyId, string]> = [
    ...(record.sectors ?? []).map((code) => ['sector', code] as const),
    ...(record.need?.needKinds ?? []).map((code) => ['need', code] as const),
    ...(record.offer ? [['offer-kind', record.offer.offerKind] as const] : []),
    ...(record.offer?.premisesKinds ?? []).map((code) => ['need', code] as const),
    ...(record.opening ? [['opening-kind', record.opening.openingKind] as const] : []),
  ];
  const area = record.area;
  const profile = compact<MurmurationsProfile>({
    linked_schemas: [OFFERS_WANTS_SCHEMA],
    exchange_type: want ? 'want' : 'offer',
    tags: unique([record.kind, ...tagsOf(options.catalog, lang, kindCodes)]),
    title: originalText(record.title, lang) ?? record.handle,
    description: originalText(record.description, lang) ?? originalText(record.summary, lang) ?? '',
    details_url: options.pageUrl,
    // An area's centre is public only with its radius (ADR 0033): a place, never a door.
    geolocation: area.centre ? { lat: area.centre.lat, lon: area.centre.lon } : undefined,
    geographic_scope: area.locality ? 'local' : area.region ? 'regional' : 'national',
    contact_details: { contact_form: options.pageUrl },
    expires_at: Math.floor(options.expiresAt.getTime() / 1000),
  });
  // Required by the schema even when empty (compact drops empty lists).
  return { ...profile, transaction_type: transactionTypes(record) };
}

function transactionTypes(record: MarketRecord): string[] {
  if (record.kind === 'request') return ['buy-sell'];
  if (record.offer?.lendingForms?.length)
    return unique(record.offer.lendingForms.map((form) => LENDING_TRANSACTION[form]).filter(isString));
  // Needs, openings and other offers say nothing of a basis of exchange: none is claimed.
  return [];
}

/** Labels of codes in the original language and in English (the index searches tags as words). */
function tagsOf(catalog: TaxonomyCatalog, lang: string, codes: ReadonlyArray<readonly [TaxonomyId, string]>): string[] {
  const tags: string[] = [];
  for (const [taxonomy, code] of codes) {
    const labels = catalog.concept(taxonomy, code)?.labels;
    for (const label of [labels?.[lang], labels?.en]) if (label) tags.push(clip(label, TAG_MAX));
  }
  return unique(tags);
}

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as the Unix time of its first instant (UTC), as the library advises. */
export function unixOfPartialDate(date: string): number | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1)) / 1000;
}

function clip(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && Boolean(seen.add(key(value))));
}

function nonEmptyObject<T extends Record<string, unknown>>(value: T): T | undefined {
  const kept = compact(value);
  return kept && Object.keys(kept).length ? kept : undefined;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export type { LanguageMap };
