// The JSON-LD export (/export/initiatives.jsonld), the project's own JSON export (contracts of
// issue 17): the context partners get, stated once, and in "@graph" each initiative exactly as
// its node serves it to partners at its IRI (the registry builds it: Initiative.partnerJsonLd),
// so the importer reads it with the code that reads partners' objects; good practices likewise
// (/export/practices.jsonld). Listings received from
// partners are left out: their own node serves them, and this one has no document of its own.
import type { OpenDataListing } from './open-data-types.ts';

export interface CatalogueJsonLd {
  '@context': unknown;
  '@graph': unknown[];
}

/** The graph of initiatives (/export/initiatives.jsonld) or of good practices (/export/practices.jsonld). */
export function catalogueJsonLd(items: readonly OpenDataListing[], context: unknown): CatalogueJsonLd {
  const graph: unknown[] = [];
  for (const item of items) if (item.origin.isLocal && item.partnerJsonLd) graph.push(item.partnerJsonLd);
  return { '@context': context, '@graph': graph };
}
