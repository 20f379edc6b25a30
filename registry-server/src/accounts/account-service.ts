// Signing in and out, changing passwords, and creating the first admin. Sign-in is rate-limited
// per account and per address; failures never say whether the e-mail has an account.
import { logger } from '../config/logging.ts';
import type { Actor } from './actor.ts';
import { ActionError } from './action-error.ts';
import { AccountRepository, editorSinceFor, isEmail, normaliseEmail, type Account } from './account-repository.ts';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password-hashing.ts';
import type { Limit, RateLimiter } from './rate-limiter.ts';
import { tokenHash } from './secret-tokens.ts';
import type { SessionService } from './session-service.ts';

const log = logger('accounts');

/** Failed attempts allowed per account, and attempts per client address, in 15 minutes. */
export const SIGN_IN_LIMITS = { perAccount: { max: 5, windowMs: 15 * 60_000 } satisfies Limit, perAddress: { max: 30, windowMs: 15 * 60_000 } satisfies Limit };

export interface SignedIn {
  token: string;
  csrfToken: string | null;
  account: Account;
  expiresAt: string;
}

export class AccountService {
  readonly #accounts: AccountRepository;
  readonly #sessions: SessionService;
  readonly #limiter: RateLimiter;
  readonly #now: () => Date;

  constructor(accounts: AccountRepository, sessions: SessionService, limiter: RateLimiter, now: () => Date) {
    this.#accounts = accounts;
    this.#sessions = sessions;
    this.#limiter = limiter;
    this.#now = now;
  }

  async signIn(email: string, password: string, via: 'cookie' | 'bearer', address: string): Promise<SignedIn> {
    const accountKey = `signin:account:${tokenHash(normaliseEmail(email))}`;
    const addressKey = `signin:address:${address}`;
    const wait = Math.max(await this.#limiter.retryAfter(accountKey, SIGN_IN_LIMITS.perAccount), await this.#limiter.retryAfter(addressKey, SIGN_IN_LIMITS.perAddress));
    if (wait > 0) throw new ActionError('RATE_LIMITED', `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, { retryAfterSeconds: wait });
    await this.#limiter.hit(addressKey, SIGN_IN_LIMITS.perAddress);

    const account = isEmail(email) && password.length <= 1024 ? await this.#accounts.findByEmail(email) : null;
    // Compare against a decoy when there is no account, so both cases take the same time.
    const ok = await verifyPassword(password.slice(0, 1024), account?.passwordHash ?? (await decoyHash));
    if (!account || !ok || account.disabledAt) {
      await this.#limiter.hit(accountKey, SIGN_IN_LIMITS.perAccount);
      log.info('Failed sign-in from {address}', { address });
      throw new ActionError('INVALID_CREDENTIALS', 'The e-mail address or the password is not right.');
    }
    await this.#limiter.reset(accountKey);
    const { token, session } = await this.#sessions.create(account._id, via);
    log.info('Account {accountId} signed in ({via})', { accountId: account._id, via });
    return { token, csrfToken: session.csrfToken, account, expiresAt: session.expiresAt };
  }

  async signOut(actor: Actor): Promise<void> {
    if (actor.kind === 'account') await this.#sessions.revoke(actor.sessionId);
  }

  async changePassword(actor: Extract<Actor, { kind: 'account' }>, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.#accounts.findById(actor.accountId);
    if (!account || !(await verifyPassword(currentPassword.slice(0, 1024), account.passwordHash))) {
      throw new ActionError('INVALID_CREDENTIALS', 'The current password is not right.', { fields: [{ field: 'currentPassword', code: 'INVALID_CREDENTIALS', message: 'is not right.' }] });
    }
    const problem = passwordProblem(newPassword);
    if (problem) throw new ActionError('WEAK_PASSWORD', `The new password ${problem}`, { fields: [{ field: 'newPassword', code: 'WEAK_PASSWORD', message: problem }] });
    await this.#accounts.collection.updateOne({ _id: account._id }, { $set: { passwordHash: await hashPassword(newPassword), passwordChangedAt: this.#now().toISOString() } });
    // Someone who knew the old password must not stay signed in elsewhere.
    await this.#sessions.revokeOthers(account._id, actor.via === 'cli' ? null : actor.sessionId);
    log.info('Account {accountId} changed its password', { accountId: account._id });
  }

  /** Creates an account after checking the e-mail and the password; used by invitations and the CLI. */
  async createAccount(input: { email: string; password: string; role: Account['role']; initiatives: string[]; createdBy: string | null }): Promise<Account> {
    const email = normaliseEmail(input.email);
    if (!isEmail(email)) throw new ActionError('INVALID_EMAIL', `"${input.email}" is not an e-mail address.`, { fields: [{ field: 'email', code: 'INVALID_EMAIL', message: 'is not an e-mail address.' }] });
    const problem = passwordProblem(input.password);
    if (problem) throw new ActionError('WEAK_PASSWORD', `The password ${problem}`, { fields: [{ field: 'password', code: 'WEAK_PASSWORD', message: problem }] });
    if (await this.#accounts.findByEmail(email)) throw new ActionError('EMAIL_TAKEN', 'An account with this e-mail address exists already; sign in instead.', { fields: [{ field: 'email', code: 'EMAIL_TAKEN', message: 'has an account already.' }] });
    const now = this.#now().toISOString();
    const account = await this.#accounts.create({ email, passwordHash: await hashPassword(input.password), role: input.role, initiatives: input.initiatives, editorSince: editorSinceFor(input.initiatives, now), createdAt: now, createdBy: input.createdBy, passwordChangedAt: now });
    log.info('Account {accountId} created with role {role}', { accountId: account._id, role: account.role });
    return account;
  }
}
