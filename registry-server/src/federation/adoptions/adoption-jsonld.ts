// The ActivityPub object of an adoption record (ADR 0040): an ActivityStreams Document that
// Mastodon-like software shows by its name and summary, linked to the practice it adopts by
// `context`, and carrying the whole public record as one JSON literal (`umn:adoptionRecord`, of
// JSON-LD 1.1 type @json), so a partner reads exactly what the schema validates, with no mapping
// to drift. Everything in it is public once the record is published (DATA-MODEL privacy rule 5).
import type { AdoptionRecord } from '../../adoptions/adoption-record.ts';
import { ADOPTION_TEXTS } from '../../adoptions/adoption-editorial-kind.ts';
import { withoutItemIds } from '../../translations/translatable-texts.ts';

export const AS_CONTEXT = 'https://www.w3.org/ns/activitystreams';
export const ADOPTION_CONTEXT = [
  AS_CONTEXT,
  { umn: 'https://umn-registry.org/ns#', adoptionRecord: { '@id': 'umn:adoptionRecord', '@type': '@json' } },
] as const;

export interface AdoptionJsonLdOptions {
  id: string;
  nodeActorId: string;
  published: string;
  updatedAt: string;
}

export function adoptionToJsonLd(record: AdoptionRecord, options: AdoptionJsonLdOptions): Record<string, unknown> {
  const name = record.title[record.originalLanguage] ?? Object.values(record.title)[0] ?? record.handle;
  // The translation bookkeeping (sources, list items' ids) stays home: partners judge translations
  // on the node that tracks them (ADR 0041, ADR 0053), and a partner on an older schema would refuse it.
  const { translationSources: _tracked, ...published } = withoutItemIds(record, ADOPTION_TEXTS);
  return {
    '@context': ADOPTION_CONTEXT,
    id: options.id,
    type: 'Document',
    attributedTo: options.nodeActorId,
    name,
    nameMap: record.title,
    ...(record.summary ? { summaryMap: record.summary } : {}),
    context: record.practice,
    url: options.id,
    published: options.published,
    updated: options.updatedAt,
    to: 'https://www.w3.org/ns/activitystreams#Public',
    adoptionRecord: published,
  };
}
