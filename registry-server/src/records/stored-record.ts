// What the store holds around a record: identity, provenance, publication state, version and
// timestamps, plus fields derived at write time for filtering and sorting. Storage shapes stay
// here and in the repositories; GraphQL sees records only through mappers.
import type { Doc } from '../store/store.ts';

/** Where a stored record comes from. Received records (federation) arrive with issue 4. */
export type Origin =
  { kind: 'local' } | { kind: 'remote'; node: string; objectId: string; url: string; receivedAt: string; remoteUpdatedAt: string };

/** Only `published` records are public. `deleted` records stay in history for staff to restore. */
export type PublicationState = 'draft' | 'in-review' | 'published' | 'unpublished' | 'deleted';

/** A moderator's decision the editor sees (the reason of a rejection, or of declining a new listing). */
export interface ReviewNote {
  decision: 'rejected' | 'declined';
  reason: string;
  by: string;
  at: string;
}

/** Changes to a published record that wait for review while the published version stays live. */
export interface PendingChange<R> {
  record: R;
  state: 'draft' | 'in-review';
  updatedAt: string;
  updatedBy: string;
  review?: ReviewNote;
}

export interface StoredMeta {
  /** Version of the stored document's shape, for migrations (see store/schema-migrations.ts). */
  schemaVersion: number;
  /** Incremented on every change; an update based on an older version is refused. */
  version: number;
  createdAt: string;
  updatedAt: string;
  origin: Origin;
  publication: {
    state: PublicationState;
    review?: ReviewNote;
    publishedAt?: string;
    /** The state a deleted record was deleted from. */ deletedFrom?: PublicationState;
  };
}

/**
 * A change partners have still to hear about, written in the same store operation as the change
 * itself (a transactional outbox): federation clears it once the activity is queued, and a node
 * that stopped in between announces it at its next start (federation/fanout/missed-announcements.ts).
 */
export interface PendingAnnouncement {
  type: 'record.published' | 'record.updated' | 'record.unpublished' | 'record.deleted';
  version: number;
}

export type StoredRecord<R, D> = Doc & { record: R; derived: D; pending?: PendingChange<R>; announce?: PendingAnnouncement } & StoredMeta;

/** Sort key of a name: lower case without accents, so "Atemos" < "Édition" < "Sirius". */
export function sortKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
