// In-memory indexes of the embedded store: unique ones enforce MongoDB's unique constraint;
// single-field ones also answer equality filters without scanning the collection.
import type { Doc, IndexOptions, SortSpec } from '../store.ts';
import { getPath } from './document-paths.ts';

export interface IndexSpec {
  name: string;
  keys: SortSpec;
  unique: boolean;
  sparse: boolean;
}

export function indexName(keys: SortSpec): string {
  return Object.entries(keys)
    .map(([field, dir]) => `${field}_${dir}`)
    .join('_');
}

export function indexSpec(keys: SortSpec, options: IndexOptions = {}): IndexSpec {
  return { name: options.name ?? indexName(keys), keys, unique: options.unique ?? false, sparse: options.sparse ?? false };
}

const NONE: ReadonlySet<string> = new Set();

export class MemoryIndex {
  readonly spec: IndexSpec;
  readonly fields: string[];
  /**
   * Ids per key: a lone id as a plain string, a Set once a second one arrives. Most keys of an
   * index on a near-unique field (a name, a timestamp) have one document, and a Set per key
   * would cost some 200 bytes each (about 40 MB at 100,000 listings for two such indexes).
   */
  readonly #entries = new Map<string, string | Set<string>>();

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.keys);
  }

  /** The index keys of a document: several for an array in a single-field index (multikey). */
  keysOf(doc: Doc): string[] {
    const values = this.fields.map((field) => getPath(doc, field));
    if (this.spec.sparse && values.every((v) => v === undefined)) return [];
    if (this.fields.length === 1 && Array.isArray(values[0])) {
      const items = values[0] as unknown[];
      return items.length === 0 ? [keyString([undefined])] : [...new Set(items.map((item) => keyString([item])))];
    }
    return [keyString(values)];
  }

  /** Ids of documents whose single indexed field equals value (or contains it, for arrays). */
  lookup(value: unknown): ReadonlySet<string> {
    return this.owners(keyString([value]));
  }

  owners(key: string): ReadonlySet<string> {
    const ids = this.#entries.get(key);
    return ids === undefined ? NONE : typeof ids === 'string' ? new Set([ids]) : ids;
  }

  add(doc: Doc): void {
    for (const key of this.keysOf(doc)) {
      const ids = this.#entries.get(key);
      if (ids === undefined) this.#entries.set(key, doc._id);
      else if (typeof ids === 'string') {
        if (ids !== doc._id) this.#entries.set(key, new Set([ids, doc._id]));
      } else ids.add(doc._id);
    }
  }

  remove(doc: Doc): void {
    for (const key of this.keysOf(doc)) {
      const ids = this.#entries.get(key);
      if (ids === undefined) continue;
      if (typeof ids === 'string') {
        if (ids === doc._id) this.#entries.delete(key);
        continue;
      }
      ids.delete(doc._id);
      if (ids.size === 1) this.#entries.set(key, ids.values().next().value!);
    }
  }

  /** Decodes a key back into field values, for error messages. */
  describe(key: string): Record<string, unknown> {
    const values = JSON.parse(key) as unknown[];
    return Object.fromEntries(this.fields.map((field, i) => [field, values[i] ?? null]));
  }
}

/** MongoDB indexes a missing field as null, so undefined and null share a key. */
function keyString(values: unknown[]): string {
  return JSON.stringify(values.map((v) => (v === undefined ? null : v)));
}
