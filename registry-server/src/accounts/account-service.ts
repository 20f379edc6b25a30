// Signing in and out, changing passwords, and creating the first admin. Sign-in is limited per
// account, per client address and per trusted device (docs/adr/0011); failures never say
// whether the e-mail has an account.
import { logger } from '../config/logging.ts';
import type { Actor } from './actor.ts';
import { ActionError } from './action-error.ts';
import { AccountRepository, editorSinceFor, type Account } from './account-repository.ts';
import { isEmail, normaliseEmail } from './email-address.ts';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password-hashing.ts';
import { addressBucket } from './address-bucket.ts';
import type { Claim, Limit, RateLimiter } from './rate-limiter.ts';
import { tokenHash } from './secret-tokens.ts';
import type { SessionService } from './session-service.ts';
import type { TrustedDevices } from './trusted-devices.ts';
import type { UnlockLinks } from './unlock-links.ts';
import type { SendMail } from '../mail/mailer.ts';

const log = logger('accounts');

/**
 * Attempts allowed in 15 minutes: per account from clients it has not trusted yet (shared by
 * all of them), per client address, and per trusted device. A successful attempt gives its
 * claims back, so only failures (and attempts still being checked) use them up.
 */
export const SIGN_IN_LIMITS = {
  perAccount: { max: 5, windowMs: 15 * 60_000 } satisfies Limit,
  perAddress: { max: 30, windowMs: 15 * 60_000 } satisfies Limit,
  perDevice: { max: 5, windowMs: 15 * 60_000 } satisfies Limit,
};

/** Wrong current passwords allowed per account in 15 minutes when changing the password. */
export const PASSWORD_CHANGE_LIMIT: Limit = { max: 5, windowMs: 15 * 60_000 };

/** Longer passwords are cut here before hashing; no real password is this long. */
const MAX_CHECKED_PASSWORD = 1024;

export interface SignInInput {
  email: string;
  password: string;
  via: 'cookie' | 'bearer';
  /** The client's address, for the per-address limit. */
  address: string;
  /** The device token from an earlier sign-in on this device, if the client kept one. */
  deviceToken?: string | null;
}

export interface SignedIn {
  token: string;
  csrfToken: string | null;
  account: Account;
  expiresAt: string;
  /** The device's token: to keep (a cookie, or the API client's storage) and present next time. */
  device: { token: string; expiresAt: string };
}

export interface AccountServiceDependencies {
  accounts: AccountRepository;
  sessions: SessionService;
  limiter: RateLimiter;
  trustedDevices: TrustedDevices;
  now: () => Date;
  /** The password check; a seam so tests can count how many passwords were hashed. */
  verifyPassword?: (password: string, stored: string) => Promise<boolean>;
  /** The e-mailed one-time links that make a device trusted. */
  unlockLinks: UnlockLinks;
  /** With SMTP: e-mail the owner of a locked account such a link. */
  unlockMail?: { publicUrl: URL; sendMail: SendMail };
}

/** At most one unlock e-mail per account in this time, however long the flood lasts. */
const UNLOCK_MAIL_LIMIT: Limit = { max: 1, windowMs: 15 * 60_000 };

export class AccountService {
  readonly #accounts: AccountRepository;
  readonly #sessions: SessionService;
  readonly #limiter: RateLimiter;
  readonly #devices: TrustedDevices;
  readonly #now: () => Date;
  readonly #verify: (password: string, stored: string) => Promise<boolean>;
  readonly #unlockLinks: UnlockLinks;
  readonly #unlockMail: AccountServiceDependencies['unlockMail'];

  constructor(deps: AccountServiceDependencies) {
    this.#accounts = deps.accounts;
    this.#sessions = deps.sessions;
    this.#limiter = deps.limiter;
    this.#devices = deps.trustedDevices;
    this.#now = deps.now;
    this.#verify = deps.verifyPassword ?? verifyPassword;
    this.#unlockLinks = deps.unlockLinks;
    this.#unlockMail = deps.unlockMail;
  }

  async signIn(input: SignInInput): Promise<SignedIn> {
    const email = normaliseEmail(input.email);
    const password = input.password.slice(0, MAX_CHECKED_PASSWORD);
    // Looking the account up is cheap; the password hash is what the limits protect.
    const account = isEmail(email) ? await this.#accounts.findByEmail(input.email) : null;
    const device = await this.#devices.check(input.deviceToken, account?._id ?? null);
    const claims = await this.#claim(
      account ? `signin:account:${account._id}` : `signin:email:${tokenHash(email)}`,
      input.address,
      device,
      () => {
        // Not awaited: a refusal must take as long for an account as for no account.
        if (account && !account.disabledAt) void this.#offerUnlock(account);
      },
    );

    // Compare against a decoy when there is no account, so both cases take the same time.
    const ok = await this.#verify(password, account?.passwordHash ?? (await decoyHash));
    if (!account || !ok || account.disabledAt || input.password.length > MAX_CHECKED_PASSWORD) {
      log.info('Failed sign-in from {address}', { address: input.address });
      throw new ActionError('INVALID_CREDENTIALS', 'The e-mail address or the password is not right.');
    }
    // A success is not a failure: its claims go back. Earlier failures in the window still count.
    await Promise.all(claims.map((claim) => claim.release()));
    const trusted = await this.#devices.trust(account._id, device ? (input.deviceToken ?? null) : null);
    const { token, session } = await this.#sessions.create(account._id, input.via);
    log.info('Account {accountId} signed in ({via}, {device} device)', {
      accountId: account._id,
      via: input.via,
      device: device ? 'trusted' : 'new',
    });
    return { token, csrfToken: session.csrfToken, account, expiresAt: session.expiresAt, device: trusted };
  }

  /** Lifts the per-account limit of clients the account has not trusted yet (an admin helping its owner). */
  async clearSignInLock(accountId: string): Promise<void> {
    if (!(await this.#accounts.findById(accountId)))
      throw new ActionError('NOT_FOUND', `No account with the id "${accountId}". Take the id from the \`accounts\` list.`);
    await this.#limiter.clear(`signin:account:${accountId}`);
    log.info('Sign-in lock of account {accountId} lifted', { accountId });
  }

  /**
   * Claims this attempt's places, in order, before any password is hashed: a trusted device
   * only its own counter; any other client the per-address counter, then the account's shared
   * one. The first refusal stops there, so it uses up nothing further.
   */
  async #claim(accountKey: string, address: string, device: string | null, onAccountLocked: () => void): Promise<Claim[]> {
    const wanted: Array<[string, Limit]> = device
      ? [[`signin:device:${device}`, SIGN_IN_LIMITS.perDevice]]
      : [
          [`signin:address:${addressBucket(address)}`, SIGN_IN_LIMITS.perAddress],
          [accountKey, SIGN_IN_LIMITS.perAccount],
        ];
    const claims: Claim[] = [];
    for (const [key, limit] of wanted) {
      const claim = await this.#limiter.claim(key, limit);
      if (!claim.allowed) {
        if (key === accountKey) onAccountLocked();
        const minutes = Math.ceil(claim.retryAfterSeconds / 60);
        throw new ActionError(
          'RATE_LIMITED',
          `Too many sign-in attempts. Try again in ${minutes} minute(s), or sign in from a device you used before; the node's admin can also lift the lock.`,
          { retryAfterSeconds: claim.retryAfterSeconds },
        );
      }
      claims.push(claim);
    }
    return claims;
  }

  /** E-mails the owner of a locked account a link that trusts the device opening it (at most once per lock). */
  async #offerUnlock(account: Account): Promise<void> {
    const mail = this.#unlockMail;
    if (!mail) return;
    try {
      if (!(await this.#limiter.claim(`signin:unlock-mail:${account._id}`, UNLOCK_MAIL_LIMIT)).allowed) return;
      const token = await this.#unlockLinks.create(account._id);
      const url = new URL(`/sign-in/trust/${token}`, mail.publicUrl).href;
      await mail.sendMail(
        account.email,
        'Sign-in to your UMN registry account was paused',
        `Someone tried to sign in to your account with wrong passwords many times, so signing in from new devices is paused for a while.\n\nIf you want to sign in now, open this link on the phone or computer you want to use (it works once, for one hour), then sign in with your password as usual:\n${url}\n\nIf it was not you, you need do nothing: your password was not accepted, and the devices you signed in from before still work.\n`,
      );
      log.info('Unlock link e-mailed to account {accountId}', { accountId: account._id });
    } catch (error) {
      log.warning('Could not offer an unlock link to account {accountId}: {error}', {
        accountId: account._id,
        error: (error as Error).message,
      });
    }
  }

  /** Makes the device opening an e-mailed unlock link a trusted device of its account. */
  async trustDeviceByLink(token: string): Promise<{ token: string; expiresAt: string }> {
    const accountId = await this.#unlockLinks.redeem(token);
    if (!accountId)
      throw new ActionError(
        'LINK_INVALID',
        "This link is not valid: it works once, for one hour. Try to sign in again to be sent a new one, or ask the node's admin.",
      );
    log.info('Account {accountId} trusted a device through an unlock link', { accountId });
    return this.#devices.trust(accountId, null);
  }

  async signOut(actor: Actor): Promise<void> {
    if (actor.kind === 'account') await this.#sessions.revoke(actor.sessionId);
  }

  async changePassword(actor: Extract<Actor, { kind: 'account' }>, currentPassword: string, newPassword: string): Promise<void> {
    // A session left open on a shared computer must not allow endless guesses at the password.
    const claim = await this.#limiter.claim(`password-change:account:${actor.accountId}`, PASSWORD_CHANGE_LIMIT);
    if (!claim.allowed)
      throw new ActionError(
        'RATE_LIMITED',
        `Too many wrong current passwords. Try again in ${Math.ceil(claim.retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds: claim.retryAfterSeconds },
      );
    const account = await this.#accounts.findById(actor.accountId);
    if (!account || !(await this.#verify(currentPassword.slice(0, MAX_CHECKED_PASSWORD), account.passwordHash))) {
      throw new ActionError('INVALID_CREDENTIALS', 'The current password is not right.', {
        fields: [{ field: 'currentPassword', code: 'INVALID_CREDENTIALS', message: 'is not right.' }],
      });
    }
    await claim.release();
    const problem = passwordProblem(newPassword);
    if (problem)
      throw new ActionError('WEAK_PASSWORD', `The new password ${problem}`, {
        fields: [{ field: 'newPassword', code: 'WEAK_PASSWORD', message: problem }],
      });
    await this.#accounts.setPassword(account._id, await hashPassword(newPassword), this.#now().toISOString());
    // Someone who knew the old password must not stay signed in elsewhere.
    await this.#sessions.revokeOthers(account._id, actor.via === 'cli' ? null : actor.sessionId);
    log.info('Account {accountId} changed its password', { accountId: account._id });
  }

  /** Creates an account after checking the e-mail and the password; used by invitations and the CLI. */
  async createAccount(input: {
    email: string;
    password: string;
    role: Account['role'];
    initiatives: string[];
    createdBy: string | null;
  }): Promise<Account> {
    const email = normaliseEmail(input.email);
    if (!isEmail(email))
      throw new ActionError('INVALID_EMAIL', `"${input.email}" is not an e-mail address.`, {
        fields: [{ field: 'email', code: 'INVALID_EMAIL', message: 'is not an e-mail address.' }],
      });
    const problem = passwordProblem(input.password);
    if (problem)
      throw new ActionError('WEAK_PASSWORD', `The password ${problem}`, {
        fields: [{ field: 'password', code: 'WEAK_PASSWORD', message: problem }],
      });
    if (await this.#accounts.findByEmail(email))
      throw new ActionError('EMAIL_TAKEN', 'An account with this e-mail address exists already; sign in instead.', {
        fields: [{ field: 'email', code: 'EMAIL_TAKEN', message: 'has an account already.' }],
      });
    const now = this.#now().toISOString();
    const account = await this.#accounts.create({
      email,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      initiatives: input.initiatives,
      editorSince: editorSinceFor(input.initiatives, now),
      createdAt: now,
      createdBy: input.createdBy,
      passwordChangedAt: now,
    });
    log.info('Account {accountId} created with role {role}', { accountId: account._id, role: account.role });
    return account;
  }
}
