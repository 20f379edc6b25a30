// schema.org descriptions of the record pages, for search engines (ADR 0049): an initiative is
// an Organization, a good practice a CreativeWork, a city node an Organization serving its city.
// Built from what the page itself shows, and so from the public record only (the registry's
// public readers): the address at the precision the initiative chose, never a person, a contact
// address or phone (a signed-in reader may see more than the public; this block must not
// carry it into a cache), nor the migrant-led declaration (DATA-MODEL privacy rules 1, 2 and 4).
import { safeExternalUrl } from '../format/links.ts';
import type { GoodPracticeDetail, InitiativeDetail } from '../registry-types.ts';

const CONTEXT = 'https://schema.org';

type JsonLd = Record<string, unknown>;

/** Drops empty values, so the description says nothing rather than "". */
function compact(object: JsonLd): JsonLd {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}

function text(value: { text: string } | null | undefined): string | null {
  return value?.text ?? null;
}

/** What the description of an initiative reads: nothing else of the record can slip into it. */
export type InitiativeForStructuredData = Pick<
  InitiativeDetail,
  | 'id'
  | 'name'
  | 'alternateNames'
  | 'summary'
  | 'description'
  | 'mission'
  | 'location'
  | 'areaServed'
  | 'languagesOffered'
  | 'primarySector'
  | 'additionalSectors'
  | 'startDate'
  | 'website'
  | 'links'
>;

/** An initiative: who it is, where (as precisely as it chose), in which languages, since when. */
export function initiativeStructuredData(initiative: InitiativeForStructuredData, canonical: string | null): JsonLd {
  const location = initiative.location;
  const address = compact({
    '@type': 'PostalAddress',
    streetAddress: location.streetAddress,
    postalCode: location.postalCode,
    addressLocality: location.locality,
    addressRegion: location.region,
    addressCountry: location.country.code,
  });
  const sameAs = [initiative.website, ...initiative.links.map((l) => l.url)].map(safeExternalUrl).filter((u): u is string => u !== null);
  return compact({
    '@context': CONTEXT,
    '@type': 'Organization',
    '@id': safeExternalUrl(initiative.id),
    name: initiative.name.text,
    alternateName: initiative.alternateNames,
    url: canonical,
    description: text(initiative.summary) ?? text(initiative.description),
    slogan: text(initiative.mission),
    address,
    areaServed: text(initiative.areaServed) ?? location.locality,
    knowsLanguage: initiative.languagesOffered.map((l) => l.code),
    knowsAbout: [initiative.primarySector, ...initiative.additionalSectors].map((s) => s.label),
    foundingDate: initiative.startDate,
    sameAs: [...new Set(sameAs)],
  });
}

export type PracticeForStructuredData = Pick<
  GoodPracticeDetail,
  'id' | 'title' | 'summary' | 'practiceType' | 'location' | 'node' | 'updatedAt' | 'initiatives'
>;

/** A good practice: what it is, of which practice type, in which city, when last changed. */
export function practiceStructuredData(practice: PracticeForStructuredData, canonical: string | null): JsonLd {
  return compact({
    '@context': CONTEXT,
    '@type': 'CreativeWork',
    '@id': safeExternalUrl(practice.id),
    name: practice.title.text,
    url: canonical,
    abstract: text(practice.summary),
    inLanguage: practice.title.language,
    genre: practice.practiceType?.label,
    spatialCoverage: compact({
      '@type': 'Place',
      name: practice.location?.locality ?? practice.node.city,
      address: compact({
        '@type': 'PostalAddress',
        addressLocality: practice.location?.locality,
        addressCountry: practice.location?.country?.code,
      }),
    }),
    dateModified: practice.updatedAt,
    about: practice.initiatives
      .map((i) => safeExternalUrl(i.url))
      .filter((u): u is string => u !== null)
      .map((url) => ({ '@type': 'Organization', '@id': url })),
  });
}

export interface NodeForStructuredData {
  url: string | null;
  name: { text: string } | null;
  summary: { text: string } | null;
  city: string;
  country: { code: string };
  defaultLanguages: ReadonlyArray<{ code: string }>;
  operators: ReadonlyArray<{ name: string; url?: string | null }>;
}

/** A city node: the registry of a city, run by its operating organisations. */
export function nodeStructuredData(node: NodeForStructuredData, canonical: string | null): JsonLd {
  return compact({
    '@context': CONTEXT,
    '@type': 'Organization',
    '@id': safeExternalUrl(node.url),
    name: node.name?.text ?? node.city,
    url: canonical,
    description: text(node.summary),
    areaServed: compact({ '@type': 'City', name: node.city, address: { '@type': 'PostalAddress', addressCountry: node.country.code } }),
    knowsLanguage: node.defaultLanguages.map((l) => l.code),
    parentOrganization: node.operators.map((o) => compact({ '@type': 'Organization', name: o.name, url: safeExternalUrl(o.url) })),
  });
}
