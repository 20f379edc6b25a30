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
import { isEmail, normaliseEmail } from './account-repository.ts';
import { addressBucket } from './address-bucket.ts';
import { passwordProblem } from './password-hashing.ts';
import type { Limit, RateLimiter } from './rate-limiter.ts';
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
  /** Acceptances refused so far (e-mail address taken …); at INVITATION_REFUSALS.perInvitation the link is used up. */
  refusals?: number;
};

export const INVITATION_DAYS = 7;

/**
 * A refused acceptance tells its sender that the e-mail address has an account, so a link must
 * not be a way to test addresses (issue #11): refusals are counted per link, which is used up at
 * the fifth, and per client address, across links.
 */
export const INVITATION_REFUSALS = { perInvitation: 5, perAddress: { max: 10, windowMs: 60 * 60_000 } satisfies Limit };
/** newToken() gives 43 characters; anything much longer is not one of ours. */
const MAX_TOKEN_LENGTH = 200;

export interface InvitationDependencies {
  store: Store;
  accounts: AccountService;
  audit: AuditLog;
  publicUrl: URL;
  now: () => Date;
  /** True when an initiative with this handle exists on this node. */
  initiativeExists: (handle: string) => Promise<boolean>;
  /** Counts refused acceptances per client address. */
  limiter: RateLimiter;
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
    const invitation = await this.#find(token);
    this.#assertUsable(invitation);
    return invitation!;
  }

  /**
   * Uses the invitation once and creates the account. What can be refused without looking at
   * the accounts (a weak password, not an e-mail address) is refused first and costs nothing;
   * a refusal after the lookup (the address has an account) counts against the link and the
   * client's address.
   */
  async accept(token: string, email: string, password: string, address = 'unknown'): Promise<Account> {
    const now = this.#deps.now().toISOString();
    const found = await this.#find(token);
    this.#assertUsable(found);
    const id = found!._id;
    if (!isEmail(normaliseEmail(email))) throw new ActionError('INVALID_EMAIL', `"${email}" is not an e-mail address.`, { fields: [{ field: 'email', code: 'INVALID_EMAIL', message: 'is not an e-mail address.' }] });
    const problem = passwordProblem(password);
    if (problem) throw new ActionError('WEAK_PASSWORD', `The password ${problem}`, { fields: [{ field: 'password', code: 'WEAK_PASSWORD', message: problem }] });
    const addressClaim = await this.#deps.limiter.claim(`invitation:address:${addressBucket(address)}`, INVITATION_REFUSALS.perAddress);
    if (!addressClaim.allowed) throw new ActionError('RATE_LIMITED', `Too many refused invitations from your connection. Try again in ${Math.ceil(addressClaim.retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds: addressClaim.retryAfterSeconds });
    // Claim the invitation atomically: of simultaneous uses only one holds it, so its refusals
    // are counted one at a time and no burst gets more answers than the link allows.
    const claimed = await this.#invitations.findOneAndUpdate({ _id: id, usedAt: { $exists: false }, expiresAt: { $gt: now } }, { $set: { usedAt: now } });
    if (!claimed) throw new ActionError('INVITATION_USED', 'This invitation link has been used already. Ask for a new one.');
    try {
      const account = await this.#deps.accounts.createAccount({ email, password, role: claimed.role, initiatives: claimed.initiatives, createdBy: claimed.createdBy });
      await this.#invitations.updateOne({ _id: id }, { $set: { usedBy: account._id } });
      await addressClaim.release();
      return account;
    } catch (error) {
      const refusals = (claimed.refusals ?? 0) + 1;
      if (refusals >= INVITATION_REFUSALS.perInvitation) {
        // The link stays used: it has answered about enough addresses.
        await this.#invitations.updateOne({ _id: id }, { $set: { refusals } });
        log.warning('Invitation {invitation} used up after {refusals} refused acceptances', { invitation: id.slice(0, 12), refusals });
        throw usedUpByRefusals();
      }
      // Any other refusal does not burn the link, but it is counted.
      await this.#invitations.updateOne({ _id: id }, { $unset: { usedAt: '' }, $set: { refusals } });
      throw error;
    }
  }

  async listPending(actor: Actor): Promise<Invitation[]> {
    authorize(actor, { do: 'invitation.create', role: 'editor' });
    return this.#invitations.find({ usedAt: { $exists: false }, expiresAt: { $gt: this.#deps.now().toISOString() } }, { sort: { createdAt: -1 }, limit: 200 });
  }

  #find(token: string): Promise<Invitation | null> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return Promise.resolve(null);
    return this.#invitations.findOne({ _id: tokenHash(token) });
  }

  #assertUsable(invitation: Invitation | null): void {
    if (!invitation) throw new ActionError('INVITATION_INVALID', 'This invitation link is not valid. Check that it was copied whole, or ask for a new one.');
    if (invitation.usedAt && (invitation.refusals ?? 0) >= INVITATION_REFUSALS.perInvitation) throw usedUpByRefusals();
    if (invitation.usedAt) throw new ActionError('INVITATION_USED', 'This invitation link has been used already. Ask for a new one.');
    if (invitation.expiresAt <= this.#deps.now().toISOString()) throw new ActionError('INVITATION_EXPIRED', `This invitation link expired on ${invitation.expiresAt.slice(0, 10)}. Ask for a new one.`);
  }
}

function usedUpByRefusals(): ActionError {
  return new ActionError('INVITATION_USED', 'This invitation link was tried too many times with e-mail addresses that could not be used, so it no longer works. Ask for a new one.');
}
