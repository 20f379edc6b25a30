// Authorisation in one place: every mutation and every non-public field asks `authorize` (or
// `can`) before doing anything. Roles: admin (runs the node: partners, accounts, settings, and
// all a moderator may do), moderator (approves listings, curates good practices), editor (edits
// only the initiatives they belong to), translator (proposes translations of published texts,
// ADR 0041), and the anonymous public (reads published data only).
// Invitations follow the same table, so no role can hand itself more than it has (ADR 0012).
import type { Actor, Role } from './actor.ts';
import { roleWithArticle } from './role-names.ts';

export type Action =
  | { do: 'initiative.create' }
  | { do: 'initiative.edit'; initiative: string }
  | { do: 'initiative.moderate'; initiative: string }
  /** `receivedAt`: when asking about one message; an editor reads only those received since joining. */
  | { do: 'initiative.readMessages'; initiative: string; receivedAt?: string }
  /** Admins only; the account keeps its other initiatives. */
  | { do: 'initiative.removeEditor'; initiative: string }
  /** Admins only: making an existing account an editor of an initiative (others invite instead). */
  | { do: 'initiative.addEditor'; initiative: string }
  | { do: 'practice.create' }
  | { do: 'practice.edit'; practice: string }
  | { do: 'practice.moderate'; practice: string }
  /** Listing the node's own practices in any state (the staff's list on the web). */
  | { do: 'practice.list' }
  /** Creating a market record: any account; who it may be for is `market.write` (ADR 0033). */
  | { do: 'market.create' }
  /**
   * Writing a market record of `kind` for its owner: requests and offers are posted by the node's
   * staff on behalf of an organisation; needs and openings by the editors of `initiative`.
   */
  | { do: 'market.write'; kind: 'request' | 'need' | 'offer' | 'opening'; initiative?: string | undefined }
  | { do: 'market.moderate' }
  /** Proposing a translation of a published text (it waits for a moderator) and reading the queue of texts to translate. */
  | { do: 'translation.write' }
  /** Adoption records speak for the city: its node's moderators and admins write and approve them (ADR 0040). */
  | { do: 'adoption.write' }
  | { do: 'adoption.moderate' }
  /** Asking partner cities how they do a practice type, and answering their questions: the city speaks, so its staff (ADR 0046). */
  | { do: 'city.question' }
  /** Confirming, rejecting or undoing links between listings of one organisation on two nodes (ADR 0052). */
  | { do: 'duplicate.decide' }
  /** Inviting a moderator (or, never, an admin); `role` is checked as received, whatever it is. */
  | { do: 'invitation.create'; role: Exclude<Role, 'editor'> }
  /** Inviting an editor for one initiative; an invitation naming several asks once per initiative. */
  | { do: 'invitation.create'; role: 'editor'; initiative: string; initiativeHasEditors: boolean }
  /** Seeing pending invitations (admins: all; others: their own) and withdrawing one. */
  | { do: 'invitation.list' }
  | { do: 'invitation.withdraw'; createdBy: string }
  /** Admins only; disabling one's own account or the last admin is refused as a state, not a role. */
  | { do: 'account.disable' }
  | { do: 'account.enable' }
  /** Admins only; demoting the last admin is refused as a state, not a role. */
  | { do: 'account.changeRole' }
  /** Admins only: a new link for a pending or expired invitation, whoever created it. */
  | { do: 'invitation.resend' }
  /** Admins only: seeing and removing the node's and initiatives' ordinary fediverse followers. */
  | { do: 'followers.manage' }
  | { do: 'review.list' }
  | { do: 'account.list' }
  | { do: 'account.unlock' }
  /** Making a password reset link for an account, to pass on to its owner (admins). */
  | { do: 'account.resetPassword' }
  | { do: 'audit.read' }
  | { do: 'settings.update' }
  /** Admins only: importing initiatives from a file, a URL, an export or a profile (ADR 0047). */
  | { do: 'import.run' }
  | { do: 'contact.readSignedIn' };

export class AuthorizationError extends Error {
  readonly code: 'SIGN_IN_REQUIRED' | 'NOT_AUTHORIZED';
  constructor(code: 'SIGN_IN_REQUIRED' | 'NOT_AUTHORIZED', message: string) {
    super(message);
    this.name = 'AuthorizationError';
    this.code = code;
  }
}

const STAFF: readonly Role[] = ['admin', 'moderator'];

export function can(actor: Actor, action: Action): boolean {
  if (actor.kind !== 'account') return false;
  const staff = STAFF.includes(actor.role);
  switch (action.do) {
    case 'initiative.create':
      // A translator's account is for translations only: what it writes waits for a moderator.
      return actor.role !== 'translator';
    case 'initiative.edit':
      return staff || actor.initiatives.includes(action.initiative);
    case 'initiative.readMessages':
      // Messages are the initiative's own correspondence: only its editors read them, and only
      // those received since they joined, so adding an editor never opens past correspondence.
      return (
        actor.initiatives.includes(action.initiative) &&
        (action.receivedAt === undefined || action.receivedAt > editorSince(actor, action.initiative))
      );
    case 'market.create':
      return actor.role !== 'translator';
    case 'translation.write':
      return staff || actor.role === 'translator';
    case 'market.write':
      return (
        staff ||
        ((action.kind === 'need' || action.kind === 'opening') &&
          action.initiative !== undefined &&
          actor.initiatives.includes(action.initiative))
      );
    case 'initiative.moderate':
    case 'market.moderate':
    case 'adoption.write':
    case 'adoption.moderate':
    case 'city.question':
    case 'duplicate.decide':
    case 'practice.create':
    case 'practice.edit':
    case 'practice.moderate':
    case 'practice.list':
    case 'review.list':
      return staff;
    case 'invitation.create':
      return mayInvite(actor, action);
    case 'invitation.list':
      return true;
    case 'invitation.withdraw':
      return actor.role === 'admin' || actor.accountId === action.createdBy;
    case 'account.disable':
    case 'account.enable':
    case 'account.changeRole':
    case 'initiative.removeEditor':
    case 'initiative.addEditor':
    case 'invitation.resend':
    case 'followers.manage':
    case 'account.list':
    case 'account.unlock':
    case 'account.resetPassword':
    case 'audit.read':
    case 'settings.update':
    case 'import.run':
      return actor.role === 'admin';
    case 'contact.readSignedIn':
      return true;
  }
}

/**
 * Who may invite whom: admins invite moderators and editors for any local initiative; an editor
 * invites co-editors for their own initiatives (they read its messages already); a moderator
 * invites only the first editor of an initiative that has none (onboarding): once it has editors,
 * new ones come from them or from the admins. Nobody invites admins.
 */
function mayInvite(actor: Extract<Actor, { kind: 'account' }>, action: Extract<Action, { do: 'invitation.create' }>): boolean {
  if (action.role === 'moderator') return actor.role === 'admin';
  // Translators (a node's interpreters) are invited by the staff who approve their work.
  if (action.role === 'translator') return STAFF.includes(actor.role);
  if (action.role !== 'editor') return false;
  if (actor.role === 'admin') return true;
  if (actor.initiatives.includes(action.initiative)) return true;
  return actor.role === 'moderator' && !action.initiativeHasEditors;
}

/** When the actor became an editor of `initiative` (the epoch for accounts older than this rule). */
export function editorSince(actor: Actor, initiative: string): string {
  if (actor.kind !== 'account') return EPOCH;
  return actor.editorSince?.[initiative] ?? EPOCH;
}

const EPOCH = new Date(0).toISOString();

/** Throws an AuthorizationError that says what is missing when `actor` may not do `action`. */
export function authorize(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  if (actor.kind !== 'account') throw new AuthorizationError('SIGN_IN_REQUIRED', 'Sign in to do this.');
  throw new AuthorizationError('NOT_AUTHORIZED', explain(actor.role, action));
}

/** For actions that need an account whatever they are about: refuses the anonymous public before anything is looked up, so the answer never depends on what exists. */
export function requireSignedIn(actor: Actor): asserts actor is Extract<Actor, { kind: 'account' }> {
  if (actor.kind !== 'account') throw new AuthorizationError('SIGN_IN_REQUIRED', 'Sign in to do this.');
}

function explain(role: Role, action: Action): string {
  switch (action.do) {
    case 'initiative.edit':
      return `As ${roleWithArticle(role)}, you can only edit the initiatives you belong to; "${action.initiative}" is not one of them. Ask a moderator for an invitation.`;
    case 'initiative.readMessages':
      return `Only the editors of "${action.initiative}" can read its messages.`;
    case 'invitation.create':
      return explainInvitation(role, action);
    case 'translation.write':
      return 'Only translators, moderators and admins can translate texts; ask a moderator for a translator invitation.';
    case 'market.write':
      return action.kind === 'need' || action.kind === 'opening'
        ? `Only the editors of "${action.initiative ?? ''}" (or moderators) can write its ${action.kind}s.`
        : `Requests and offers are posted by the node's moderators and admins, on behalf of the organisation.`;
    case 'invitation.withdraw':
      return 'Only the person who created an invitation, or an admin, can withdraw it.';
    case 'account.disable':
    case 'account.enable':
    case 'account.changeRole':
    case 'initiative.removeEditor':
    case 'initiative.addEditor':
    case 'invitation.resend':
    case 'followers.manage':
    case 'account.list':
    case 'account.unlock':
    case 'account.resetPassword':
    case 'audit.read':
    case 'settings.update':
    case 'import.run':
      return 'Only the node admin can do this.';
    default:
      return 'Only moderators and admins can do this.';
  }
}

function explainInvitation(role: Role, action: Extract<Action, { do: 'invitation.create' }>): string {
  if (action.role === 'translator') return 'Only moderators and admins can invite translators.';
  if (action.role !== 'editor')
    return role === 'moderator'
      ? 'Moderators can invite initiative editors only; ask an admin to invite a moderator.'
      : action.role === 'admin'
        ? 'Nobody can invite an admin; an admin makes an existing account admin on the accounts page.'
        : 'Only admins can invite moderators.';
  if (role === 'moderator') return `"${action.initiative}" has editors already: new editors are invited by them or by an admin.`;
  return `As an editor, you can invite co-editors only for the initiatives you belong to; "${action.initiative}" is not one of them.`;
}
