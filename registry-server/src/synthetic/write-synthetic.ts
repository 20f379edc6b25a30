// Writes synthetic nodes and listings into a node's store, validated by the same layer as every
// other write. One node is this store's own (its listings are local); the listings of the other
// nodes are stored as received from them, with the provenance a partner's listings get.
import { RecordValidationError } from '../records/field-errors.ts';
import type { Origin } from '../records/stored-record.ts';
import type { Registry } from '../registry.ts';
import type { Doc } from '../store/store.ts';
import { SyntheticRepository, type SyntheticCollection } from './synthetic-repository.ts';
import {
  SYNTHETIC_HOST_SUFFIX,
  syntheticListings,
  syntheticNodes,
  type SyntheticListing,
  type SyntheticOptions,
} from './synthetic-listings.ts';

const BATCH = 1_000;

export interface WriteOptions extends SyntheticOptions {
  /** Handle of this store's own node; default: the first synthetic node. */
  localNode?: string;
  onProgress?: (written: number) => void;
}

export interface WriteResult {
  nodes: string[];
  localNode: string;
  initiatives: number;
  practices: number;
}

/** Synthetic documents already in the store. */
export function countSynthetic(registry: Registry): Promise<number> {
  return new SyntheticRepository(registry.store).count();
}

export function removeSynthetic(registry: Registry): Promise<number> {
  return new SyntheticRepository(registry.store).removeAll();
}

/** Whether the store holds real (non-synthetic) listings, e.g. the seeds. */
export function hasRealListings(registry: Registry): Promise<boolean> {
  return new SyntheticRepository(registry.store).hasRealListings();
}

export async function writeSynthetic(registry: Registry, options: WriteOptions): Promise<WriteResult> {
  const nodes = syntheticNodes(options.nodes, options.seed);
  const localNode = options.localNode ?? nodes[0]!.handle;
  const now = new Date().toISOString();
  const synthetic = new SyntheticRepository(registry.store);
  const version = (collection: SyntheticCollection) => synthetic.schemaVersion(collection);
  const check = (type: 'initiative' | 'good-practice' | 'city-node', record: unknown) => {
    const errors = registry.validator.validate(type, record);
    if (errors.length) throw new RecordValidationError(type, errors);
  };
  const nodeDocs = nodes.map((node) => {
    check('city-node', node.record);
    return {
      _id: node.handle,
      record: node.record,
      derived: registry.nodes.derive(node.record),
      schemaVersion: version('cityNodes'),
      version: 1,
      createdAt: now,
      updatedAt: now,
      origin: { kind: 'local' },
      publication: { state: 'published', publishedAt: now },
      synthetic: true,
    };
  });
  await synthetic.insert('cityNodes', nodeDocs);

  let initiatives = 0;
  let practices = 0;
  let batch: { initiatives: Doc[]; goodPractices: Doc[] } = { initiatives: [], goodPractices: [] };
  const flush = async () => {
    await synthetic.insert('initiatives', batch.initiatives);
    await synthetic.insert('goodPractices', batch.goodPractices);
    batch = { initiatives: [], goodPractices: [] };
    options.onProgress?.(initiatives + practices);
  };
  for (const listing of syntheticListings(registry.catalog, options)) {
    const local = listing.node.handle === localNode;
    const kind = listing.kind === 'initiative' ? 'initiatives' : 'practices';
    const host = `${listing.node.handle}.${SYNTHETIC_HOST_SUFFIX}`;
    const objectId = `https://${host}/${kind}/${listing.record.handle}`;
    const origin: Origin = local
      ? { kind: 'local' }
      : {
          kind: 'remote',
          node: `https://${host}/nodes/${listing.node.handle}`,
          objectId,
          url: objectId,
          receivedAt: listing.updatedAt,
          remoteUpdatedAt: listing.updatedAt,
        };
    const doc = stored(
      listing,
      local ? listing.record.handle : objectId,
      origin,
      version(listing.kind === 'initiative' ? 'initiatives' : 'goodPractices'),
      registry,
    );
    if (listing.kind === 'initiative') {
      check('initiative', listing.record);
      batch.initiatives.push(doc);
      initiatives++;
    } else {
      check('good-practice', listing.record);
      batch.goodPractices.push(doc);
      practices++;
    }
    if (batch.initiatives.length + batch.goodPractices.length >= BATCH) await flush();
  }
  await flush();
  return { nodes: nodes.map((n) => n.handle), localNode, initiatives, practices };
}

function stored(listing: SyntheticListing, id: string, origin: Origin, schemaVersion: number, registry: Registry): Doc {
  const derived = listing.kind === 'initiative' ? registry.initiatives.derive(listing.record) : registry.practices.derive(listing.record);
  return {
    _id: id,
    record: listing.record,
    derived,
    schemaVersion,
    version: 1,
    createdAt: listing.updatedAt,
    updatedAt: listing.updatedAt,
    origin,
    publication: { state: 'published', publishedAt: listing.updatedAt },
    synthetic: true,
  };
}
