// An initiative as the JSON-LD export lists it (ADR 0048): the object its node serves to
// partners at its IRI (federation/actors.ts builds the same document with initiativeToJsonLd),
// without the ActivityPub machinery (inbox, keys), which belongs to the actor, not to the data,
// and without its "@context", which the export states once for its whole @graph.
import { withPublishedReferences } from '../federation/published-references.ts';
import { initiativeToJsonLd } from '../federation/jsonld/initiative-jsonld.ts';
import type { JsonLdObject } from '../federation/jsonld/jsonld-types.ts';
import type { StoredInitiative, InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { StoredCityNode } from '../nodes/city-node-repository.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';
import type { RecordIris } from '../records/record-iris.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';

export interface PartnerJsonLdDeps {
  initiatives: InitiativeRepository;
  practices: GoodPracticeRepository;
  iris: RecordIris;
  catalog: TaxonomyCatalog;
  /** The node's own profile (its city point replaces the point of city-only locations). */
  ownNode: StoredCityNode | null;
  /** The node actor's IRI, as the actor dispatcher names it (`<PUBLIC_URL>/nodes/<handle>`, federation.ts). */
  nodeActorId: string;
  /** The partners' listings of the same organisation, served beside the record (ADR 0052). */
  sameAs?: readonly string[];
}

/** The partner object, or null when this node does not serve the record (received, not published). */
export async function initiativePartnerJsonLd(doc: StoredInitiative, deps: PartnerJsonLdDeps): Promise<JsonLdObject | null> {
  if (doc.origin.kind !== 'local' || doc.publication.state !== 'published') return null;
  // Only published practices and parent are named, as at the IRI (published-references.ts).
  const record = await withPublishedReferences(deps, doc.record);
  const id = deps.iris.local('initiatives', doc._id);
  const node = deps.ownNode;
  const sameCity = node?.record.locality === record.location.locality;
  const { '@context': _context, ...object } = initiativeToJsonLd(record, {
    id,
    url: id,
    nodeActorId: deps.nodeActorId,
    nodeId: deps.nodeActorId,
    catalog: deps.catalog,
    published: doc.publication.publishedAt ?? doc.createdAt,
    updatedAt: doc.updatedAt,
    ...(sameCity && node?.record.geo ? { cityCentre: node.record.geo } : {}),
    sameAs: deps.sameAs ?? [],
  });
  return object;
}
