// The audit log of admin and moderator actions: who (account id), what, on what, when. Private:
// only admins can read it.
import { randomUUID } from 'node:crypto';
import type { Collection, Doc, Store } from '../store/store.ts';

export type AuditEntry = Doc & {
  at: string;
  accountId: string;
  role: string;
  action: string;
  target: string;
  details?: Record<string, unknown>;
};

export class AuditLog {
  readonly #collection: Collection<AuditEntry>;
  readonly #now: () => Date;

  constructor(store: Store, now: () => Date) {
    this.#collection = store.collection<AuditEntry>('auditLog');
    this.#now = now;
  }

  async record(entry: Omit<AuditEntry, '_id' | 'at'>): Promise<void> {
    await this.#collection.insertOne({ ...entry, _id: randomUUID(), at: this.#now().toISOString() });
  }

  list(first: number, before?: string): Promise<AuditEntry[]> {
    return this.#collection.find(before ? { at: { $lt: before } } : {}, { sort: { at: -1, _id: -1 }, limit: first });
  }
}
