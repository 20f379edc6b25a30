// Trusted devices ("device cookies", OWASP's answer to lock-out attacks; docs/adr/0011): a
// successful sign-in gives the browser or API client a random token bound to the account. Later
// attempts that present it are limited by the device's own counter, not by the per-account
// counter every unknown client shares, so a flood of wrong guesses from elsewhere never locks
// the owner out of a phone or browser they signed in from before. Only SHA-256 hashes of the
// tokens are stored, like sessions: a copy of the database holds no usable token.
import type { Collection, Doc, Store } from '../store/store.ts';
import { newToken, tokenHash } from './secret-tokens.ts';

export type TrustedDevice = Doc & {
  accountId: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
};

/** A device stays trusted this long after its last successful sign-in. */
export const TRUSTED_DEVICE_DAYS = 365;
/** The most devices one account keeps; the least recently used go first. */
export const MAX_DEVICES_PER_ACCOUNT = 20;
/** newToken() is 32 random bytes in base64url. */
const TOKEN_LENGTH = 43;

export class TrustedDevices {
  readonly #devices: Collection<TrustedDevice>;
  readonly #now: () => Date;

  constructor(store: Store, now: () => Date) {
    this.#devices = store.collection<TrustedDevice>('trustedDevices');
    this.#now = now;
  }

  async ensureIndexes(): Promise<void> {
    await this.#devices.createIndex({ accountId: 1, lastUsedAt: 1 });
  }

  /**
   * The device's id when `token` is a live device token of this account, else null. Looks the
   * token up even without an account, so the time taken does not tell whether one exists.
   */
  async check(token: string | null | undefined, accountId: string | null): Promise<string | null> {
    if (typeof token !== 'string' || token.length !== TOKEN_LENGTH) return null;
    const device = await this.#devices.findOne({ _id: tokenHash(token) });
    if (!device || accountId === null || device.accountId !== accountId || device.expiresAt <= this.#now().toISOString()) return null;
    return device._id;
  }

  /** After a successful sign-in: keeps a presented device trusted for another year, or trusts a new one. */
  async trust(accountId: string, presented: string | null): Promise<{ token: string; expiresAt: string }> {
    const now = this.#now();
    const expiresAt = new Date(now.getTime() + TRUSTED_DEVICE_DAYS * 86_400_000).toISOString();
    if (presented && (await this.#devices.updateOne({ _id: tokenHash(presented), accountId }, { $set: { lastUsedAt: now.toISOString(), expiresAt } })).matchedCount === 1) {
      return { token: presented, expiresAt };
    }
    const token = newToken();
    await this.#devices.insertOne({ _id: tokenHash(token), accountId, createdAt: now.toISOString(), lastUsedAt: now.toISOString(), expiresAt });
    await this.#forgetOldest(accountId);
    return { token, expiresAt };
  }

  /** Forgets every device of an account (its password was reset by the operator). */
  revokeAll(accountId: string): Promise<number> {
    return this.#devices.deleteMany({ accountId });
  }

  async #forgetOldest(accountId: string): Promise<void> {
    await this.#devices.deleteMany({ accountId, expiresAt: { $lte: this.#now().toISOString() } });
    const devices = await this.#devices.find({ accountId }, { sort: { lastUsedAt: -1, _id: 1 }, skip: MAX_DEVICES_PER_ACCOUNT, projection: { _id: 1 } });
    if (devices.length) await this.#devices.deleteMany({ _id: { $in: devices.map((d) => d._id) } });
  }
}
