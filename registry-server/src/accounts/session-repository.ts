// Stored sessions, keyed by the SHA-256 hash of their token (session-service.ts).
import type { Collection, Doc, Store } from '../store/store.ts';

export type Session = Doc & {
  accountId: string;
  via: 'cookie' | 'bearer';
  csrfToken: string | null;
  createdAt: string;
  expiresAt: string;
};

export class SessionRepository {
  readonly #sessions: Collection<Session>;

  constructor(store: Store) {
    this.#sessions = store.collection<Session>('sessions');
  }

  async ensureIndexes(): Promise<void> {
    await this.#sessions.createIndex({ accountId: 1 });
  }

  async insert(session: Session): Promise<void> {
    await this.#sessions.insertOne(session);
  }

  findById(id: string): Promise<Session | null> {
    return this.#sessions.findOne({ _id: id });
  }

  async delete(id: string): Promise<void> {
    await this.#sessions.deleteOne({ _id: id });
  }

  /** Deletes every session of the account but `keepId` (all when null); how many went. */
  deleteAllOf(accountId: string, keepId: string | null): Promise<number> {
    return this.#sessions.deleteMany(keepId ? { accountId, _id: { $ne: keepId } } : { accountId });
  }
}
