// JSON-LD nodes every record type uses: source references (schema:citation), links
// (rdfs:seeAlso), places (as:Place, which Fedify and fediverse software understand) and
// postal addresses (schema:PostalAddress).
import type { GeoPoint, Link, SourceKind, SourceReference } from '../../records/record-types.ts';
import { required, type JsonLdReader } from './jsonld-reader.ts';
import { compact } from './compact.ts';
import { languageMap } from './language-maps.ts';
import { type JsonLdObject } from './jsonld-types.ts';

/**
 * Sources as schema:CreativeWork nodes with what a reader needs to judge them: title, publisher
 * (an organisation), kind, date, address and the note (plain as first written, and per language
 * when translated), so a partner's copy cites them as the origin does.
 */
export function citationsToJsonLd(sources: readonly SourceReference[] | undefined): JsonLdObject[] | undefined {
  return sources?.map((s) =>
    compact({
      type: 'schema:CreativeWork',
      name: s.title,
      publisher: s.publisher && { type: 'schema:Organization', name: s.publisher },
      sourceKind: s.kind,
      url: s.url,
      date: s.date,
      note: s.note,
      noteMap: languageMap(s.notes),
      fileName: s.file,
    }),
  );
}

const SOURCE_KINDS: ReadonlySet<string> = new Set<SourceKind>([
  'proceedings',
  'leaflet',
  'guide',
  'web-page',
  'report',
  'article',
  'document',
]);

export function citationsFromJsonLd(reader: JsonLdReader, value: unknown): SourceReference[] | undefined {
  const sources = reader.objects(value, 'sources').map(([node, field]) => {
    const publisher = reader.object(node.publisher, `${field}.publisher`);
    const kind = reader.string(node.sourceKind, `${field}.kind`);
    return compact<SourceReference>({
      title: required(reader.string(node.name, `${field}.title`)),
      publisher: reader.string(publisher?.name, `${field}.publisher`),
      // A kind a newer node added is left out: the source still reads by title and date.
      kind: kind !== undefined && SOURCE_KINDS.has(kind) ? (kind as SourceKind) : undefined,
      file: reader.string(node.fileName, `${field}.file`),
      url: reader.iri(node.url, `${field}.url`),
      date: reader.string(node.date, `${field}.date`),
      note: reader.string(node.note, `${field}.note`),
      notes: reader.languageMap(node.noteMap, `${field}.notes`),
    });
  });
  return sources.length ? sources : undefined;
}

/** Links as nodes named by their URL, with the label as as:name. */
export function linksToJsonLd(links: readonly Link[] | undefined): JsonLdObject[] | undefined {
  return links?.map((link) => compact({ id: link.url, nameMap: languageMap(link.label) }));
}

export function linksFromJsonLd(reader: JsonLdReader, value: unknown): Link[] | undefined {
  const links = reader
    .objects(value, 'links')
    .map(([node, field]) =>
      compact<Link>({ url: required(reader.iri(node, `${field}.url`)), label: reader.languageMap(node.nameMap, `${field}.label`) }),
    );
  return links.length ? links : undefined;
}

/** An as:Place: `name` for readers, the (already public) point as latitude/longitude. */
export function placeToJsonLd(name: string, geo: GeoPoint | undefined, extra: JsonLdObject = {}): JsonLdObject {
  return compact({ type: 'Place', name, ...extra, latitude: geo?.lat, longitude: geo?.lon });
}

export function geoFromPlace(reader: JsonLdReader, place: JsonLdObject | undefined, field: string): GeoPoint | undefined {
  if (!place) return undefined;
  const lat = reader.number(place.latitude, `${field}.lat`);
  const lon = reader.number(place.longitude, `${field}.lon`);
  return lat !== undefined && lon !== undefined ? { lat, lon } : undefined;
}

export interface AddressParts {
  locality: string;
  country: string;
  region?: string | undefined;
}

export function postalAddressToJsonLd(
  parts: AddressParts,
  type: string | string[] = 'schema:PostalAddress',
  extra: JsonLdObject = {},
): JsonLdObject {
  return compact({ type, addressLocality: parts.locality, addressRegion: parts.region, addressCountry: parts.country, ...extra });
}

/** `field` is the record field holding the parts ("location"), or "" when they are top-level. */
export function addressFromJsonLd(reader: JsonLdReader, address: JsonLdObject | undefined, field: string): AddressParts {
  const prefix = field ? `${field}.` : '';
  return compact({
    locality: required(reader.string(address?.addressLocality, `${prefix}locality`)),
    country: required(reader.string(address?.addressCountry, `${prefix}country`)),
    region: reader.string(address?.addressRegion, `${prefix}region`),
  });
}

/** An organisation taking part (never a person): practice actors, node operators. */
export function organisationToJsonLd(
  org: { name: string; role?: string; url?: string | undefined; description?: Record<string, string> | undefined },
  roleIri?: string,
): JsonLdObject {
  return compact({
    type: 'schema:Organization',
    name: org.name,
    actorRole: roleIri,
    url: org.url,
    description: languageMap(org.description),
  });
}
