// Stored password reset links, keyed by the SHA-256 hash of their token (password-resets.ts).
import type { Collection, Doc, Store } from '../store/store.ts';

export type PasswordResetLink = Doc & {
  accountId: string;
  createdAt: string;
  expiresAt: string;
  /** Who made it: "email" (asked by the person) or the admin account's id. */
  madeBy: string;
  usedAt?: string;
};

export class PasswordResetRepository {
  readonly #links: Collection<PasswordResetLink>;

  constructor(store: Store) {
    this.#links = store.collection<PasswordResetLink>('passwordResetLinks');
  }

  async ensureIndexes(): Promise<void> {
    await this.#links.createIndex({ expiresAt: 1 });
    await this.#links.createIndex({ accountId: 1 });
  }

  async deleteExpired(now: string): Promise<void> {
    await this.#links.deleteMany({ expiresAt: { $lte: now } });
  }

  async insert(link: PasswordResetLink): Promise<void> {
    await this.#links.insertOne(link);
  }

  /** Whether an unused, unexpired link has this hash (the page asks before showing its form). */
  async usable(id: string, now: string): Promise<boolean> {
    return (await this.#links.countDocuments({ _id: id, usedAt: { $exists: false }, expiresAt: { $gt: now } })) > 0;
  }

  /** Marks an unused, unexpired link used, atomically; the link, or null when it was not usable. */
  use(id: string, now: string): Promise<PasswordResetLink | null> {
    return this.#links.findOneAndUpdate({ _id: id, usedAt: { $exists: false }, expiresAt: { $gt: now } }, { $set: { usedAt: now } });
  }

  /** Ends every other link of the account (a new password makes older links pointless). */
  async useAllOf(accountId: string, now: string): Promise<void> {
    await this.#links.updateMany({ accountId, usedAt: { $exists: false } }, { $set: { usedAt: now } });
  }
}
