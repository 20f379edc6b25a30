// Which top-level fields of a record differ, with their values before and after.
import { canonicalJson } from '../json/canonical-json.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A field's value as canonical JSON, so equal values compare equal whatever their key order; undefined for an absent field. */
const comparable = (value: unknown): string | undefined => (value === undefined ? undefined : canonicalJson(value));

export function diffRecords(before: object, after: object): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields
    .filter((f) => comparable(b[f]) !== comparable(a[f]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}
