// A good practice as an AS Article (Mastodon shows its name, summary and a link) carrying the
// fields of the EWSI good-practice template, and the reverse. Practices hold no private
// fields, but they are still copied by an explicit list, as initiatives are.
import type { GoodPracticeRecord } from '../../records/record-types.ts';
import type { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import { JsonLdReader, required, type ReadResult } from './jsonld-reader.ts';
import { compact } from './compact.ts';
import { conceptIrisOf } from './concept-iris.ts';
import { handleFromIri, recordIrisBesides } from '../iri.ts';
import { languageMap, mapValues, originalText } from './language-maps.ts';
import { type JsonLdObject, type RecordIriOf } from './jsonld-types.ts';
import {
  addressFromJsonLd,
  citationsFromJsonLd,
  citationsToJsonLd,
  geoFromPlace,
  organisationToJsonLd,
  placeToJsonLd,
  postalAddressToJsonLd,
} from './shared-nodes.ts';
import { DOCUMENT_CONTEXT } from './umn-context.ts';
import { htmlToText, textToInlineHtml } from './html-text.ts';

export interface GoodPracticeJsonLdOptions {
  id: string;
  url: string;
  nodeActorId: string;
  nodeId: string;
  catalog: TaxonomyCatalog;
  published: string;
  updatedAt: string;
  /** IRIs of the linked initiatives; default: beside `id` on the same node. */
  recordIri?: RecordIriOf;
}

export interface GoodPracticeFromJsonLdOptions {
  catalog: TaxonomyCatalog;
  nodeHandle: string;
}

type Actor = NonNullable<GoodPracticeRecord['actors']>[number];

export function goodPracticeToJsonLd(p: GoodPracticeRecord, options: GoodPracticeJsonLdOptions): JsonLdObject {
  const concepts = conceptIrisOf(options.catalog);
  const iriOf = options.recordIri ?? recordIrisBesides(options.id);
  const lang = p.originalLanguage;
  return compact({
    '@context': [...DOCUMENT_CONTEXT],
    id: options.id,
    type: 'Article',
    url: options.url,
    attributedTo: options.nodeActorId,
    isPartOf: options.nodeId,
    published: options.published,
    updated: options.updatedAt,
    name: originalText(p.title, lang),
    nameMap: languageMap(p.title),
    // HTML in AS2 (name is plain text): the editor's text is escaped, and read back as text.
    summary: originalText(mapValues(p.summary, textToInlineHtml), lang),
    summaryMap: mapValues(p.summary, textToInlineHtml),
    inLanguage: lang,
    practiceType: concepts.iri('practice-type', p.practiceType),
    contextAndIssue: languageMap(p.context),
    objectives: languageMap(p.objectives),
    howItWorks: languageMap(p.howItWorks),
    intendedAudience: p.targetGroup && { type: 'schema:Audience', audienceType: languageMap(p.targetGroup) },
    location: placeToJsonLd(p.location.locality, p.location.geo, { address: postalAddressToJsonLd(p.location) }),
    startDate: p.period?.startDate,
    endDate: p.period?.endDate,
    regularService: p.period?.regularService,
    involvedActor: p.actors?.map((a) => organisationToJsonLd(a, concepts.iri('actor-role', a.role))),
    funding: languageMap(p.funding),
    results: languageMap(p.results),
    evaluation: languageMap(p.evaluation),
    transferability: languageMap(p.transferability),
    references: p.initiatives?.map((handle) => iriOf('initiatives', handle)),
    citation: citationsToJsonLd(p.sources),
  });
}

const ARTICLE = new Set(['Article', 'https://www.w3.org/ns/activitystreams#Article']);

export function goodPracticeFromJsonLd(json: unknown, options: GoodPracticeFromJsonLdOptions): ReadResult<GoodPracticeRecord> {
  const reader = new JsonLdReader(options.catalog);
  const doc = reader.root(json);
  if (!doc || !reader.types(doc).some((t) => ARTICLE.has(t))) {
    reader.problem('', 'NOT_A_PRACTICE', 'is not a good-practice document (an Article).', true);
    return reader.finish('good-practice', {} as GoodPracticeRecord);
  }
  const id = reader.iri(doc.id, 'id') ?? '';
  const handle =
    handleFromIri(id) ?? reader.problem('handle', 'INVALID_ID', 'the document id has no path segment to take the handle from.', true);
  const title = reader.languageMap(doc.nameMap, 'title');
  const originalLanguage = reader.string(doc.inLanguage, 'originalLanguage') ?? Object.keys(title ?? {})[0] ?? 'und';
  const map = (key: string, field: string) => reader.languageMap(doc[key], field);
  const place = reader.object(doc.location, 'location');
  const audience = reader.object(doc.intendedAudience, 'targetGroup');
  const period = compact({
    startDate: reader.string(doc.startDate, 'period.startDate'),
    endDate: reader.string(doc.endDate, 'period.endDate'),
    regularService: reader.boolean(doc.regularService, 'period.regularService'),
  });
  const actors = reader.objects(doc.involvedActor, 'actors').flatMap(([node, field]): Actor[] => {
    // An actor whose role this node does not know is left out whole, as its role is the point.
    const role = reader.concept(node.actorRole, 'actor-role', `${field}.role`);
    if (!role) return [];
    return [
      compact({
        name: required(reader.string(node.name, `${field}.name`)),
        role,
        description: reader.languageMap(node.description, `${field}.description`),
        url: reader.iri(node.url, `${field}.url`),
      }),
    ];
  });
  const record = compact<GoodPracticeRecord>({
    handle: required(handle),
    practiceType: required(reader.concept(doc.practiceType, 'practice-type', 'practiceType')),
    title: required(title ?? reader.text(undefined, doc.name, 'title', originalLanguage)),
    summary: required(mapValues(reader.text(doc.summaryMap, doc.summary, 'summary', originalLanguage), htmlToText)),
    context: map('contextAndIssue', 'context'),
    objectives: map('objectives', 'objectives'),
    howItWorks: map('howItWorks', 'howItWorks'),
    targetGroup: audience && reader.languageMap(audience.audienceType, 'targetGroup'),
    location: compact({
      ...addressFromJsonLd(reader, reader.object(place?.address, 'location'), 'location'),
      geo: geoFromPlace(reader, place, 'location.geo'),
    }),
    period: Object.keys(period).length ? period : undefined,
    actors: actors.length ? actors : undefined,
    funding: map('funding', 'funding'),
    results: map('results', 'results'),
    evaluation: map('evaluation', 'evaluation'),
    transferability: map('transferability', 'transferability'),
    initiatives: reader.references(doc.references, id, 'initiatives'),
    originalLanguage,
    node: options.nodeHandle,
    sources: citationsFromJsonLd(reader, doc.citation),
  });
  return reader.finish('good-practice', record);
}
