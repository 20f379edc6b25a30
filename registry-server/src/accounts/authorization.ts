// Authorisation in one place: every mutation and every non-public field asks `authorize` (or
// `can`) before doing anything. Roles: admin (runs the node: partners, accounts, settings, and
// all a moderator may do), moderator (approves listings, curates good practices), editor (edits
// only the initiatives they belong to), and the anonymous public (reads published data only).
import type { Actor, Role } from './actor.ts';

export type Action =
  | { do: 'initiative.create' }
  | { do: 'initiative.edit'; initiative: string }
  | { do: 'initiative.moderate'; initiative: string }
  | { do: 'initiative.readMessages'; initiative: string }
  | { do: 'practice.create' }
  | { do: 'practice.edit'; practice: string }
  | { do: 'practice.moderate'; practice: string }
  | { do: 'invitation.create'; role: Role }
  | { do: 'review.list' }
  | { do: 'account.list' }
  | { do: 'account.unlock' }
  | { do: 'audit.read' }
  | { do: 'settings.update' }
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
      return true;
    case 'initiative.edit':
      return staff || actor.initiatives.includes(action.initiative);
    case 'initiative.readMessages':
      // Messages are the initiative's own correspondence: only its editors read them.
      return actor.initiatives.includes(action.initiative);
    case 'initiative.moderate':
    case 'practice.create':
    case 'practice.edit':
    case 'practice.moderate':
    case 'review.list':
      return staff;
    case 'invitation.create':
      return actor.role === 'admin' ? action.role !== 'admin' : actor.role === 'moderator' && action.role === 'editor';
    case 'account.list':
    case 'account.unlock':
    case 'audit.read':
    case 'settings.update':
      return actor.role === 'admin';
    case 'contact.readSignedIn':
      return true;
  }
}

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
      return `As ${article(role)}, you can only edit the initiatives you belong to; "${action.initiative}" is not one of them. Ask a moderator for an invitation.`;
    case 'initiative.readMessages':
      return `Only the editors of "${action.initiative}" can read its messages.`;
    case 'invitation.create':
      return role === 'moderator' ? 'Moderators can invite initiative editors only; ask an admin to invite a moderator.' : 'Only admins and moderators can send invitations.';
    case 'account.list':
    case 'account.unlock':
    case 'audit.read':
    case 'settings.update':
      return 'Only the node admin can do this.';
    default:
      return 'Only moderators and admins can do this.';
  }
}

function article(role: Role): string {
  return role === 'admin' ? 'an admin' : `a ${role}`;
}
