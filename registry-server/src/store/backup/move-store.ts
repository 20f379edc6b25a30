// `umn move-store`: copies every collection of one store into another through the Store
// interface, so it works between any two adapters (embedded → MongoDB is the documented move;
// the tests move embedded → embedded, and embedded → MongoDB when MONGODB_URL is set). Both nodes
// stopped: documents are copied as they are (schemaVersion included), indexes are made by the
// node when it first starts on the target. Each document is upserted by _id, so an interrupted
// move can simply be run again with --force.
import type { Store } from '../store.ts';
import { BackupError } from './backup-error.ts';

export interface MovedCollection {
  collection: string;
  documents: number;
}

export interface MoveOptions {
  /** Empty a target that holds documents instead of refusing. */
  force: boolean;
  batchSize?: number;
  /** Called after each collection is copied. */
  progress?: (moved: MovedCollection) => void;
}

/** How many documents each collection of the store holds (those that hold none are left out). */
export async function documentCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await store.collectionNames()) {
    const documents = await store.collection(name).countDocuments();
    if (documents > 0) counts[name] = documents;
  }
  return counts;
}

export async function moveStore(source: Store, target: Store, options: MoveOptions): Promise<MovedCollection[]> {
  const occupied = Object.entries(await documentCounts(target)).map(([name, documents]) => `${name} (${documents})`);
  if (occupied.length && !options.force)
    throw new BackupError(
      'TARGET_EXISTS',
      `The target store already holds documents: ${occupied.join(', ')}. Nothing was copied. Give an empty database, or add --force to empty it first.`,
    );
  for (const name of await target.collectionNames()) await target.collection(name).deleteMany({});

  const moved: MovedCollection[] = [];
  for (const name of await source.collectionNames()) {
    const from = source.collection(name);
    const to = target.collection(name);
    // One document at a time (in parallel within a batch): insertMany is all-or-nothing, which
    // MongoDB can only promise on a replica set, and a standalone server is a fine target.
    for await (const batch of from.findInBatches({}, options.batchSize ?? 200))
      await Promise.all(batch.map(({ _id, ...rest }) => to.replaceOne({ _id }, rest, { upsert: true })));
    const [expected, copied] = [await from.countDocuments(), await to.countDocuments()];
    if (expected !== copied)
      throw new BackupError(
        'COPY_MISMATCH',
        `${name}: ${copied} documents in the target for ${expected} in the source. Was a node writing to one of them? Stop it and run the move again with --force.`,
      );
    moved.push({ collection: name, documents: copied });
    options.progress?.(moved.at(-1)!);
  }
  return moved;
}
