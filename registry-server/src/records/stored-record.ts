// What the store holds around a record: identity, provenance, publication state, version and
// timestamps, plus fields derived at write time for filtering and sorting. Storage shapes stay
// here and in the repositories; GraphQL sees records only through mappers.
import type { Doc } from '../store/store.ts';

/** Where a stored record comes from. Received records (federation) arrive with issue 4. */
export type Origin = { kind: 'local' } | { kind: 'remote'; node: string; objectId: string; url: string; receivedAt: string; remoteUpdatedAt: string };

export type PublicationState = 'draft' | 'in-review' | 'published' | 'unpublished';

export interface StoredMeta {
  /** Version of the stored document's shape, for migrations (see store/schema-migrations.ts). */
  schemaVersion: number;
  /** Incremented on every change; an update based on an older version is refused. */
  version: number;
  createdAt: string;
  updatedAt: string;
  origin: Origin;
  publication: { state: PublicationState };
}

export type StoredRecord<R, D> = Doc & { record: R; derived: D } & StoredMeta;

/** Sort key of a name: lower case without accents, so "Atemos" < "Édition" < "Sirius". */
export function sortKey(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}
