// Invitations: an admin or moderator creates a link and sends it themselves (or the node e-mails
// it when SMTP is configured). A link works once and expires; only its hash is stored.
import type { Collection, Doc, Store } from '../store/store.ts';
import { logger } from '../config/logging.ts';
import type { Actor, Role } from './actor.ts';
import { ActionError } from './action-error.ts';
import type { Account } from './account-repository.ts';
import type { AccountService } from './account-service.ts';
import type { AuditLog } from './audit-log.ts';
import { authorize } from './authorization.ts';
import { newToken, tokenHash } from './secret-tokens.ts';

const log = logger('accounts', 'invitations');

export type Invitation = Doc & {
  role: Exclude<Role, 'admin'>;
  initiatives: string[];
  note: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
  usedBy?: string;
};

export const INVITATION_DAYS = 7;

export interface InvitationDependencies {
  store: Store;
  accounts: AccountService;
  audit: AuditLog;
  publicUrl: URL;
  now: () => Date;
  /** True when an initiative with this handle exists on this node. */
  initiativeExists: (handle: string) => Promise<boolean>;
  /** Sends the link by e-mail when the node has SMTP settings; returns whether it did. */
  sendMail?: (to: string, subject: string, text: string) => Promise<boolean>;
}

export class InvitationService {
  readonly #invitations: Collection<Invitation>;
  readonly #deps: InvitationDependencies;

  constructor(deps: InvitationDependencies) {
    this.#deps = deps;
    this.#invitations = deps.store.collection<Invitation>('invitations');
  }

  async create(actor: Actor, input: { role: Exclude<Role, 'admin'>; initiatives?: string[]; note?: string | null; email?: string | null }): Promise<{ invitation: Invitation; url: string; emailed: boolean }> {
    authorize(actor, { do: 'invitation.create', role: input.role });
    if (actor.kind !== 'account') throw new Error('unreachable');
    const initiatives = [...new Set(input.initiatives ?? [])];
    if (input.role === 'editor' && initiatives.length === 0) {
      throw new ActionError('VALIDATION_FAILED', 'An editor invitation names at least one initiative the editor will be able to edit.', { fields: [{ field: 'initiatives', code: 'REQUIRED', message: 'name at least one initiative.' }] });
    }
    if (input.role !== 'editor' && initiatives.length > 0) {
      throw new ActionError('VALIDATION_FAILED', 'Only editor invitations name initiatives; moderators can moderate every initiative.', { fields: [{ field: 'initiatives', code: 'NOT_ALLOWED', message: 'must be empty for this role.' }] });
    }
    for (const [i, handle] of initiatives.entries()) {
      if (!(await this.#deps.initiativeExists(handle))) throw new ActionError('VALIDATION_FAILED', `No initiative "${handle}" on this node.`, { fields: [{ field: `initiatives.${i}`, code: 'UNKNOWN_REFERENCE', message: `no initiative "${handle}" on this node.` }] });
    }
    if (input.note && input.note.length > 500) throw new ActionError('VALIDATION_FAILED', 'The note is too long.', { fields: [{ field: 'note', code: 'TOO_LONG', message: 'must be at most 500 characters.' }] });
    const token = newToken();
    const now = this.#deps.now();
    const invitation: Invitation = {
      _id: tokenHash(token),
      role: input.role,
      initiatives,
      note: input.note ?? null,
      createdBy: actor.accountId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    };
    await this.#invitations.insertOne(invitation);
    await this.#deps.audit.record({ accountId: actor.accountId, role: actor.role, action: 'invitation.create', target: `invitation:${invitation._id.slice(0, 12)}`, details: { role: input.role, initiatives } });
    const url = new URL(`/invitations/${token}`, this.#deps.publicUrl).href;
    let emailed = false;
    if (input.email && this.#deps.sendMail) {
      emailed = await this.#deps.sendMail(input.email, 'Invitation to the UMN registry', `You are invited to join the UMN registry as ${input.role}.\n\nOpen this link to create your account (it works once and expires on ${invitation.expiresAt.slice(0, 10)}):\n${url}\n`);
    }
    log.info('Account {accountId} created an invitation for role {role}', { accountId: actor.accountId, role: input.role });
    return { invitation, url, emailed };
  }

  /** Checks a link without using it, so the web can show what it is for. */
  async inspect(token: string): Promise<Invitation> {
    const invitation = await this.#invitations.findOne({ _id: tokenHash(token) });
    this.#assertUsable(invitation);
    return invitation!;
  }

  /** Uses the invitation once and creates the account. */
  async accept(token: string, email: string, password: string): Promise<Account> {
    const id = tokenHash(token);
    const now = this.#deps.now().toISOString();
    this.#assertUsable(await this.#invitations.findOne({ _id: id }));
    // Claim the invitation atomically: of two simultaneous uses, only one gets it.
    const claimed = await this.#invitations.findOneAndUpdate({ _id: id, usedAt: { $exists: false }, expiresAt: { $gt: now } }, { $set: { usedAt: now } });
    if (!claimed) throw new ActionError('INVITATION_USED', 'This invitation link has been used already. Ask for a new one.');
    try {
      const account = await this.#deps.accounts.createAccount({ email, password, role: claimed.role, initiatives: claimed.initiatives, createdBy: claimed.createdBy });
      await this.#invitations.updateOne({ _id: id }, { $set: { usedBy: account._id } });
      return account;
    } catch (error) {
      // A refused account (weak password, e-mail taken) must not burn the link.
      await this.#invitations.updateOne({ _id: id }, { $unset: { usedAt: '' } });
      throw error;
    }
  }

  async listPending(actor: Actor): Promise<Invitation[]> {
    authorize(actor, { do: 'invitation.create', role: 'editor' });
    return this.#invitations.find({ usedAt: { $exists: false }, expiresAt: { $gt: this.#deps.now().toISOString() } }, { sort: { createdAt: -1 }, limit: 200 });
  }

  #assertUsable(invitation: Invitation | null): void {
    if (!invitation) throw new ActionError('INVITATION_INVALID', 'This invitation link is not valid. Check that it was copied whole, or ask for a new one.');
    if (invitation.usedAt) throw new ActionError('INVITATION_USED', 'This invitation link has been used already. Ask for a new one.');
    if (invitation.expiresAt <= this.#deps.now().toISOString()) throw new ActionError('INVITATION_EXPIRED', `This invitation link expired on ${invitation.expiresAt.slice(0, 10)}. Ask for a new one.`);
  }
}
