// How the embedded store finds the documents a filter selects: the few it must test (one _id, a
// list of _ids, or the ids of the most selective single-field index), and the test itself (the
// fast paths of simple filters, else mingo's compiled query).
import type { Query } from 'mingo';
import { StoreQueryError } from '../store-errors.ts';
import type { Doc, Filter } from '../store.ts';
import { compiledFilter } from './compiled-filters.ts';
import { isPlainObject, simpleTest } from './fast-paths.ts';
import type { MemoryIndex } from './memory-index.ts';

/** A test of `filter` on one document of `collection` (named in the error of an invalid filter). */
export function filterTester<T extends Doc>(collection: string, filter: Filter): (doc: T) => boolean {
  const simple = simpleTest(filter);
  if (!simple) {
    const query = compiledQuery<T>(collection, filter);
    return (doc) => query.test(doc);
  }
  let query: Query<T> | undefined;
  return (doc) => simple(doc) ?? (query ??= compiledQuery<T>(collection, filter)).test(doc);
}

export function compiledQuery<T extends Doc>(collection: string, filter: Filter): Query<T> {
  try {
    return compiledFilter<T>(filter);
  } catch (cause) {
    throw new StoreQueryError(`${collection}: invalid filter ${JSON.stringify(filter)}: ${(cause as Error).message}`, { cause });
  }
}

/** Narrows the documents to test with _id or a single-field index when the filter allows it. */
export function candidatesOf<T extends Doc>(docs: ReadonlyMap<string, T>, indexes: Iterable<MemoryIndex>, filter: Filter): Iterable<T> {
  const id = filter._id;
  if (typeof id === 'string') {
    const doc = docs.get(id);
    return doc ? [doc] : [];
  }
  if (isPlainObject(id) && Array.isArray(id.$in) && Object.keys(id).length === 1) {
    return (id.$in as unknown[]).flatMap((value) => {
      const doc = typeof value === 'string' ? docs.get(value) : undefined;
      return doc ? [doc] : [];
    });
  }
  const best = indexedCandidates(indexes, filter);
  if (best) return [...best].map((docId) => docs.get(docId)!);
  return docs.values();
}

/** Of the equality filters on an indexed field, the ids the most selective one allows; null when none applies. */
export function indexedCandidates(indexes: Iterable<MemoryIndex>, filter: Filter): ReadonlySet<string> | null {
  let best: ReadonlySet<string> | null = null;
  for (const index of indexes) {
    if (index.fields.length !== 1 || index.spec.sparse) continue;
    const value = filter[index.fields[0]!];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const ids = index.lookup(value);
      if (best === null || ids.size < best.size) best = ids;
    }
  }
  return best;
}
