// Which top-level fields of a record changed meaning, with their whole values before and after:
// what a revision keeps and what a record.updated event names. Whether a field changed is
// decided by compareRecords, value by value, so both always agree.
import type { RecordKindName } from '../events/domain-events.ts';
import { compareRecords } from './record-comparison.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export function diffRecords(before: object, after: object, kind: RecordKindName): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = [...new Set(compareRecords(before, after, kind).map((c) => c.field))].sort();
  return fields.map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}
