// Invitations: an admin, a moderator or an editor creates a link and sends it themselves (or the
// node e-mails it when SMTP is configured). A link works once and expires; only its hash is
// stored. Who may invite whom for which initiative follows the authorization table, checked
// again when the link is used; the initiative's editors (or the admins) are told of every new
// editor; a link can be withdrawn (ADR 0012).
import { logger } from '../config/logging.ts';
import type { Actor, Role } from './actor.ts';
import { ActionError } from './action-error.ts';
import type { Account, AccountRepository } from './account-repository.ts';
import { isEmail, normaliseEmail } from './email-address.ts';
import type { AccountService } from './account-service.ts';
import type { AuditLog } from './audit-log-repository.ts';
import { authorize, can, type Action } from './authorization.ts';
import { addressBucket } from './address-bucket.ts';
import { passwordProblem } from './password-hashing.ts';
import type { Limit, RateLimiter } from './rate-limiter.ts';
import type { Invitation, InvitationRepository } from './invitation-repository.ts';
import { newToken, tokenHash } from './secret-tokens.ts';
import { roleWithArticle } from './role-names.ts';

const log = logger('accounts', 'invitations');

export type { Invitation } from './invitation-repository.ts';

export const INVITATION_DAYS = 7;
/** How long after expiring an invitation is still listed for admins to resend. */
const RESENDABLE_DAYS = 30;

/**
 * Invitations a moderator or an editor may create in 24 hours (admins are not capped): enough to
 * onboard a team, too few for the node to be used to send links in bulk, or to flood an
 * initiative's editors with notices. Withdrawn ones count too.
 */
export const INVITATIONS_PER_DAY = 20;

const INVITABLE_ROLES: ReadonlySet<string> = new Set(['editor', 'moderator', 'translator']);
/** The public id of an invitation: the first 12 characters of its token's hash (base64url). */
const PUBLIC_ID = /^[A-Za-z0-9_-]{12}$/;

/**
 * A refused acceptance tells its sender that the e-mail address has an account, so a link must
 * not be a way to test addresses (issue #11): refusals are counted per link, which is used up at
 * the fifth, and per client address, across links.
 */
export const INVITATION_REFUSALS = { perInvitation: 5, perAddress: { max: 10, windowMs: 60 * 60_000 } satisfies Limit };
/** newToken() gives 43 characters; anything much longer is not one of ours. */
const MAX_TOKEN_LENGTH = 200;

export interface InvitationDependencies {
  invitations: InvitationRepository;
  accounts: AccountService;
  /** Who created an invitation and who edits an initiative, for the checks. */
  accountRepository: AccountRepository;
  audit: AuditLog;
  publicUrl: URL;
  now: () => Date;
  /** True when an initiative with this handle exists on this node. */
  initiativeExists: (handle: string) => Promise<boolean>;
  /** Tells the initiative's editors (or the admins) that an editor joined; must not throw. */
  announceEditor?: (input: { initiative: string; newAccountId: string; invitedBy: Role }) => Promise<void>;
  /** Told once an invitation was used to create an account (e.g. to forget who asked for it); must not throw. */
  accepted?: (invitationId: string) => void;
  /** Counts refused acceptances per client address. */
  limiter: RateLimiter;
  /** Sends the link by e-mail when the node has SMTP settings; returns whether it did. */
  sendMail?: (to: string, subject: string, text: string) => Promise<boolean>;
}

export class InvitationService {
  readonly #invitations: InvitationRepository;
  readonly #deps: InvitationDependencies;

  constructor(deps: InvitationDependencies) {
    this.#deps = deps;
    this.#invitations = deps.invitations;
  }

  async create(
    actor: Actor,
    input: { role: Exclude<Role, 'admin'>; initiatives?: string[]; note?: string | null; email?: string | null },
  ): Promise<{ invitation: Invitation; url: string; emailed: boolean }> {
    // Any signed-in account may ask; the table answers below, per role and per initiative.
    authorize(actor, { do: 'invitation.list' });
    if (actor.kind !== 'account') throw new Error('unreachable');
    // The role is checked as received: a caller other than GraphQL (whose enum holds it) could send anything.
    if (!INVITABLE_ROLES.has(input.role))
      throw new ActionError(
        'VALIDATION_FAILED',
        'An invitation is for an editor, a moderator or a translator; an admin makes an existing account admin with changeAccountRole.',
        { fields: [{ field: 'role', code: 'NOT_ALLOWED', message: 'must be EDITOR, MODERATOR or TRANSLATOR.' }] },
      );
    const initiatives = [...new Set(input.initiatives ?? [])];
    if (input.role === 'editor' && initiatives.length === 0) {
      throw new ActionError('VALIDATION_FAILED', 'An editor invitation names at least one initiative the editor will be able to edit.', {
        fields: [{ field: 'initiatives', code: 'REQUIRED', message: 'name at least one initiative.' }],
      });
    }
    if (input.role !== 'editor' && initiatives.length > 0) {
      throw new ActionError(
        'VALIDATION_FAILED',
        'Only editor invitations name initiatives; moderators and translators work on every published record.',
        {
          fields: [{ field: 'initiatives', code: 'NOT_ALLOWED', message: 'must be empty for this role.' }],
        },
      );
    }
    if (input.role === 'moderator' || input.role === 'translator') authorize(actor, { do: 'invitation.create', role: input.role });
    await this.#assertUnderDailyCap(actor);
    for (const [i, handle] of initiatives.entries()) {
      if (!(await this.#deps.initiativeExists(handle)))
        throw new ActionError('VALIDATION_FAILED', `No initiative "${handle}" on this node.`, {
          fields: [{ field: `initiatives.${i}`, code: 'UNKNOWN_REFERENCE', message: `no initiative "${handle}" on this node.` }],
        });
    }
    // Each initiative must pass on its own: one the inviter may not invite for spoils the whole invitation.
    for (const handle of initiatives) authorize(actor, await this.#editorAction(handle));
    if (input.note && input.note.length > 500)
      throw new ActionError('VALIDATION_FAILED', 'The note is too long.', {
        fields: [{ field: 'note', code: 'TOO_LONG', message: 'must be at most 500 characters.' }],
      });
    const token = newToken();
    const now = this.#deps.now();
    const invitation: Invitation = {
      _id: tokenHash(token),
      role: input.role,
      initiatives,
      note: input.note ?? null,
      createdBy: actor.accountId,
      createdByRole: actor.role,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    };
    await this.#invitations.insert(invitation);
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'invitation.create',
      target: `invitation:${invitation._id.slice(0, 12)}`,
      details: { role: input.role, initiatives },
    });
    const url = new URL(`/invitations/${token}`, this.#deps.publicUrl).href;
    const emailed = input.email ? await this.#mailLink(input.email, invitation, url) : false;
    log.info('Account {accountId} created an invitation for role {role}', { accountId: actor.accountId, role: input.role });
    return { invitation, url, emailed };
  }

  /** Checks a link without using it, so the web can show what it is for. */
  async inspect(token: string): Promise<Invitation> {
    const invitation = await this.#find(token);
    this.#assertUsable(invitation);
    await this.#assertStillAllowed(invitation!);
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
    await this.#assertStillAllowed(found!);
    const id = found!._id;
    if (!isEmail(normaliseEmail(email)))
      throw new ActionError('INVALID_EMAIL', `"${email}" is not an e-mail address.`, {
        fields: [{ field: 'email', code: 'INVALID_EMAIL', message: 'is not an e-mail address.' }],
      });
    const problem = passwordProblem(password);
    if (problem)
      throw new ActionError('WEAK_PASSWORD', `The password ${problem}`, {
        fields: [{ field: 'password', code: 'WEAK_PASSWORD', message: problem }],
      });
    const addressClaim = await this.#deps.limiter.claim(`invitation:address:${addressBucket(address)}`, INVITATION_REFUSALS.perAddress);
    if (!addressClaim.allowed)
      throw new ActionError(
        'RATE_LIMITED',
        `Too many refused invitations from your connection. Try again in ${Math.ceil(addressClaim.retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds: addressClaim.retryAfterSeconds },
      );
    // Claim the invitation atomically: of simultaneous uses only one holds it, so its refusals
    // are counted one at a time and no burst gets more answers than the link allows.
    const claimed = await this.#invitations.claim(id, now);
    if (!claimed) throw new ActionError('INVITATION_USED', 'This invitation link has been used already. Ask for a new one.');
    try {
      const account = await this.#deps.accounts.createAccount({
        email,
        password,
        role: claimed.role,
        initiatives: claimed.initiatives,
        createdBy: claimed.createdBy,
      });
      await this.#invitations.setUsedBy(id, account._id);
      await addressClaim.release();
      this.#deps.accepted?.(id);
      await this.#announce(claimed, account._id);
      return account;
    } catch (error) {
      const refusals = (claimed.refusals ?? 0) + 1;
      if (refusals >= INVITATION_REFUSALS.perInvitation) {
        // The link stays used: it has answered about enough addresses.
        await this.#invitations.recordRefusal(id, refusals, true);
        log.warning('Invitation {invitation} used up after {refusals} refused acceptances', { invitation: id.slice(0, 12), refusals });
        throw usedUpByRefusals();
      }
      // Any other refusal does not burn the link, but it is counted.
      await this.#invitations.recordRefusal(id, refusals, false);
      throw error;
    }
  }

  /** Whether any invitation was ever made here, used or not. */
  anyMade(): Promise<boolean> {
    return this.#deps.invitations.anyMade();
  }

  /**
   * Invitations not used, withdrawn nor expired: all of them for admins, their own for the others.
   * With `includeExpired`, admins also see those expired in the last 30 days, to resend them.
   */
  async listPending(actor: Actor, options: { includeExpired?: boolean } = {}): Promise<Invitation[]> {
    authorize(actor, { do: 'invitation.list' });
    if (actor.kind !== 'account') return [];
    const now = this.#deps.now();
    if (options.includeExpired && can(actor, { do: 'invitation.resend' }))
      return this.#invitations.unused(new Date(now.getTime() - RESENDABLE_DAYS * 86_400_000).toISOString());
    return this.#invitations.pending(actor.role === 'admin' ? null : actor.accountId, now.toISOString());
  }

  /**
   * Resends a pending or expired invitation (admins): a new link and expiry for the same role,
   * initiatives and note, created by the admin who resends it (so the rule checked at use is
   * theirs). The old link is withdrawn first, atomically: of two resends at once only one wins,
   * and the old link never works alongside the new one.
   */
  async resend(
    actor: Actor,
    publicId: string,
    email: string | null = null,
  ): Promise<{ invitation: Invitation; url: string; emailed: boolean }> {
    authorize(actor, { do: 'invitation.resend' });
    if (actor.kind !== 'account') throw new Error('unreachable');
    if (email !== null && email.trim() !== '' && !isEmail(normaliseEmail(email)))
      throw new ActionError('INVALID_EMAIL', `"${email}" is not an e-mail address.`, {
        fields: [{ field: 'email', code: 'INVALID_EMAIL', message: 'is not an e-mail address.' }],
      });
    const matches = PUBLIC_ID.test(publicId) ? await this.#invitations.findByIdPrefix(publicId) : [];
    const old = matches.length === 1 ? matches[0]! : null;
    if (!old) throw new ActionError('NOT_FOUND', `No invitation has the id "${publicId}"; see pendingInvitations.`);
    const now = this.#deps.now();
    const withdrawn = await this.#invitations.withdraw(old._id, { at: now.toISOString(), by: actor.accountId, reason: 'resent' });
    if (!withdrawn) throw new ActionError('INVALID_STATE', 'This invitation was used or withdrawn already; create a new one instead.');
    const token = newToken();
    const invitation: Invitation = {
      _id: tokenHash(token),
      role: old.role,
      initiatives: old.initiatives,
      note: old.note,
      createdBy: actor.accountId,
      createdByRole: actor.role,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      resentFrom: publicId,
    };
    await this.#invitations.insert(invitation);
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'invitation.resend',
      target: `invitation:${invitation._id.slice(0, 12)}`,
      details: { resentFrom: publicId, role: invitation.role, initiatives: invitation.initiatives },
    });
    log.info('Account {accountId} resent invitation {old} as {invitationId}', {
      accountId: actor.accountId,
      old: publicId,
      invitationId: invitation._id.slice(0, 12),
    });
    const url = new URL(`/invitations/${token}`, this.#deps.publicUrl).href;
    const emailed = email && email.trim() !== '' ? await this.#mailLink(email.trim(), invitation, url) : false;
    return { invitation, url, emailed };
  }

  /** Withdraws a pending invitation by its public id: the link stops working at once. */
  async withdraw(actor: Actor, publicId: string): Promise<Invitation> {
    authorize(actor, { do: 'invitation.list' });
    if (actor.kind !== 'account') throw new Error('unreachable');
    // Letters, digits, '-' and '_' only (checked first), so the id is a literal prefix in the pattern.
    const matches = PUBLIC_ID.test(publicId) ? await this.#invitations.findByIdPrefix(publicId) : [];
    const invitation = matches.length === 1 ? matches[0]! : null;
    // Someone else's invitation is "not found": its existence is none of the caller's business.
    if (!invitation || !can(actor, { do: 'invitation.withdraw', createdBy: invitation.createdBy }))
      throw new ActionError('NOT_FOUND', `No pending invitation of yours has the id "${publicId}"; see pendingInvitations.`);
    const now = this.#deps.now().toISOString();
    const withdrawn = await this.#invitations.withdraw(invitation._id, { at: now, by: actor.accountId, reason: 'withdrawn' });
    if (!withdrawn) throw new ActionError('INVALID_STATE', 'This invitation was used or withdrawn already; nothing to withdraw.');
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'invitation.withdraw',
      target: `invitation:${publicId}`,
      details: { role: invitation.role, initiatives: invitation.initiatives },
    });
    log.info('Account {accountId} withdrew invitation {invitationId}', { accountId: actor.accountId, invitationId: publicId });
    return withdrawn;
  }

  /** Ends every pending invitation an account created (when it is disabled); returns how many. */
  async withdrawAllBy(accountId: string, reason: string): Promise<number> {
    const now = this.#deps.now().toISOString();
    return this.#invitations.withdrawAllBy(accountId, { at: now, by: null, reason });
  }

  /** E-mails the link when the node has SMTP settings; whether it did. */
  async #mailLink(to: string, invitation: Invitation, url: string): Promise<boolean> {
    if (!this.#deps.sendMail) return false;
    return this.#deps.sendMail(
      to,
      'Invitation to the UMN registry',
      `You are invited to join the UMN registry as ${roleWithArticle(invitation.role)}.\n\nOpen this link to create your account (it works once and expires on ${invitation.expiresAt.slice(0, 10)}):\n${url}\n`,
    );
  }

  async #assertUnderDailyCap(actor: Extract<Actor, { kind: 'account' }>): Promise<void> {
    if (actor.role === 'admin') return;
    const now = this.#deps.now().getTime();
    const since = new Date(now - 86_400_000).toISOString();
    const recent = await this.#invitations.createdSince(actor.accountId, since, INVITATIONS_PER_DAY);
    if (recent.length < INVITATIONS_PER_DAY) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(recent[0]!.createdAt) + 86_400_000 - now) / 1000));
    throw new ActionError(
      'RATE_LIMITED',
      `You created ${INVITATIONS_PER_DAY} invitations in the last 24 hours, the most allowed. Try again in ${Math.ceil(retryAfterSeconds / 3600)} hour(s), or ask an admin.`,
      { retryAfterSeconds },
    );
  }

  /** The authorization question for inviting an editor of `handle`, with what it depends on. */
  async #editorAction(handle: string): Promise<Action> {
    return {
      do: 'invitation.create',
      role: 'editor',
      initiative: handle,
      initiativeHasEditors: await this.#deps.accountRepository.hasEditors(handle),
    };
  }

  /**
   * Asks the table again when the link is used: the creator may have been disabled or lost the
   * initiative, the initiative may be gone, or (for a moderator's invitation) may have found
   * editors meanwhile. The safe answer is no: the link is withdrawn and a new one can be asked
   * of whoever may invite now (ADR 0012).
   */
  async #assertStillAllowed(invitation: Invitation): Promise<void> {
    const problem = await this.#noLongerAllowed(invitation);
    if (!problem) return;
    const now = this.#deps.now().toISOString();
    await this.#invitations.withdraw(invitation._id, { at: now, by: null, reason: problem });
    log.info('Invitation {invitationId} withdrawn on use: {problem}', { invitationId: invitation._id.slice(0, 12), problem });
    throw new ActionError('INVITATION_WITHDRAWN', `This invitation no longer works: ${problem}. Ask for a new one.`);
  }

  async #noLongerAllowed(invitation: Invitation): Promise<string | null> {
    const creator = await this.#deps.accountRepository.findById(invitation.createdBy);
    if (!creator || creator.disabledAt) return 'the account that created it has been disabled';
    const actor = actorFor(creator);
    if (invitation.role !== 'editor')
      return can(actor, { do: 'invitation.create', role: invitation.role })
        ? null
        : `the account that created it can no longer invite ${invitation.role}s`;
    for (const handle of invitation.initiatives) {
      if (!(await this.#deps.initiativeExists(handle))) return `the initiative "${handle}" is no longer on this node`;
      const action = await this.#editorAction(handle);
      if (can(actor, action)) continue;
      return creator.role === 'moderator'
        ? `"${handle}" has editors now, who (or the registry's admins) can invite you`
        : `the person who invited you is no longer an editor of "${handle}"`;
    }
    return null;
  }

  /** Tells each initiative's editors (or the admins) about the new editor; never fails the acceptance. */
  async #announce(invitation: Invitation, newAccountId: string): Promise<void> {
    if (!this.#deps.announceEditor) return;
    try {
      const invitedBy = invitation.createdByRole ?? (await this.#deps.accountRepository.findById(invitation.createdBy))?.role ?? 'admin';
      for (const initiative of invitation.initiatives) await this.#deps.announceEditor({ initiative, newAccountId, invitedBy });
    } catch (error) {
      log.error('Could not tell the editors of a new editor {accountId}: {error}', { accountId: newAccountId, error });
    }
  }

  #find(token: string): Promise<Invitation | null> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return Promise.resolve(null);
    return this.#invitations.findById(tokenHash(token));
  }

  #assertUsable(invitation: Invitation | null): void {
    if (!invitation)
      throw new ActionError(
        'INVITATION_INVALID',
        'This invitation link is not valid. Check that it was copied whole, or ask for a new one.',
      );
    if (invitation.withdrawnAt) {
      // The node's own reasons (withdrawnBy null) name only roles and initiatives, never people.
      const why =
        invitation.withdrawnBy === null && invitation.withdrawnReason
          ? `This invitation no longer works: ${invitation.withdrawnReason}.`
          : 'This invitation link has been withdrawn.';
      throw new ActionError('INVITATION_WITHDRAWN', `${why} Ask for a new one.`);
    }
    if (invitation.usedAt && (invitation.refusals ?? 0) >= INVITATION_REFUSALS.perInvitation) throw usedUpByRefusals();
    if (invitation.usedAt) throw new ActionError('INVITATION_USED', 'This invitation link has been used already. Ask for a new one.');
    if (invitation.expiresAt <= this.#deps.now().toISOString())
      throw new ActionError(
        'INVITATION_EXPIRED',
        `This invitation link expired on ${invitation.expiresAt.slice(0, 10)}. Ask for a new one.`,
      );
  }
}

/** The creator as an actor, for asking the authorization table on their behalf. */
function actorFor(account: Account): Extract<Actor, { kind: 'account' }> {
  return {
    kind: 'account',
    accountId: account._id,
    role: account.role,
    initiatives: account.initiatives,
    editorSince: account.editorSince ?? {},
    sessionId: 'invitation',
    via: 'cli',
  };
}

function usedUpByRefusals(): ActionError {
  return new ActionError(
    'INVITATION_USED',
    'This invitation link was tried too many times with e-mail addresses that could not be used, so it no longer works. Ask for a new one.',
  );
}
