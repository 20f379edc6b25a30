// Sessions: a random token given to the client once (an httpOnly cookie for the web, a bearer
// token for API clients), stored only as its hash. Cookie sessions also carry a CSRF token that
// every cookie-authenticated write must echo in a header.
import type { Actor } from './actor.ts';
import type { AccountRepository } from './account-repository.ts';
import { newToken, tokenHash } from './secret-tokens.ts';
import type { Session, SessionRepository } from './session-repository.ts';

export type { Session } from './session-repository.ts';

export const SESSION_DAYS = 14;

export class SessionService {
  readonly #sessions: SessionRepository;
  readonly #accounts: AccountRepository;
  readonly #now: () => Date;

  constructor(sessions: SessionRepository, accounts: AccountRepository, now: () => Date) {
    this.#sessions = sessions;
    this.#accounts = accounts;
    this.#now = now;
  }

  ensureIndexes(): Promise<void> {
    return this.#sessions.ensureIndexes();
  }

  async create(accountId: string, via: 'cookie' | 'bearer'): Promise<{ token: string; session: Session }> {
    const token = newToken();
    const now = this.#now();
    const session: Session = {
      _id: tokenHash(token),
      accountId,
      via,
      csrfToken: via === 'cookie' ? newToken() : null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    };
    await this.#sessions.insert(session);
    return { token, session };
  }

  /** The actor for a presented token, or null when it is unknown, expired or its account disabled. */
  async resolve(token: string, via: 'cookie' | 'bearer'): Promise<{ actor: Extract<Actor, { kind: 'account' }>; session: Session } | null> {
    if (token.length < 20 || token.length > 200) return null;
    const session = await this.#sessions.findById(tokenHash(token));
    if (!session || session.via !== via || session.expiresAt <= this.#now().toISOString()) return null;
    const account = await this.#accounts.findById(session.accountId);
    if (!account || account.disabledAt) return null;
    return {
      actor: {
        kind: 'account',
        accountId: account._id,
        role: account.role,
        initiatives: account.initiatives,
        editorSince: account.editorSince ?? {},
        sessionId: session._id,
        via,
      },
      session,
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.#sessions.delete(sessionId);
  }

  /** Ends every other session of an account (after a password change). */
  async revokeOthers(accountId: string, keepSessionId: string | null): Promise<number> {
    return this.#sessions.deleteAllOf(accountId, keepSessionId);
  }

  async csrfTokenOf(sessionId: string): Promise<string | null> {
    return (await this.#sessions.findById(sessionId))?.csrfToken ?? null;
  }
}
