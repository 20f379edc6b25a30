// The embedded store's memory plan for the registry's collections (see
// embedded/resident-plan.ts): which fields of a document stay in memory. Listings are the only
// collections that grow large (100,000 in the search benchmark), so only they have a plan; every
// other collection keeps whole documents. MongoDB ignores this file.
//
// A listed field is one that queries filter or sort on (record-repository.ts, the GraphQL
// loaders, the editorial and federation code, search reconciliation, migrations). A query on
// any other field still gives the right answer, reading whole documents from the file; add the
// field here if such a query becomes frequent.

/** Stored-record fields that queries filter and sort on (StoredRecord in records/stored-record.ts). */
export const RECORD_QUERY_FIELDS: readonly string[] = [
  'version',
  'schemaVersion',
  'createdAt',
  'updatedAt',
  'origin.kind',
  'origin.node',
  'publication.state',
  'announce',
  'synthetic',
  'derived',
  'record.node',
  'record.handle',
  'record.status',
  'record.practiceType',
  'record.partOf',
  'record.initiatives',
  'record.location.country',
  // Likely duplicates are looked up by website (duplicates/duplicate-finder.ts, ADR 0052).
  'record.website',
  // Matching loads the initiatives that declare these at start (market/matching/declared-facts.ts).
  'record.eligibility',
  'record.deliveryArea',
];

const PLANS: Record<string, readonly string[]> = {
  initiatives: RECORD_QUERY_FIELDS,
  goodPractices: RECORD_QUERY_FIELDS,
};

export function residentFieldsOf(collection: string): readonly string[] | null {
  return PLANS[collection] ?? null;
}
