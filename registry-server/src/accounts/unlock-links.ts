// One-time links e-mailed to the owner of an account that others have locked (docs/adr/0011).
// Opening one makes that browser (or API client) a trusted device of the account, so its owner
// can sign in despite the lock; the password is still needed, and the lock stays for everyone
// else. Only SHA-256 hashes of the links' tokens are stored.
import { newToken, tokenHash } from './secret-tokens.ts';
import type { UnlockLinkRepository } from './unlock-link-repository.ts';

/** A link works this long after it is sent: about the length of a lock. */
export const UNLOCK_LINK_MINUTES = 60;
const TOKEN_LENGTH = 43;

export class UnlockLinks {
  readonly #links: UnlockLinkRepository;
  readonly #now: () => Date;

  constructor(links: UnlockLinkRepository, now: () => Date) {
    this.#links = links;
    this.#now = now;
  }

  ensureIndexes(): Promise<void> {
    return this.#links.ensureIndexes();
  }

  /** A new link's token for the account (old, expired links are swept away meanwhile). */
  async create(accountId: string): Promise<string> {
    const now = this.#now();
    await this.#links.deleteExpired(now.toISOString());
    const token = newToken();
    await this.#links.insert({
      _id: tokenHash(token),
      accountId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + UNLOCK_LINK_MINUTES * 60_000).toISOString(),
    });
    return token;
  }

  /** Uses a link up, atomically (of two simultaneous uses one wins); the account's id, or null when the link is not valid. */
  async redeem(token: string): Promise<string | null> {
    if (token.length !== TOKEN_LENGTH) return null;
    const now = this.#now().toISOString();
    const link = await this.#links.use(tokenHash(token), now);
    return link?.accountId ?? null;
  }
}
