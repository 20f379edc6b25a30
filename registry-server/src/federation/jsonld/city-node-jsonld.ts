// A city node's public profile (every CityNode field is public) as JSON-LD terms, to embed in
// the node actor document, and the reverse. The actor itself (keys, inbox, preferredUsername)
// is built by Fedify elsewhere; merge `cityNodeProfileJsonLd` into its JSON with
// withUmnContext() and serve the result raw, since Fedify drops terms it does not know.
import type { CityNodeRecord } from '../../records/record-types.ts';
import type { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import { JsonLdReader, required, type ReadResult } from './jsonld-reader.ts';
import { compact } from './compact.ts';
import { conceptIrisOf } from './concept-iris.ts';
import { handleFromIri } from '../iri.ts';
import { languageMap, mapValues, originalText } from './language-maps.ts';
import { type JsonLdObject } from './jsonld-types.ts';
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

/** Data licences are SPDX identifiers; as IRIs they are the SPDX licence-list IRIs. */
const SPDX = 'http://spdx.org/licenses/';

export interface CityNodeJsonLdOptions {
  id: string;
  catalog: TaxonomyCatalog;
  /** The actor type Fedify serves for the node. */
  type?: 'Organization' | 'Service' | 'Group' | 'Application';
}

export interface CityNodeFromJsonLdOptions {
  catalog: TaxonomyCatalog;
  /** The node's handle; default: the last path segment of the document id. */
  handle?: string;
}

/** The profile terms only (no @context, id, type, name or summary), to merge into the actor. */
export function cityNodeProfileJsonLd(node: CityNodeRecord, catalog: TaxonomyCatalog): JsonLdObject {
  const concepts = conceptIrisOf(catalog);
  return compact({
    location: placeToJsonLd(node.locality, node.geo, { nameMap: languageMap(node.localityNames), address: postalAddressToJsonLd(node) }),
    provider: node.operators?.map((o) => organisationToJsonLd(o, concepts.iri('actor-role', o.role))),
    // The organisation's functional contact (schema:email, schema:address as text).
    email: node.contact?.email,
    address: node.contact?.address,
    inLanguage: node.defaultLanguages,
    inclusionCriteria: languageMap(node.inclusionCriteria),
    validatedBy: languageMap(node.validatedBy),
    updateFrequency: languageMap(node.updateFrequency),
    privacyPolicy: languageMap(node.privacyPolicy),
    license: node.dataLicence && `${SPDX}${node.dataLicence}`,
    status: node.status,
    isPartOf: node.network?.map((name) => ({ type: 'essglobal:Network', name })),
    citation: citationsToJsonLd(node.sources),
  });
}

/** A standalone document of the node profile (tests, exports; the actor adds its own keys). */
export function cityNodeToJsonLd(node: CityNodeRecord, options: CityNodeJsonLdOptions): JsonLdObject {
  const lang = node.defaultLanguages[0] ?? 'und';
  return compact({
    '@context': [...DOCUMENT_CONTEXT],
    id: options.id,
    type: options.type ?? 'Organization',
    url: node.url,
    name: originalText(node.name, lang),
    nameMap: languageMap(node.name),
    // HTML in AS2 (name is plain text): the text is escaped, and read back as text.
    summary: originalText(mapValues(node.summary, textToInlineHtml), lang),
    summaryMap: mapValues(node.summary, textToInlineHtml),
    ...cityNodeProfileJsonLd(node, options.catalog),
  });
}

export function cityNodeFromJsonLd(json: unknown, options: CityNodeFromJsonLdOptions): ReadResult<CityNodeRecord> {
  const reader = new JsonLdReader(options.catalog);
  const doc = reader.root(json);
  if (!doc) {
    reader.problem('', 'NOT_A_NODE', 'is not a city node document (an object).', true);
    return reader.finish('city-node', {} as CityNodeRecord);
  }
  const id = reader.iri(doc.id, 'id');
  const handle =
    options.handle ??
    (id && handleFromIri(id)) ??
    reader.problem('handle', 'INVALID_ID', 'the document id has no path segment to take the handle from.', true);
  const defaultLanguages = reader.strings(doc.inLanguage, 'defaultLanguages');
  const fallback = defaultLanguages?.[0] ?? 'und';
  const place = reader.object(doc.location, 'location');
  const address = addressFromJsonLd(reader, reader.object(place?.address, 'locality'), '');
  const map = (key: string) => reader.languageMap(doc[key], key);
  const operators = reader.objects(doc.provider, 'operators').flatMap(([node, field]) => {
    const role = reader.concept(node.actorRole, 'actor-role', `${field}.role`);
    return role
      ? [compact({ name: required(reader.string(node.name, `${field}.name`)), role, url: reader.iri(node.url, `${field}.url`) })]
      : [];
  });
  const licence = reader.iri(doc.license, 'dataLicence');
  const network = reader.strings(
    reader.list(doc.isPartOf, 'network').map((n) => (typeof n === 'object' && n !== null ? (n as JsonLdObject).name : n)),
    'network',
  );
  return reader.finish(
    'city-node',
    compact<CityNodeRecord>({
      handle: required(handle),
      name: required(reader.text(doc.nameMap, doc.name, 'name', fallback)),
      summary: mapValues(reader.text(doc.summaryMap, doc.summary, 'summary', fallback), htmlToText),
      locality: address.locality,
      localityNames: reader.languageMap(place?.nameMap, 'localityNames'),
      country: address.country,
      region: address.region,
      geo: geoFromPlace(reader, place, 'geo'),
      operators: operators.length ? operators : undefined,
      contact: nonEmpty(
        compact({
          email: reader.string(doc.email, 'contact.email'),
          address: typeof doc.address === 'string' ? reader.string(doc.address, 'contact.address') : undefined,
        }),
      ),
      defaultLanguages: required(defaultLanguages),
      inclusionCriteria: map('inclusionCriteria'),
      validatedBy: map('validatedBy'),
      updateFrequency: map('updateFrequency'),
      dataLicence: licence?.replace(/^https?:\/\/spdx\.org\/licenses\//, '').replace(/\.(html|json)$/, ''),
      privacyPolicy: map('privacyPolicy'),
      url: reader.iri(doc.url, 'url'),
      status: reader.string(doc.status, 'status') as CityNodeRecord['status'],
      network,
      sources: citationsFromJsonLd(reader, doc.citation),
    }),
  );
}

const nonEmpty = <T extends object>(value: T): T | undefined => (Object.keys(value).length ? value : undefined);
