// The admin's levers on accounts (ADR 0012, 0032): disable and re-enable an account, change its
// role, give an initiative to an existing account or take one from an editor. Each takes effect
// at once, because every request reads the account again (session-service resolve), and each is
// written to the audit log. The node never loses its last enabled admin.
import { logger } from '../config/logging.ts';
import type { Actor, Role } from './actor.ts';
import { ActionError } from './action-error.ts';
import type { Account, AccountRepository } from './account-repository.ts';
import type { AuditLog } from './audit-log-repository.ts';
import { authorize } from './authorization.ts';
import type { InvitationService } from './invitation-service.ts';
import type { SessionService } from './session-service.ts';
import { roleWithArticle } from './role-names.ts';

const log = logger('accounts', 'administration');

const HANDLE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const ROLES: ReadonlySet<string> = new Set<Role>(['admin', 'moderator', 'editor']);

export interface AccountAdministrationDependencies {
  accounts: AccountRepository;
  sessions: SessionService;
  invitations: InvitationService;
  audit: AuditLog;
  now: () => Date;
  /** True when a local initiative with this handle exists (drafts included). */
  initiativeExists: (handle: string) => Promise<boolean>;
  /** Tells the initiative's other editors (or the admins) that an editor joined; must not throw. */
  announceEditor?: (input: { initiative: string; newAccountId: string; invitedBy: Role }) => Promise<void>;
}

export class AccountAdministration {
  readonly #deps: AccountAdministrationDependencies;

  constructor(deps: AccountAdministrationDependencies) {
    this.#deps = deps;
  }

  /** Disables an account: its sessions end, it cannot sign in, and the links it sent stop working. */
  async disable(actor: Actor, accountId: string): Promise<Account> {
    authorize(actor, { do: 'account.disable' });
    if (actor.kind !== 'account') throw new Error('unreachable');
    const account = await this.#find(accountId);
    if (account._id === actor.accountId)
      throw new ActionError('INVALID_STATE', 'You cannot disable your own account: another admin can, if it must be.');
    if (account.disabledAt) return account;
    const disabled = (await this.#deps.accounts.setDisabled(account._id, this.#deps.now().toISOString()))!;
    // Checked after the write, so two admins disabling each other at once cannot both succeed.
    if (account.role === 'admin' && (await this.#deps.accounts.enabledAdmins()).length === 0) {
      await this.#deps.accounts.setDisabled(account._id, null);
      throw lastAdmin('disabling');
    }
    await this.#deps.sessions.revokeOthers(account._id, null);
    // A disabled account's invitations would otherwise keep working for whoever holds them.
    const withdrawn = await this.#deps.invitations.withdrawAllBy(account._id, 'the account that created it has been disabled');
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'account.disable',
      target: `account:${account._id}`,
      details: { withdrawnInvitations: withdrawn },
    });
    log.info('Account {accountId} disabled account {target}', { accountId: actor.accountId, target: account._id });
    return disabled;
  }

  /** Re-enables an account; the invitations withdrawn when it was disabled stay withdrawn. */
  async enable(actor: Actor, accountId: string): Promise<Account> {
    authorize(actor, { do: 'account.enable' });
    if (actor.kind !== 'account') throw new Error('unreachable');
    const account = await this.#find(accountId);
    const enabled = (await this.#deps.accounts.setDisabled(account._id, null))!;
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'account.enable',
      target: `account:${account._id}`,
    });
    log.info('Account {accountId} re-enabled account {target}', { accountId: actor.accountId, target: account._id });
    return enabled;
  }

  /** Takes `initiative` from an editor: at their next request they can neither edit it nor read its messages. */
  async removeEditor(actor: Actor, accountId: string, initiative: string): Promise<Account> {
    authorize(actor, { do: 'initiative.removeEditor', initiative });
    if (actor.kind !== 'account') throw new Error('unreachable');
    const account = await this.#find(accountId);
    const updated = HANDLE.test(initiative) ? await this.#deps.accounts.removeEditor(account._id, initiative) : null;
    if (!updated)
      throw new ActionError('NOT_FOUND', `This account is not an editor of "${initiative}"; see its initiatives in \`accounts\`.`);
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'initiative.removeEditor',
      target: `account:${account._id}`,
      details: { initiative },
    });
    log.info('Account {accountId} removed account {target} from initiative {initiative}', {
      accountId: actor.accountId,
      target: account._id,
      initiative,
    });
    return updated;
  }

  /**
   * Changes an account's role. The last enabled admin is never demoted, whoever asks (the admin
   * themselves, the command line): checked before the write, and again after it, so two admins
   * demoting each other at once cannot both succeed.
   */
  async changeRole(actor: Actor, accountId: string, role: Role): Promise<Account> {
    authorize(actor, { do: 'account.changeRole' });
    if (actor.kind !== 'account') throw new Error('unreachable');
    if (!ROLES.has(role))
      throw new ActionError('VALIDATION_FAILED', `"${String(role)}" is not a role: choose admin, moderator or editor.`, {
        fields: [{ field: 'role', code: 'NOT_ALLOWED', message: 'must be ADMIN, MODERATOR or EDITOR.' }],
      });
    const account = await this.#find(accountId);
    if (account.role === role) throw new ActionError('INVALID_STATE', `This account is ${roleWithArticle(role)} already; nothing changed.`);
    const demotesAdmin = account.role === 'admin';
    if (demotesAdmin && !(await this.#otherEnabledAdmin(account._id))) throw lastAdmin('demoting');
    const changed = (await this.#deps.accounts.setRole(account._id, role))!;
    if (demotesAdmin && (await this.#deps.accounts.enabledAdmins()).length === 0) {
      await this.#deps.accounts.setRole(account._id, 'admin');
      throw lastAdmin('demoting');
    }
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'account.changeRole',
      target: `account:${account._id}`,
      details: { from: account.role, to: role },
    });
    log.info('Account {accountId} changed the role of account {target} from {from} to {to}', {
      accountId: actor.accountId,
      target: account._id,
      from: account.role,
      to: role,
    });
    return changed;
  }

  /** Makes an existing account an editor of a local initiative, from now on (it reads only later messages). */
  async addEditor(actor: Actor, accountId: string, initiative: string): Promise<Account> {
    authorize(actor, { do: 'initiative.addEditor', initiative });
    if (actor.kind !== 'account') throw new Error('unreachable');
    const account = await this.#find(accountId);
    if (!HANDLE.test(initiative) || !(await this.#deps.initiativeExists(initiative)))
      throw new ActionError('NOT_FOUND', `No initiative "${initiative}" on this node; take its handle from its page address.`);
    if (account.disabledAt) throw new ActionError('INVALID_STATE', 'This account is disabled: re-enable it first.');
    if (account.initiatives.includes(initiative))
      throw new ActionError('INVALID_STATE', `This account is an editor of "${initiative}" already; nothing changed.`);
    await this.#deps.accounts.addEditor(account._id, initiative, this.#deps.now().toISOString());
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'initiative.addEditor',
      target: `account:${account._id}`,
      details: { initiative },
    });
    log.info('Account {accountId} made account {target} an editor of initiative {initiative}', {
      accountId: actor.accountId,
      target: account._id,
      initiative,
    });
    try {
      await this.#deps.announceEditor?.({ initiative, newAccountId: account._id, invitedBy: actor.role });
    } catch (error) {
      log.error('Could not tell the editors of {initiative} of a new editor: {error}', { initiative, error });
    }
    return (await this.#deps.accounts.findById(account._id))!;
  }

  async #otherEnabledAdmin(accountId: string): Promise<boolean> {
    return (await this.#deps.accounts.enabledAdmins()).some((admin) => admin._id !== accountId);
  }

  async #find(accountId: string): Promise<Account> {
    const account = await this.#deps.accounts.findById(accountId);
    if (!account) throw new ActionError('NOT_FOUND', `No account has the id "${accountId}"; see \`accounts\`.`);
    return account;
  }
}

function lastAdmin(doing: 'demoting' | 'disabling'): ActionError {
  return new ActionError(
    'INVALID_STATE',
    `This is the last admin of the node: make another account admin before ${doing} this one, so the node always has an admin.`,
  );
}
