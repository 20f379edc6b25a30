// Which part of each document the embedded store keeps in memory. A collection without a plan
// keeps whole documents (small collections: accounts, queues, settings). A collection with one
// keeps only the fields its queries filter and sort on (the "resident" part); the rest stays in
// the SQLite file and is read back, per document, when a query returns it. At 100,000 listings
// whole documents cost about 800 MB of memory, their resident parts a fraction of that
// (ADR 0001, second amendment).
//
// Correctness never depends on the plan: a filter, sort or projection that names a field
// outside it is answered from whole documents read from the file (slower, same result).
import type { Filter, Projection, SortSpec } from '../store.ts';
import { deepFreeze } from './document-paths.ts';
import type { StringPool } from './string-pool.ts';

/** Query operators whose arguments are filters (the paths inside them count). */
const LOGICAL = new Set(['$and', '$or', '$nor']);
/** Top-level operators that do not name fields and never need whole documents. */
const HARMLESS = new Set(['$comment']);

export class ResidentPlan {
  /** Dotted paths kept in memory; a path keeps everything below it. */
  readonly fields: readonly string[];

  constructor(fields: Iterable<string>) {
    // _id is always resident; a path below another listed path adds nothing.
    const unique = [...new Set(['_id', ...fields])].sort();
    this.fields = unique.filter((field) => !unique.some((other) => other !== field && field.startsWith(`${other}.`)));
  }

  /** The same plan with more fields (for an index on a field the plan did not list). */
  with(fields: Iterable<string>): ResidentPlan {
    return new ResidentPlan([...this.fields, ...fields]);
  }

  /** True when `path` is inside a resident field, so resident parts answer for it exactly. */
  covers(path: string): boolean {
    let known = this.#covered.get(path);
    if (known === undefined) {
      known = this.#computeCovers(path);
      // Paths come from the code's own filters and sorts (a few dozen), never from readers' input;
      // bounded all the same.
      if (this.#covered.size < 10_000) this.#covered.set(path, known);
    }
    return known;
  }

  /** Answers of `covers`, by path (the plan never changes; a wider plan is a new object). */
  readonly #covered = new Map<string, boolean>();

  #computeCovers(path: string): boolean {
    const plain = path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .join('.');
    return this.fields.some((field) => plain === field || plain.startsWith(`${field}.`));
  }

  /** True when every field the filter reads is resident (unknown operators are not). */
  coversFilter(filter: Filter): boolean {
    for (const [key, value] of Object.entries(filter)) {
      if (LOGICAL.has(key)) {
        if (!Array.isArray(value) || !value.every((part) => part !== null && typeof part === 'object' && this.coversFilter(part as Filter)))
          return false;
      } else if (key.startsWith('$')) {
        // $expr, $where, $text, $jsonSchema … may read any field.
        if (!HARMLESS.has(key)) return false;
      } else if (!this.covers(key)) return false;
    }
    return true;
  }

  coversSort(sort: SortSpec | undefined): boolean {
    return sort === undefined || Object.keys(sort).every((path) => this.covers(path));
  }

  /** True for an inclusion projection of resident fields only (what reconcile-style reads use). */
  coversProjection(projection: Projection | undefined): boolean {
    if (projection === undefined) return false;
    const entries = Object.entries(projection);
    return entries.length > 0 && entries.every(([path, on]) => (on === 1 && this.covers(path)) || (path === '_id' && on === 0));
  }

  /**
   * The resident part of a whole document: a frozen copy of the listed fields, repeated strings
   * shared through `pool`. A path that meets an array keeps the whole array, so array queries
   * (membership, $elemMatch, positions) see exactly what they would see in the whole document.
   */
  project<T extends Record<string, unknown>>(doc: T, pool?: StringPool): T {
    // _id first and as is: ids are unique, sharing them would only fill the pool.
    const out: Record<string, unknown> = { _id: doc._id };
    const copy = pool ? (value: unknown) => copyValue(value, pool) : (value: unknown) => structuredClone(value);
    for (const field of this.fields) if (field !== '_id') copyPath(doc, out, field.split('.'), 0, copy);
    if (pool) for (const key of Object.keys(out)) out[key] = shareLeaves(out[key], pool);
    return deepFreeze(out) as T;
  }
}

function copyPath(
  source: Record<string, unknown>,
  target: Record<string, unknown>,
  parts: string[],
  at: number,
  copy: (value: unknown) => unknown,
): void {
  const key = parts[at]!;
  if (!Object.hasOwn(source, key)) return;
  const value = source[key];
  if (at === parts.length - 1 || value === null || typeof value !== 'object' || Array.isArray(value)) {
    target[key] = copy(value);
    return;
  }
  const existing = target[key];
  const next = existing !== undefined ? (existing as Record<string, unknown>) : (target[key] = {} as Record<string, unknown>);
  copyPath(value as Record<string, unknown>, next, parts, at + 1, copy);
}

/** A deep copy of a JSON value with its strings interned. */
function copyValue(value: unknown, pool: StringPool): unknown {
  if (typeof value === 'string') return pool.intern(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => copyValue(item, pool));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = copyValue(item, pool);
  return out;
}

/** Replaces every array or object of plain values below `value` by its shared copy, bottom up. */
function shareLeaves(value: unknown, pool: StringPool): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = shareLeaves(value[i], pool);
  } else {
    for (const key of Object.keys(value))
      (value as Record<string, unknown>)[key] = shareLeaves((value as Record<string, unknown>)[key], pool);
  }
  return pool.share(value);
}
