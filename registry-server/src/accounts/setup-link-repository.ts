// Stored first-admin setup links (first-admin-setup.ts), keyed by the SHA-256 hash of their
// token: a copy of the database cannot be used to make an admin.
import type { Collection, Doc, Store } from '../store/store.ts';

export type SetupLink = Doc & {
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
};

export class SetupLinkRepository {
  readonly #links: Collection<SetupLink>;

  constructor(store: Store) {
    this.#links = store.collection<SetupLink>('setupLinks');
  }

  /** Forgets every earlier link: only the one logged at the latest start works. */
  async replaceAll(link: SetupLink): Promise<void> {
    await this.#links.deleteMany({});
    await this.#links.insertOne(link);
  }

  async usable(id: string, now: string): Promise<boolean> {
    return (await this.#links.countDocuments({ _id: id, usedAt: { $exists: false }, expiresAt: { $gt: now } })) > 0;
  }

  /** Marks an unused, unexpired link used, atomically; null when it was not usable. */
  claim(id: string, now: string): Promise<SetupLink | null> {
    return this.#links.findOneAndUpdate({ _id: id, usedAt: { $exists: false }, expiresAt: { $gt: now } }, { $set: { usedAt: now } });
  }

  /** Gives a claimed link back, when the account could not be made (its address taken …). */
  async release(id: string): Promise<void> {
    await this.#links.updateOne({ _id: id }, { $unset: { usedAt: '' } });
  }

  /** Ends every link (an admin exists now). */
  async useAll(now: string): Promise<void> {
    await this.#links.updateMany({ usedAt: { $exists: false } }, { $set: { usedAt: now } });
  }
}
