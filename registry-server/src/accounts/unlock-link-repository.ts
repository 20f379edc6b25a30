// Stored unlock links, keyed by the SHA-256 hash of their token (unlock-links.ts).
import type { Collection, Doc, Store } from '../store/store.ts';

export type UnlockLink = Doc & { accountId: string; createdAt: string; expiresAt: string; usedAt?: string };

export class UnlockLinkRepository {
  readonly #links: Collection<UnlockLink>;

  constructor(store: Store) {
    this.#links = store.collection<UnlockLink>('unlockLinks');
  }

  async ensureIndexes(): Promise<void> {
    await this.#links.createIndex({ expiresAt: 1 });
  }

  async deleteExpired(now: string): Promise<void> {
    await this.#links.deleteMany({ expiresAt: { $lte: now } });
  }

  async insert(link: UnlockLink): Promise<void> {
    await this.#links.insertOne(link);
  }

  /** Marks an unused, unexpired link used, atomically; the link, or null when it was not usable. */
  use(id: string, now: string): Promise<UnlockLink | null> {
    return this.#links.findOneAndUpdate({ _id: id, usedAt: { $exists: false }, expiresAt: { $gt: now } }, { $set: { usedAt: now } });
  }
}
