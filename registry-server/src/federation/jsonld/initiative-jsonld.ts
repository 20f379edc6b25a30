// An initiative as the compact JSON-LD document its node serves at its id: an AS Organization
// (what Mastodon and Fedify read: name, summary, url, attributedTo) that is also an ESSGlobal
// SSEInitiative and a schema.org NGO, with every public field under a public vocabulary term,
// or one of ours (umn:) where none exists. See schemas/jsonld/README.md for the term list.
// The reverse mapping is in initiative-from-jsonld.ts.
import type { GeoPoint, InitiativeRecord } from '../../records/record-types.ts';
import type { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import { textToHtml, textToInlineHtml } from './html-text.ts';
import { compact } from './compact.ts';
import { conceptIrisOf, type ConceptIris } from './concept-iris.ts';
import { languageMap, mapValues, originalText } from './language-maps.ts';
import { recordIrisBesides } from '../iri.ts';
import { type JsonLdObject, type RecordIriOf } from './jsonld-types.ts';
import { publicInitiativeRecord } from './public-initiative-record.ts';
import { citationsToJsonLd, linksToJsonLd, placeToJsonLd } from './shared-nodes.ts';
import { DOCUMENT_CONTEXT } from './umn-context.ts';
import { eligibilityToJsonLd } from './eligibility-jsonld.ts';

export { initiativeFromJsonLd, type InitiativeFromJsonLdOptions } from './initiative-from-jsonld.ts';
export { publicInitiativeRecord } from './public-initiative-record.ts';

/** The types of an initiative document; Fedify reads it as an Organization (tested). */
export const INITIATIVE_TYPES = ['Organization', 'essglobal:SSEInitiative', 'schema:NGO'] as const;

export interface InitiativeJsonLdOptions {
  /** The initiative's IRI (its ActivityPub id). */
  id: string;
  /** Its web page. */
  url: string;
  /** The node actor, the author of everything the node publishes. */
  nodeActorId: string;
  /** The city node the initiative belongs to (dcterms:isPartOf). */
  nodeId: string;
  catalog: TaxonomyCatalog;
  /** ISO 8601 instants. */
  published: string;
  updatedAt: string;
  /** The node's city point, when the initiative is in the node's city (see publicLocation). */
  cityCentre?: GeoPoint;
  /** IRIs of the practices and parent initiative it names; default: beside `id` on the same node. */
  recordIri?: RecordIriOf;
  /** IRIs of other listings of the same organisation (other nodes' copies), as confirmed here (ADR 0052). */
  sameAs?: readonly string[];
}

export function initiativeToJsonLd(record: InitiativeRecord, options: InitiativeJsonLdOptions): JsonLdObject {
  // Only the public projection is read below, so nothing private can reach the document.
  const r = publicInitiativeRecord(record, options.cityCentre);
  const concepts = conceptIrisOf(options.catalog);
  const iriOf = options.recordIri ?? recordIrisBesides(options.id);
  const lang = r.originalLanguage;
  return compact({
    '@context': [...DOCUMENT_CONTEXT],
    id: options.id,
    type: [...INITIATIVE_TYPES],
    url: options.url,
    attributedTo: options.nodeActorId,
    isPartOf: options.nodeId,
    published: options.published,
    updated: options.updatedAt,
    // Plain name/summary/content in the original language for Mastodon, which reads those
    // first, and the maps for every language. Names are plain text in AS2; summary and content
    // are HTML, so the editor's text is escaped there (and read back as text by receivers).
    name: originalText(r.name, lang),
    nameMap: languageMap(r.name),
    alternateName: r.alternateNames,
    summary: originalText(mapValues(r.summary, textToInlineHtml), lang),
    summaryMap: mapValues(r.summary, textToInlineHtml),
    content: r.description && originalText(mapValues(r.description, textToHtml), lang),
    contentMap: mapValues(r.description, textToHtml),
    mediaType: r.description ? 'text/html' : undefined,
    mission: languageMap(r.mission),
    inLanguage: lang,
    ...classification(r, concepts),
    migrantLed: r.migrantLed ? true : undefined,
    migrantLedGovernance: languageMap(r.migrantLed?.governance),
    knowsLanguage: r.languagesOffered,
    hasAddress: compact({
      type: ['essglobal:Address', 'schema:PostalAddress'],
      addressLocality: r.location.locality,
      neighbourhood: r.location.neighbourhood,
      streetAddress: r.location.streetAddress,
      postalCode: r.location.postalCode,
      addressRegion: r.location.region,
      addressCountry: r.location.country,
      locationPrecision: r.location.precision,
    }),
    location: r.location.geo ? placeToJsonLd(r.location.locality, r.location.geo) : undefined,
    areaServed: languageMap(r.areaServed),
    email: r.contact?.email,
    telephone: r.contact?.phone,
    contactRelay: r.contact?.relay,
    website: r.website,
    seeAlso: linksToJsonLd(r.links),
    sameAs: options.sameAs?.length ? [...options.sameAs] : undefined,
    status: r.status,
    foundingDate: r.startDate,
    hasProductOrService: r.services?.map((s) =>
      compact({
        type: ['essglobal:ProductOrService', 'schema:Service'],
        nameMap: languageMap(s.name),
        description: languageMap(s.description),
        availableLanguage: s.languages,
        interpretationServices: languageMap(s.interpretationServices),
        applicationProcess: languageMap(s.applicationProcess),
        feesDescription: languageMap(s.feesDescription),
        eligibilityDescription: languageMap(s.eligibilityDescription),
        areaServed: languageMap(s.serviceAreas),
        accessibility: languageMap(s.accessibility),
      }),
    ),
    need: r.needs?.map((n) =>
      compact({ type: 'umn:Need', needType: concepts.iri('need', n.type), description: languageMap(n.description) }),
    ),
    keyFigure: r.keyFigures?.map((k) =>
      compact({
        type: 'schema:QuantitativeValue',
        value: k.value,
        description: languageMap(k.description),
        temporal: k.year,
        citation: k.source,
      }),
    ),
    isReferencedBy: r.practices?.map((handle) => iriOf('practices', handle)),
    parentOrganization: r.partOf && iriOf('initiatives', r.partOf),
    sponsor: r.supportedBy?.map((name) => ({ type: 'schema:Organization', name })),
    citation: citationsToJsonLd(r.sources),
    ...eligibilityToJsonLd(r, concepts),
  });
}

/** The taxonomy fields, as concept IRIs (ESSGlobal purl.org IRIs, or ours below /ns/). */
function classification(r: InitiativeRecord, concepts: ConceptIris): JsonLdObject {
  return {
    legalForm: concepts.iri('legal-form', r.legalForm),
    orgType: r.nationalLegalForm && concepts.iri('national-legal-form', r.nationalLegalForm),
    organisationalStructure: r.organisationalStructure && concepts.iri('organisational-structure', r.organisationalStructure),
    primarySector: concepts.iri('sector', r.primarySector),
    additionalSectors: concepts.iris('sector', r.additionalSectors),
    economicSector: concepts.iris('activity', r.activities),
    qualifier: concepts.iris('qualifier', r.qualifiers),
    governancePrinciple: concepts.iris('governance-principle', r.governancePrinciples),
    baseMembershipType: r.baseMembershipType && concepts.iri('base-membership-type', r.baseMembershipType),
  };
}
