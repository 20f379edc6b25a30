// JSON text with object keys sorted at every level. The KV store keeps values in this form so
// that compare-and-swap can compare two values as plain strings, on both store adapters, whatever
// order the caller built the object's keys in (PostgreSQL's jsonb, which Fedify's own Postgres
// store uses, reorders keys the same way).

/** The canonical JSON text of a value; throws a TypeError for values JSON cannot represent. */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const object = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));
  });
  // JSON.stringify returns undefined for undefined, functions and symbols: Fedify only stores JSON.
  if (text === undefined) throw new TypeError(`Fedify KV values must be JSON-serializable (got ${typeof value}).`);
  return text;
}
