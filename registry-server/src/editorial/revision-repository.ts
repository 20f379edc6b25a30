// Every change to a record is kept as a revision: who (account id), when, what action, which
// fields with their values before and after, and the whole record as it was after the change,
// so any revision can be shown, compared and restored. Nothing is lost by an edit.
import type { Collection, Doc, Store } from '../store/store.ts';
import type { FieldChange } from './record-diff.ts';

export type RevisionAction = 'create' | 'update' | 'submit' | 'approve' | 'reject' | 'unpublish' | 'delete' | 'restore' | 'decline';

export type Revision = Doc & {
  kind: string;
  recordId: string;
  version: number;
  at: string;
  by: string | null;
  action: RevisionAction;
  changes: FieldChange[];
  /** The working record after this change. */
  snapshot: Record<string, unknown>;
  state: string;
  note?: string;
};

export class RevisionRepository {
  readonly #collection: Collection<Revision>;

  constructor(store: Store) {
    this.#collection = store.collection<Revision>('revisions');
  }

  async ensureIndexes(): Promise<void> {
    await this.#collection.createIndex({ kind: 1, recordId: 1, version: 1 }, { unique: true, name: 'record_version' });
  }

  add(revision: Omit<Revision, '_id'>): Promise<string> {
    return this.#collection.insertOne({ ...revision, _id: `${revision.kind}:${revision.recordId}:${revision.version}` });
  }

  list(kind: string, recordId: string, limit = 100): Promise<Revision[]> {
    return this.#collection.find({ kind, recordId }, { sort: { version: -1 }, limit });
  }

  /** The account that created the record (its `create` revision); null when none is known. */
  async creatorOf(kind: string, recordId: string): Promise<string | null> {
    return (await this.#collection.findOne({ kind, recordId, action: 'create' }))?.by ?? null;
  }

  get(kind: string, recordId: string, version: number): Promise<Revision | null> {
    return this.#collection.findOne({ kind, recordId, version });
  }
}
