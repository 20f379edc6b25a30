// One canonical JSON text per value: object keys sorted by UTF-16 code units at every level,
// members that are undefined left out, numbers and strings as JSON.stringify writes them. For
// plain JSON this is RFC 8785 (JSON Canonicalization Scheme), which the Object Integrity Proofs
// of outgoing activities sign (federation/fanout/eddsa-jcs-proof.ts). The KV store keeps values in
// this form so that compare-and-swap compares two values as plain strings on both store adapters
// (PostgreSQL's jsonb, which Fedify's own Postgres store uses, reorders keys the same way), and
// record comparisons (editorial/record-diff.ts, received listings) see equal values as equal
// whatever order their keys were built in.

/** The canonical JSON text of a value; a TypeError for what JSON cannot represent (undefined, functions, symbols, NaN, ±Infinity). */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v))
      throw new TypeError('JSON cannot represent a non-finite number; canonical JSON refuses it.');
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const object = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((k) => [k, object[k]]),
    );
  });
  // JSON.stringify returns undefined for undefined, functions and symbols.
  if (text === undefined) throw new TypeError(`Only JSON values have a canonical JSON text (got ${typeof value}).`);
  return text;
}
