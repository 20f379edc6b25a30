// Trusted devices ("device cookies", OWASP's answer to lock-out attacks; docs/adr/0011): a
// successful sign-in gives the browser or API client a random token bound to the account. Later
// attempts that present it are limited by the device's own counter, not by the per-account
// counter every unknown client shares, so a flood of wrong guesses from elsewhere never locks
// the owner out of a phone or browser they signed in from before. Only SHA-256 hashes of the
// tokens are stored, like sessions: a copy of the database holds no usable token.
import { newToken, tokenHash } from './secret-tokens.ts';
import type { TrustedDeviceRepository } from './trusted-device-repository.ts';

/** A device stays trusted this long after its last successful sign-in. */
export const TRUSTED_DEVICE_DAYS = 365;
/** The most devices one account keeps; the least recently used go first. */
export const MAX_DEVICES_PER_ACCOUNT = 20;
/** newToken() is 32 random bytes in base64url. */
const TOKEN_LENGTH = 43;

export class TrustedDevices {
  readonly #devices: TrustedDeviceRepository;
  readonly #now: () => Date;

  constructor(devices: TrustedDeviceRepository, now: () => Date) {
    this.#devices = devices;
    this.#now = now;
  }

  ensureIndexes(): Promise<void> {
    return this.#devices.ensureIndexes();
  }

  /**
   * The device's id when `token` is a live device token of this account, else null. Looks the
   * token up even without an account, so the time taken does not tell whether one exists.
   */
  async check(token: string | null | undefined, accountId: string | null): Promise<string | null> {
    if (typeof token !== 'string' || token.length !== TOKEN_LENGTH) return null;
    const device = await this.#devices.findById(tokenHash(token));
    if (!device || accountId === null || device.accountId !== accountId || device.expiresAt <= this.#now().toISOString()) return null;
    return device._id;
  }

  /** After a successful sign-in: keeps a presented device trusted for another year, or trusts a new one. */
  async trust(accountId: string, presented: string | null): Promise<{ token: string; expiresAt: string }> {
    const now = this.#now();
    const expiresAt = new Date(now.getTime() + TRUSTED_DEVICE_DAYS * 86_400_000).toISOString();
    if (presented && (await this.#devices.touch(tokenHash(presented), accountId, now.toISOString(), expiresAt))) {
      return { token: presented, expiresAt };
    }
    const token = newToken();
    await this.#devices.insert({
      _id: tokenHash(token),
      accountId,
      createdAt: now.toISOString(),
      lastUsedAt: now.toISOString(),
      expiresAt,
    });
    await this.#devices.prune(accountId, this.#now().toISOString(), MAX_DEVICES_PER_ACCOUNT);
    return { token, expiresAt };
  }

  /** Forgets every device of an account (its password was reset by the operator). */
  revokeAll(accountId: string): Promise<number> {
    return this.#devices.deleteAllOf(accountId);
  }
}
