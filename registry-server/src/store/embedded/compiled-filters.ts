// mingo compiles a Query for every filter (about 25 µs: most of a lookup by id, and the largest
// cost of the few lookups a GraphQL request makes, issue 13). The same filters come back with
// every request (a published listing's page, a node by id), so compiled queries are kept, keyed
// by the filter's JSON, in a bounded map (least recently used leaves first).
//
// Only filters made of JSON values are kept: a RegExp, a Date or a function has no faithful JSON
// key, so such a filter is compiled each time. Filters that read the clock ($$NOW) would be
// wrong to keep; none of this store's callers use them, and $expr/$where are not JSON-keyed
// when they hold functions.
import { Query } from 'mingo';
import type { Filter } from '../store.ts';
import { LruMap } from '../../caching/lru-map.ts';

const KEPT = 1_000;
const MAX_KEY_LENGTH = 512;
const compiled = new LruMap<string, Query<never>>(KEPT);

export function compiledFilter<T>(filter: Filter): Query<T> {
  const key = plainJson(filter, 0) ? JSON.stringify(filter) : null;
  // A long filter (records by a list of ids, a search's page) is rarely asked twice: kept, it
  // would only push out the filters that are, and grow the old generation of the heap.
  if (key === null || key.length > MAX_KEY_LENGTH) return new Query<T>(filter as never, {});
  const known = compiled.get(key);
  if (known) return known as unknown as Query<T>;
  const query = new Query<T>(filter as never, {});
  compiled.set(key, query as unknown as Query<never>);
  return query;
}

/** True when `value` is made of strings, finite numbers, booleans, null, arrays and plain objects only. */
function plainJson(value: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !plainJson(value[i], depth + 1)) return false;
    return true;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (Object.hasOwn(value, key) && !plainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}
