// schema.org description of a market record's page (ADR 0049): a request or a need is a
// `Demand`, an offer or an opening an `Offer`. Its owner is an organisation or an initiative,
// never a person (ADR 0033); no contact is carried, as the page shows none.
import type { MarketCardFragment } from '../generated/operation-types.ts';
import { safeExternalUrl } from '../format/links.ts';

export type MarketRecordForStructuredData = Pick<
  MarketCardFragment,
  | 'id'
  | 'kind'
  | 'title'
  | 'summary'
  | 'ownerOrganisation'
  | 'ownerInitiative'
  | 'sectors'
  | 'area'
  | 'startDate'
  | 'expiresOn'
  | 'updatedAt'
>;

const TYPES: Readonly<Record<MarketCardFragment['kind'], 'Demand' | 'Offer'>> = {
  REQUEST: 'Demand',
  NEED: 'Demand',
  OFFER: 'Offer',
  OPENING: 'Offer',
};

export function marketStructuredData(record: MarketRecordForStructuredData, canonical: string | null): Record<string, unknown> {
  const owner = record.ownerInitiative?.name.text ?? record.ownerOrganisation;
  const type = TYPES[record.kind];
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': type,
    '@id': safeExternalUrl(record.id),
    name: record.title.text,
    url: canonical,
    description: record.summary?.text,
    category: record.sectors.map((s) => s.label),
    areaServed: {
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: record.area.locality, addressCountry: record.area.country.code },
    },
    availabilityStarts: record.startDate,
    validThrough: record.expiresOn,
    // schema.org names who offers; a Demand has no property for who asks (the page says it).
    offeredBy: type === 'Offer' && owner ? { '@type': 'Organization', name: owner } : null,
  };
  return compact(data);
}

function compact(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object)
      .map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? compact(v as Record<string, unknown>) : v] as const)
      .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}
