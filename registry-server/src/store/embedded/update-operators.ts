// What the embedded store checks and derives from an update, as MongoDB does: an update is made
// of operators ($set …), never a bare document; an upsert starts from the filter's equalities.
import { StoreQueryError } from '../store-errors.ts';
import type { Filter, Update } from '../store.ts';
import { setPath } from './document-paths.ts';
import { isPlainObject } from './fast-paths.ts';

export function assertUpdateOperators(update: Update): void {
  const keys = Object.keys(update);
  if (keys.length === 0 || keys.some((key) => !key.startsWith('$'))) {
    throw new StoreQueryError(
      `An update must use operators such as $set (got ${JSON.stringify(update)}); use replaceOne to replace a whole document.`,
    );
  }
}

/** MongoDB's upsert seed: the equality fields of the filter (including inside $and). */
export function documentFromFilter(filter: Filter): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  const visit = (f: Filter) => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value)) value.forEach((part) => visit(part as Filter));
      else if (key.startsWith('$')) continue;
      else if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
        if ('$eq' in value) setPath(doc, key, structuredClone(value.$eq));
      } else setPath(doc, key, structuredClone(value));
    }
  };
  visit(filter);
  return doc;
}
