// A good practice as the JSON-LD export of practices lists it (ADR 0048): the object its node
// serves to partners at its IRI (federation/objects.ts builds the same document with
// goodPracticeToJsonLd, naming only published initiatives), without its "@context", which the
// export states once for its whole @graph.
import { practiceWithPublishedReferences } from '../federation/published-references.ts';
import { goodPracticeToJsonLd } from '../federation/jsonld/good-practice-jsonld.ts';
import type { JsonLdObject } from '../federation/jsonld/jsonld-types.ts';
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { StoredGoodPractice } from '../practices/good-practice-repository.ts';
import type { RecordIris } from '../records/record-iris.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';

export interface PracticePartnerJsonLdDeps {
  initiatives: InitiativeRepository;
  iris: RecordIris;
  catalog: TaxonomyCatalog;
  /** The node actor's IRI (`<PUBLIC_URL>/nodes/<handle>`, federation.ts). */
  nodeActorId: string;
}

/** The partner object, or null when this node does not serve the record (received, not published). */
export async function practicePartnerJsonLd(doc: StoredGoodPractice, deps: PracticePartnerJsonLdDeps): Promise<JsonLdObject | null> {
  if (doc.origin.kind !== 'local' || doc.publication.state !== 'published') return null;
  const record = await practiceWithPublishedReferences(deps, doc.record);
  const id = deps.iris.local('practices', doc._id);
  const { '@context': _context, ...object } = goodPracticeToJsonLd(record, {
    id,
    url: id,
    nodeActorId: deps.nodeActorId,
    nodeId: deps.nodeActorId,
    catalog: deps.catalog,
    published: doc.publication.publishedAt ?? doc.createdAt,
    updatedAt: doc.updatedAt,
    // Initiatives are actors at /initiatives/<handle>, as the object dispatcher names them.
    recordIri: (kind, handle) => deps.iris.local(kind, handle),
  });
  return object;
}
