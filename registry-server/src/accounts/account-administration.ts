// The admin's levers on accounts (ADR 0012): disable and re-enable an account, take an initiative
// from an editor. Each takes effect at once, because every request reads the account again
// (session-service resolve), and each is written to the audit log.
import { logger } from '../config/logging.ts';
import type { Actor } from './actor.ts';
import { ActionError } from './action-error.ts';
import type { Account, AccountRepository } from './account-repository.ts';
import type { AuditLog } from './audit-log-repository.ts';
import { authorize } from './authorization.ts';
import type { InvitationService } from './invitation-service.ts';
import type { SessionService } from './session-service.ts';

const log = logger('accounts', 'administration');

const HANDLE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export interface AccountAdministrationDependencies {
  accounts: AccountRepository;
  sessions: SessionService;
  invitations: InvitationService;
  audit: AuditLog;
  now: () => Date;
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
      throw new ActionError(
        'INVALID_STATE',
        'This is the last admin of the node: make another account admin (with the node command) before disabling it.',
      );
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

  async #find(accountId: string): Promise<Account> {
    const account = await this.#deps.accounts.findById(accountId);
    if (!account) throw new ActionError('NOT_FOUND', `No account has the id "${accountId}"; see \`accounts\`.`);
    return account;
  }
}
