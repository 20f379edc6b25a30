// A market record (request, need, offer, opening) as an ActivityStreams Page, and the context
// term that carries the record itself (ADR 0038). Generic fediverse software shows the Page's
// name, summary, place and end; UMN partners read `marketRecord`, the record exactly as the
// schema defines it (a JSON literal, `@type: @json`), and validate it like a local write. One
// shape on both sides: no field-by-field mapping to keep in step with the schema.
import type { StoredMarketRecord } from '../../market/market-record-repository.ts';
import { compact } from '../jsonld/compact.ts';
import { textToHtml, textToInlineHtml } from '../jsonld/html-text.ts';
import { languageMap, mapValues, originalText } from '../jsonld/language-maps.ts';
import { AS_CONTEXT_URL, UMN_NAMESPACE } from '../jsonld/umn-context.ts';

/** Our terms for market records and answers, inline (no fetch), after the ActivityStreams context. */
export const MARKET_CONTEXT = Object.freeze({
  marketRecord: { '@id': `${UMN_NAMESPACE}marketRecord`, '@type': '@json' },
  ownerInitiative: { '@id': `${UMN_NAMESPACE}ownerInitiative`, '@type': '@id' },
  answerVerdict: `${UMN_NAMESPACE}answerVerdict`,
});

export const MARKET_DOCUMENT_CONTEXT = Object.freeze([AS_CONTEXT_URL, MARKET_CONTEXT] as const);

export interface MarketRecordJsonLdOptions {
  /** The record's IRI (`<PUBLIC_URL>/market/<handle>`), also its web page. */
  id: string;
  nodeActorId: string;
  /** The IRI of the owner initiative (needs, openings), as this node publishes it. */
  ownerInitiativeId?: string;
}

export function marketRecordToJsonLd(doc: StoredMarketRecord, options: MarketRecordJsonLdOptions): Record<string, unknown> {
  const record = doc.record;
  const lang = record.originalLanguage;
  const { area } = record;
  return compact({
    '@context': [...MARKET_DOCUMENT_CONTEXT],
    id: options.id,
    type: 'Page',
    url: options.id,
    attributedTo: options.nodeActorId,
    isPartOf: options.nodeActorId,
    published: doc.publication.publishedAt ?? doc.createdAt,
    updated: doc.updatedAt,
    name: originalText(record.title, lang),
    nameMap: languageMap(record.title),
    summary: originalText(mapValues(record.summary, textToInlineHtml), lang),
    summaryMap: mapValues(record.summary, textToInlineHtml),
    content: record.description ? originalText(mapValues(record.description, textToHtml), lang) : undefined,
    contentMap: mapValues(record.description, textToHtml),
    // When it leaves every public answer: the day after its last public day, 00:00 UTC.
    endTime: doc.derived.expiresAt,
    location: {
      type: 'Place',
      name: [area.locality, area.region, area.country].filter(Boolean).join(', '),
      ...(area.centre ? { latitude: area.centre.lat, longitude: area.centre.lon, radius: area.radiusKm, units: 'km' } : {}),
    },
    ownerInitiative: options.ownerInitiativeId,
    marketRecord: record,
  });
}
