// Every stored document carries `schemaVersion`. When the shape of a collection's documents
// changes, add a migration here with the next version: at boot, documents below the current
// version are migrated one step at a time and written back (compare-and-set on their old
// version, so two booting processes on MongoDB never apply a step twice).
import type { Logger } from '@logtape/logtape';
import type { Doc, Store } from './store.ts';

export interface Migration {
  collection: string;
  /** The version this step produces; it applies to documents at toVersion - 1. */
  toVersion: number;
  describe: string;
  migrate(doc: Doc): Doc;
}

export interface CollectionVersion {
  collection: string;
  current: number;
}

/** Current document versions of the registry's collections. */
export const COLLECTION_VERSIONS: CollectionVersion[] = [
  { collection: 'initiatives', current: 1 },
  { collection: 'goodPractices', current: 1 },
  { collection: 'marketRecords', current: 1 },
  { collection: 'adoptionRecords', current: 1 },
  { collection: 'cityNodes', current: 1 },
];

/** The steps from one version to the next. None yet: version 1 is the first shape. */
export const MIGRATIONS: Migration[] = [];

export async function migrateDocuments(
  store: Store,
  log: Logger,
  versions = COLLECTION_VERSIONS,
  migrations = MIGRATIONS,
): Promise<number> {
  let migrated = 0;
  for (const { collection, current } of versions) {
    const c = store.collection(collection);
    const newer = await c.countDocuments({ schemaVersion: { $gt: current } });
    if (newer > 0) {
      throw new Error(
        `${newer} document(s) in ${collection} were written by a newer version of the registry (schemaVersion above ${current}). Upgrade this server before starting it on this data.`,
      );
    }
    const outdated = await c.find({ $or: [{ schemaVersion: { $lt: current } }, { schemaVersion: { $exists: false } }] });
    for (const original of outdated) {
      let doc: Doc = structuredClone(original);
      let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
      while (version < current) {
        const step = migrations.find((m) => m.collection === collection && m.toVersion === version + 1);
        if (!step) throw new Error(`No migration of ${collection} from schemaVersion ${version} to ${version + 1}: add one to MIGRATIONS.`);
        doc = { ...step.migrate(doc), _id: doc._id, schemaVersion: step.toVersion };
        version = step.toVersion;
      }
      const { _id, ...rest } = doc;
      const result = await c.replaceOne({ _id, schemaVersion: original.schemaVersion ?? { $exists: false } }, rest);
      migrated += result.modifiedCount;
    }
    if (outdated.length)
      log.info('Migrated {count} document(s) of {collection} to schemaVersion {current}', { count: outdated.length, collection, current });
  }
  return migrated;
}
