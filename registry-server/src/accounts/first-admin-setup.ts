// The first admin of a running node (ADR 0032). A node that starts with no admin makes a setup
// link (random token, one hour, single use) and logs it for the operator, who opens it and
// creates the admin account on the web: no need to stop the node for the command line. The link
// is refused once used, once expired, and as soon as the node has an admin, however it was made.
import { logger } from '../config/logging.ts';
import { ActionError } from './action-error.ts';
import type { Account, AccountRepository } from './account-repository.ts';
import type { AccountService } from './account-service.ts';
import type { AuditLog } from './audit-log-repository.ts';
import { isEmail, normaliseEmail } from './email-address.ts';
import { passwordProblem } from './password-hashing.ts';
import { newToken, tokenHash } from './secret-tokens.ts';
import type { SetupLinkRepository } from './setup-link-repository.ts';

const log = logger('accounts', 'first-admin');

/** How long the logged link works: long enough to open it, short enough that an old log is harmless. */
export const SETUP_LINK_MINUTES = 60;
/** newToken() gives 43 characters; anything much longer is not one of ours. */
const MAX_TOKEN_LENGTH = 200;

export interface FirstAdminSetupDependencies {
  links: SetupLinkRepository;
  accounts: AccountRepository;
  accountService: AccountService;
  audit: AuditLog;
  publicUrl: URL;
  now: () => Date;
}

export class FirstAdminSetup {
  readonly #deps: FirstAdminSetupDependencies;

  constructor(deps: FirstAdminSetupDependencies) {
    this.#deps = deps;
  }

  /**
   * At start: when the node has no admin, a new setup link (earlier ones stop working), logged
   * for the operator; null when there is an admin already.
   */
  async offerAtStart(): Promise<string | null> {
    if ((await this.#deps.accounts.countAdmins()) > 0) return null;
    const token = newToken();
    const now = this.#deps.now();
    const expiresAt = new Date(now.getTime() + SETUP_LINK_MINUTES * 60_000).toISOString();
    await this.#deps.links.replaceAll({ _id: tokenHash(token), createdAt: now.toISOString(), expiresAt });
    const url = new URL(`/setup/${token}`, this.#deps.publicUrl).href;
    // The operator reads the node's log; the link is the one secret it ever logs, and it is
    // worthless once an admin exists or after the hour.
    log.warning('This node has no admin yet. Open {url} before {expiresAt} to create the first admin account (the link works once).', {
      url,
      expiresAt,
    });
    return url;
  }

  async isUsable(token: string): Promise<boolean> {
    if (!plausible(token)) return false;
    if ((await this.#deps.accounts.countAdmins()) > 0) return false;
    return this.#deps.links.usable(tokenHash(token), this.#deps.now().toISOString());
  }

  /** Creates the first admin with the link; what can be refused without using it up is refused first. */
  async createFirstAdmin(token: string, email: string, password: string): Promise<Account> {
    if (!isEmail(normaliseEmail(email)))
      throw new ActionError('INVALID_EMAIL', `"${email}" is not an e-mail address.`, {
        fields: [{ field: 'email', code: 'INVALID_EMAIL', message: 'is not an e-mail address.' }],
      });
    const problem = passwordProblem(password);
    if (problem)
      throw new ActionError('WEAK_PASSWORD', `The password ${problem}`, {
        fields: [{ field: 'password', code: 'WEAK_PASSWORD', message: problem }],
      });
    const now = this.#deps.now().toISOString();
    const id = plausible(token) ? tokenHash(token) : null;
    // Claimed atomically: of simultaneous uses, only one goes on.
    const claimed = id ? await this.#deps.links.claim(id, now) : null;
    if (!claimed) throw linkInvalid();
    if ((await this.#deps.accounts.countAdmins()) > 0) {
      await this.#deps.links.useAll(now);
      throw linkInvalid();
    }
    let account: Account;
    try {
      account = await this.#deps.accountService.createAccount({ email, password, role: 'admin', initiatives: [], createdBy: null });
    } catch (error) {
      // Its address taken, say: the link still works for another try.
      await this.#deps.links.release(id!);
      throw error;
    }
    await this.#deps.links.useAll(now);
    await this.#deps.audit.record({
      accountId: account._id,
      role: 'admin',
      action: 'account.createFirstAdmin',
      target: `account:${account._id}`,
    });
    log.warning('First admin account {accountId} created with the setup link', { accountId: account._id });
    return account;
  }
}

function plausible(token: string): boolean {
  return token.length > 0 && token.length <= MAX_TOKEN_LENGTH;
}

function linkInvalid(): ActionError {
  return new ActionError(
    'LINK_INVALID',
    'This setup link no longer works: it works once, for one hour, and only while the node has no admin. Sign in if you are the admin; otherwise restart the node to have a new link logged.',
  );
}
