// Fast paths of the embedded collection for the commonest operations of the delivery path (the
// queue's claims and leases, the KV store's lookups and sets): filters and updates simple enough
// to apply without compiling a mingo Query or cloning the document (ADR 0008). Each answers only
// where its answer is certain and leaves anything else to mingo, so results never differ.
import type { Doc, Filter, Update } from '../store.ts';

const RANGE_OPERATORS = new Set(['$lt', '$lte', '$gt', '$gte']);
const PLAIN_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names that reach a prototype through plain property access: mingo decides those. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * For a filter of `{ field: string | number | boolean }`, `{ field: { $lt/$lte/$gt/$gte:
 * number } }` and `{ field: { $in: [strings] } }` conditions on fields or dotted paths through
 * plain objects, a test that answers true or false where the
 * answer is certain (the field missing, or of the compared type) and undefined where MongoDB's
 * rules for other values (arrays, null, type brackets) apply; null for any other filter.
 */
export function simpleTest(filter: Filter): ((doc: Doc) => boolean | undefined) | null {
  const fields: string[][] = [];
  const conditions: Array<(value: unknown) => boolean | undefined> = [];
  for (const field in filter) {
    if (!Object.hasOwn(filter, field)) continue;
    const path = field.split('.');
    if (!path.every((part) => PLAIN_FIELD.test(part) && !UNSAFE_KEYS.has(part))) return null;
    const condition = filter[field];
    if (typeof condition === 'string' || typeof condition === 'boolean' || (typeof condition === 'number' && Number.isFinite(condition))) {
      const type = typeof condition;
      conditions.push((value) => (value === undefined ? false : typeof value === type ? value === condition : undefined));
    } else if (isPlainObject(condition) && Object.keys(condition).length === 1 && Array.isArray(condition.$in)) {
      // `$in` of strings only (a page of records by id): certain for a string or a missing value.
      const wanted = condition.$in as unknown[];
      if (!wanted.every((v) => typeof v === 'string')) return null;
      const set = new Set(wanted as string[]);
      conditions.push((value) => (value === undefined ? false : typeof value === 'string' ? set.has(value) : undefined));
    } else if (isPlainObject(condition)) {
      const bounds = Object.entries(condition);
      if (
        bounds.length === 0 ||
        bounds.some(([op, bound]) => !RANGE_OPERATORS.has(op) || typeof bound !== 'number' || !Number.isFinite(bound))
      )
        return null;
      conditions.push((value) => {
        if (value === undefined) return false;
        if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
        for (const [op, bound] of bounds as Array<[string, number]>) {
          if (op === '$lt' ? !(value < bound) : op === '$lte' ? !(value <= bound) : op === '$gt' ? !(value > bound) : !(value >= bound))
            return false;
        }
        return true;
      });
    } else return null;
    fields.push(path);
  }
  return (doc) => {
    for (let i = 0; i < fields.length; i++) {
      const value = valueAt(doc, fields[i]!);
      if (value === UNCERTAIN) return undefined;
      const answer = conditions[i]!(value);
      if (answer !== true) return answer;
    }
    return true;
  };
}

const UNCERTAIN = Symbol('uncertain');

/**
 * The value at a dotted path through plain objects; undefined when a step is missing, null or not
 * an object (MongoDB then sees no value); UNCERTAIN when a step is an array, where MongoDB looks
 * into every element (mingo decides).
 */
function valueAt(doc: Doc, path: readonly string[]): unknown {
  let current: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    if (i > 0) {
      if (current === null || typeof current !== 'object') return undefined;
      if (Array.isArray(current)) return UNCERTAIN;
    }
    current = (current as Record<string, unknown>)[path[i]!];
    if (current === undefined) return undefined;
  }
  return current;
}

/** A JSON primitive as the file stores it (no NaN, no infinities). */
function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** Every element a JSON primitive (a hole in a sparse array is not). */
function primitivesOnly(values: unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (!(i in values) || !isPrimitive(values[i])) return false;
  return true;
}

function samePrimitives(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * `$set` of JSON primitives (or arrays of them) and `$inc` of numbers on top-level fields, the
 * updates of the queue's leases and the KV store, applied without structuredClone and mingo:
 * the updated document (frozen, sharing the untouched fields with `doc`), null when nothing
 * changes, or undefined for any other update (mingo applies it, and reports its errors).
 */
export function simpleUpdate<T extends Doc>(doc: T, update: Update): T | null | undefined {
  const changes: Array<[string, unknown]> = [];
  const seen = new Set<string>();
  for (const operator in update) {
    const fields = (update as Record<string, unknown>)[operator];
    if ((operator !== '$set' && operator !== '$inc') || !isPlainObject(fields)) return undefined;
    for (const field in fields) {
      if (field === '_id' || field === '__proto__' || !PLAIN_FIELD.test(field) || seen.has(field)) return undefined;
      seen.add(field);
      const value = fields[field];
      const current = (doc as Record<string, unknown>)[field];
      if (operator === '$set') {
        if (Array.isArray(value) ? !primitivesOnly(value) : !isPrimitive(value)) return undefined;
        if (current !== undefined && !isPrimitive(current) && !Array.isArray(current)) return undefined;
        if (!samePrimitives(current, value)) changes.push([field, Array.isArray(value) ? Object.freeze([...value]) : value]);
      } else {
        if (typeof value !== 'number' || !Number.isFinite(value) || value === 0) return undefined;
        if (current !== undefined && (typeof current !== 'number' || !Number.isFinite(current))) return undefined;
        const sum = (current ?? 0) + value;
        if (!Number.isFinite(sum)) return undefined;
        changes.push([field, sum === 0 ? 0 : sum]);
      }
    }
  }
  if (changes.length === 0) return null;
  const next: Record<string, unknown> = { ...doc };
  for (const [field, value] of changes) next[field] = value;
  return Object.freeze(next) as T;
}

/**
 * simpleUpdate for an upsert that inserts (a new KV entry): `$setOnInsert` applies like `$set`,
 * unless it names a field `$set` or `$inc` also names (mingo then reports the conflict).
 */
export function simpleUpsert<T extends Doc>(seed: T, operators: Update, setOnInsert: unknown): T | null | undefined {
  if (!setOnInsert) return simpleUpdate(seed, operators);
  if (!isPlainObject(setOnInsert)) return undefined;
  const { $set, $inc } = operators as Record<string, Record<string, unknown> | undefined>;
  if (Object.keys(setOnInsert).some((field) => field in ($set ?? {}) || field in ($inc ?? {}))) return undefined;
  return simpleUpdate(seed, { ...operators, $set: { ...$set, ...setOnInsert } });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
