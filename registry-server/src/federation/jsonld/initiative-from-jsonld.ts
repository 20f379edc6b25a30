// Reads an initiative document served by a UMN node (this version, an older or a newer one)
// back into a record for the store. Concept IRIs map back to codes through the catalog;
// unknown ones are left out with an error entry. The result goes through the public
// projection, so a received record can never hold more than a public view would (no street
// address below address precision, no migrant-led flag without consent), and then through
// RecordValidator, the same validation layer as local writes.
import type { GeoPoint, InitiativeRecord, LocationPrecision, Visibility } from '../../records/record-types.ts';
import type { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import { htmlToText } from './html-text.ts';
import { JsonLdReader, required, type ReadResult } from './jsonld-reader.ts';
import { compact } from './compact.ts';
import { handleFromIri } from '../iri.ts';
import { mapValues } from './language-maps.ts';
import { type JsonLdObject } from './jsonld-types.ts';
import { publicInitiativeRecord } from './public-initiative-record.ts';
import { eligibilityFromJsonLd } from './eligibility-jsonld.ts';
import { addressFromJsonLd, citationsFromJsonLd, geoFromPlace, linksFromJsonLd } from './shared-nodes.ts';

export interface InitiativeFromJsonLdOptions {
  catalog: TaxonomyCatalog;
  /** Handle of the sending city node, as this node knows it. */
  nodeHandle: string;
  /** The sending node's city point, when the initiative is in that city (as when sending). */
  cityCentre?: GeoPoint;
}

type Service = NonNullable<InitiativeRecord['services']>[number];
type Need = NonNullable<InitiativeRecord['needs']>[number];
type KeyFigure = NonNullable<InitiativeRecord['keyFigures']>[number];

// Whatever arrives over ActivityPub was public at its origin.
const PUBLIC: Visibility = 'public';
const PRECISIONS: readonly LocationPrecision[] = ['address', 'neighbourhood', 'city'];
const INITIATIVE_TYPE_NAMES = new Set([
  'Organization',
  'https://www.w3.org/ns/activitystreams#Organization',
  'essglobal:SSEInitiative',
  'http://purl.org/essglobal/vocab/SSEInitiative',
]);

export function initiativeFromJsonLd(json: unknown, options: InitiativeFromJsonLdOptions): ReadResult<InitiativeRecord> {
  const reader = new JsonLdReader(options.catalog);
  const doc = reader.root(json);
  if (!doc || !reader.types(doc).some((t) => INITIATIVE_TYPE_NAMES.has(t))) {
    reader.problem('', 'NOT_AN_INITIATIVE', 'is not an initiative document (an Organization / essglobal:SSEInitiative).', true);
    return reader.finish('initiative', {} as InitiativeRecord);
  }
  const id = reader.iri(doc.id, 'id') ?? '';
  const handle =
    handleFromIri(id) ?? reader.problem('handle', 'INVALID_ID', 'the document id has no path segment to take the handle from.', true);
  const nameMap = reader.languageMap(doc.nameMap, 'name');
  const originalLanguage = reader.string(doc.inLanguage, 'originalLanguage') ?? Object.keys(nameMap ?? {})[0] ?? 'und';
  const text = (map: unknown, plain: unknown, field: string) => reader.text(map, plain, field, originalLanguage);
  const concept = reader.concept.bind(reader);
  const concepts = reader.concepts.bind(reader);
  // A language-map member of a nested node, reported under the record field it fills.
  const maps = (node: JsonLdObject, field: string, key: string) => reader.languageMap(node[key], field);

  const address = reader.object(doc.hasAddress, 'location');
  const precision = reader.string(address?.locationPrecision, 'location.precision');
  const migrantLed = reader.boolean(doc.migrantLed, 'migrantLed') === true;
  const email = reader.string(doc.email, 'contact.email');
  const phone = reader.string(doc.telephone, 'contact.phone');

  const record = compact<InitiativeRecord>({
    handle: required(handle),
    name: required(nameMap ?? text(undefined, doc.name, 'name')),
    alternateNames: reader.strings(doc.alternateName, 'alternateNames'),
    summary: required(mapValues(text(doc.summaryMap, doc.summary, 'summary'), htmlToText)),
    description: mapValues(text(doc.contentMap, doc.content, 'description'), htmlToText),
    mission: reader.languageMap(doc.mission, 'mission'),
    originalLanguage,
    legalForm: required(concept(doc.legalForm, 'legal-form', 'legalForm')),
    nationalLegalForm: concept(doc.orgType, 'national-legal-form', 'nationalLegalForm'),
    organisationalStructure: concept(doc.organisationalStructure, 'organisational-structure', 'organisationalStructure'),
    primarySector: required(concept(doc.primarySector, 'sector', 'primarySector')),
    additionalSectors: concepts(doc.additionalSectors, 'sector', 'additionalSectors'),
    activities: concepts(doc.economicSector, 'activity', 'activities'),
    qualifiers: concepts(doc.qualifier, 'qualifier', 'qualifiers'),
    governancePrinciples: concepts(doc.governancePrinciple, 'governance-principle', 'governancePrinciples'),
    baseMembershipType: concept(doc.baseMembershipType, 'base-membership-type', 'baseMembershipType'),
    // A migrant-led flag is only ever sent with consent; governance text without it is ignored.
    migrantLed: migrantLed
      ? compact({
          declared: true,
          consentToPublish: true,
          governance: reader.languageMap(doc.migrantLedGovernance, 'migrantLed.governance'),
        })
      : undefined,
    languagesOffered: reader.strings(doc.knowsLanguage, 'languagesOffered'),
    location: compact({
      ...addressFromJsonLd(reader, address, 'location'),
      neighbourhood: reader.string(address?.neighbourhood, 'location.neighbourhood'),
      streetAddress: reader.string(address?.streetAddress, 'location.streetAddress'),
      postalCode: reader.string(address?.postalCode, 'location.postalCode'),
      // Unknown or missing precision falls back to the most private one.
      precision:
        PRECISIONS.find((p) => p === precision) ??
        (precision === undefined
          ? 'city'
          : (reader.problem('location.precision', 'NOT_ALLOWED', `"${precision}" is not a location precision; read as city.`) ?? 'city')),
      geo: geoFromPlace(reader, reader.object(doc.location, 'location.geo'), 'location.geo'),
    }),
    areaServed: reader.languageMap(doc.areaServed, 'areaServed'),
    contact: compact({
      email,
      phone,
      relay: reader.boolean(doc.contactRelay, 'contact.relay'),
      visibility: compact({ email: email ? PUBLIC : undefined, phone: phone ? PUBLIC : undefined }),
    }),
    website: reader.iri(doc.website, 'website'),
    links: linksFromJsonLd(reader, doc.seeAlso),
    status: reader.string(doc.status, 'status') as InitiativeRecord['status'],
    startDate: reader.string(doc.foundingDate, 'startDate'),
    services: nonEmpty(
      reader.objects(doc.hasProductOrService, 'services').map(([node, field]): Service =>
        compact({
          name: required(reader.languageMap(node.nameMap, `${field}.name`)),
          description: maps(node, `${field}.description`, 'description'),
          languages: reader.strings(node.availableLanguage, `${field}.languages`),
          interpretationServices: maps(node, `${field}.interpretationServices`, 'interpretationServices'),
          applicationProcess: maps(node, `${field}.applicationProcess`, 'applicationProcess'),
          feesDescription: maps(node, `${field}.feesDescription`, 'feesDescription'),
          eligibilityDescription: maps(node, `${field}.eligibilityDescription`, 'eligibilityDescription'),
          serviceAreas: maps(node, `${field}.serviceAreas`, 'areaServed'),
          accessibility: maps(node, `${field}.accessibility`, 'accessibility'),
        }),
      ),
    ),
    // A need of an unknown type is left out whole: its type is what it is about.
    needs: nonEmpty(
      reader.objects(doc.need, 'needs').flatMap(([node, field]): Need[] => {
        const type = concept(node.needType, 'need', `${field}.type`);
        return type ? [compact({ type, description: maps(node, `${field}.description`, 'description') })] : [];
      }),
    ),
    keyFigures: nonEmpty(
      reader.objects(doc.keyFigure, 'keyFigures').map(([node, field]): KeyFigure =>
        compact({
          value: required(reader.number(node.value, `${field}.value`)),
          description: required(maps(node, `${field}.description`, 'description')),
          year: reader.number(node.temporal, `${field}.year`),
          source: reader.string(node.citation, `${field}.source`),
        }),
      ),
    ),
    practices: reader.references(doc.isReferencedBy, id, 'practices'),
    partOf: reader.reference(doc.parentOrganization, id, 'partOf'),
    supportedBy: reader.strings(
      reader.list(doc.sponsor, 'supportedBy').map((s) => (typeof s === 'object' && s !== null ? (s as JsonLdObject).name : s)),
      'supportedBy',
    ),
    node: options.nodeHandle,
    sources: citationsFromJsonLd(reader, doc.citation),
    ...eligibilityFromJsonLd(reader, doc),
  });
  return reader.finish('initiative', publicInitiativeRecord(record, options.cityCentre));
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length ? items : undefined;
}
