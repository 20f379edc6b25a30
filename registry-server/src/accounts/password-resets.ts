// Forgotten passwords. With SMTP, a person asks for a link by e-mail address; without it, the
// node's admin makes the link on the web and passes it on (as with invitation links). Either
// way the link works once, for an hour, only its SHA-256 hash is stored, and setting the new
// password ends every session of the account. Asking never tells whether an address has an
// account: the answer, the limits and the time taken are the same (ADR 0025).
import { logger } from '../config/logging.ts';
import type { SendMail } from '../mail/mailer.ts';
import { mailLanguage, mailText } from '../notifications/notice-mail-texts.ts';
import type { AccountRepository } from './account-repository.ts';
import type { Actor } from './actor.ts';
import { ActionError } from './action-error.ts';
import { addressBucket } from './address-bucket.ts';
import type { AuditLog } from './audit-log-repository.ts';
import { authorize } from './authorization.ts';
import { isEmail, normaliseEmail } from './email-address.ts';
import { hashPassword, passwordProblem } from './password-hashing.ts';
import type { PasswordResetRepository } from './password-reset-repository.ts';
import type { Limit, RateLimiter } from './rate-limiter.ts';
import { newToken, tokenHash } from './secret-tokens.ts';
import type { SessionService } from './session-service.ts';

const log = logger('accounts', 'password-reset');

/** A link works this long after it is made. */
export const PASSWORD_RESET_MINUTES = 60;
const TOKEN_LENGTH = 43;

/**
 * Requests per hour: per address asked for (whoever asks; so nobody can flood one person's
 * mailbox) and per client address (so nobody can use the node to mail many people). Attempts
 * to set a new password, per client address in 15 minutes: tokens cannot be guessed, this only
 * keeps anyone from trying.
 */
export const PASSWORD_RESET_LIMITS = {
  perEmail: { max: 3, windowMs: 60 * 60_000 } satisfies Limit,
  perClient: { max: 10, windowMs: 60 * 60_000 } satisfies Limit,
  setPerClient: { max: 20, windowMs: 15 * 60_000 } satisfies Limit,
};

export interface PasswordResetDependencies {
  links: PasswordResetRepository;
  accounts: AccountRepository;
  sessions: SessionService;
  limiter: RateLimiter;
  audit: AuditLog;
  publicUrl: URL;
  now: () => Date;
  /** The node's own language, for e-mails when the person's is not known. */
  nodeLanguage: () => Promise<string | null>;
  sendMail?: SendMail;
}

const INVALID_LINK =
  "This password reset link is not valid: it works once, for one hour. Ask for a new one on the sign-in page, or ask the node's admin.";

export class PasswordResets {
  readonly #deps: PasswordResetDependencies;

  constructor(deps: PasswordResetDependencies) {
    this.#deps = deps;
  }

  ensureIndexes(): Promise<void> {
    return this.#deps.links.ensureIndexes();
  }

  /** Whether people can ask for a link by e-mail (the node has SMTP); otherwise the admin makes it. */
  get byEmail(): boolean {
    return Boolean(this.#deps.sendMail);
  }

  /**
   * E-mails a link to the account with this address, if there is one that is enabled. The same
   * answer either way; the e-mail is sent after answering, so the time taken tells nothing either.
   */
  async request(input: { email: string; address: string; language: string | null }): Promise<void> {
    const sendMail = this.#deps.sendMail;
    if (!sendMail) throw new ActionError('INVALID_STATE', "This node sends no e-mail: ask the node's admin for a password reset link.");
    const email = normaliseEmail(input.email);
    if (!isEmail(email))
      throw new ActionError('INVALID_EMAIL', 'Write the e-mail address you sign in with, like name@example.org.', {
        fields: [{ field: 'email', code: 'INVALID_EMAIL', message: 'must be an e-mail address, like name@example.org.' }],
      });
    await this.#claim(`password-reset:client:${addressBucket(input.address)}`, PASSWORD_RESET_LIMITS.perClient);
    // Keyed by a hash: the limiter's store never holds the address asked for.
    await this.#claim(`password-reset:email:${tokenHash(email)}`, PASSWORD_RESET_LIMITS.perEmail);
    // Looked up and mailed after answering: the answer takes the same time whether or not the
    // address has an account.
    void this.#mailLink(email, input.language, sendMail).catch((error: unknown) =>
      log.warning('Could not e-mail a password reset link: {error}', { error: (error as Error).message }),
    );
  }

  async #mailLink(email: string, requestLanguage: string | null, sendMail: SendMail): Promise<void> {
    const account = await this.#deps.accounts.findByEmail(email);
    if (!account || account.disabledAt) {
      log.info('A password reset was asked for an address without an enabled account');
      return;
    }
    const token = await this.#create(account._id, 'email');
    const language = mailLanguage([requestLanguage, account.language, await this.#deps.nodeLanguage()]);
    const { subject, text } = mailText(language, 'reset', { link: this.#url(token) });
    await sendMail(account.email, subject, text);
    log.info('Password reset link e-mailed to account {accountId}', { accountId: account._id });
  }

  /** An admin makes a link for an account, shown once, to pass on to its owner. Audited. */
  async makeLink(actor: Actor, accountId: string): Promise<{ url: string; expiresAt: string }> {
    authorize(actor, { do: 'account.resetPassword' });
    if (actor.kind !== 'account') throw new Error('unreachable');
    const account = await this.#deps.accounts.findById(accountId);
    if (!account) throw new ActionError('NOT_FOUND', `No account has the id "${accountId}"; see \`accounts\`.`);
    if (account.disabledAt) throw new ActionError('INVALID_STATE', 'This account is disabled: re-enable it first, then make the link.');
    const token = await this.#create(account._id, actor.accountId);
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'account.passwordResetLink',
      target: `account:${account._id}`,
    });
    log.info('Account {accountId} made a password reset link for account {target}', { accountId: actor.accountId, target: account._id });
    return { url: this.#url(token), expiresAt: new Date(this.#deps.now().getTime() + PASSWORD_RESET_MINUTES * 60_000).toISOString() };
  }

  /** Whether a link can still be used (the page shows its form, or says to ask again). */
  async isUsable(token: string): Promise<boolean> {
    if (token.length !== TOKEN_LENGTH) return false;
    return this.#deps.links.usable(tokenHash(token), this.#deps.now().toISOString());
  }

  /** Sets a new password with a link, which is then used up; every session of the account ends. */
  async reset(input: { token: string; newPassword: string; address: string }): Promise<void> {
    await this.#claim(`password-reset:set:${addressBucket(input.address)}`, PASSWORD_RESET_LIMITS.setPerClient);
    // A weak password is said before the link is used up, so the person can try again with it.
    if (!(await this.isUsable(input.token))) throw new ActionError('LINK_INVALID', INVALID_LINK);
    const problem = passwordProblem(input.newPassword);
    if (problem)
      throw new ActionError('WEAK_PASSWORD', `The new password ${problem}`, {
        fields: [{ field: 'newPassword', code: 'WEAK_PASSWORD', message: problem }],
      });
    const now = this.#deps.now().toISOString();
    // Used up atomically: of two uses at once, one wins.
    const link = await this.#deps.links.use(tokenHash(input.token), now);
    const account = link ? await this.#deps.accounts.findById(link.accountId) : null;
    if (!link || !account || account.disabledAt) throw new ActionError('LINK_INVALID', INVALID_LINK);
    await this.#deps.accounts.setPassword(account._id, await hashPassword(input.newPassword), now);
    await this.#deps.links.useAllOf(account._id, now);
    const ended = await this.#deps.sessions.revokeOthers(account._id, null);
    await this.#deps.audit.record({
      accountId: account._id,
      role: account.role,
      action: 'account.passwordReset',
      target: `account:${account._id}`,
      details: { linkMadeBy: link.madeBy === 'email' ? 'email' : `account:${link.madeBy}`, sessionsEnded: ended },
    });
    log.info('Account {accountId} set a new password with a reset link; {ended} session(s) ended', { accountId: account._id, ended });
  }

  async #create(accountId: string, madeBy: string): Promise<string> {
    const now = this.#deps.now();
    await this.#deps.links.deleteExpired(now.toISOString());
    const token = newToken();
    await this.#deps.links.insert({
      _id: tokenHash(token),
      accountId,
      madeBy,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000).toISOString(),
    });
    return token;
  }

  #url(token: string): string {
    return new URL(`/sign-in/reset/${token}`, this.#deps.publicUrl).href;
  }

  async #claim(key: string, limit: Limit): Promise<void> {
    const claim = await this.#deps.limiter.claim(key, limit);
    if (!claim.allowed) {
      const minutes = Math.ceil(claim.retryAfterSeconds / 60);
      throw new ActionError('RATE_LIMITED', `Too many password reset attempts. Try again in ${minutes} minute(s).`, {
        retryAfterSeconds: claim.retryAfterSeconds,
      });
    }
  }
}
