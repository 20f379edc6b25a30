// Which top-level fields of a record differ, with their values before and after.

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** JSON with sorted keys, so equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export function diffRecords(before: object, after: object): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields.filter((f) => canonicalJson(b[f]) !== canonicalJson(a[f])).map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}
