// Who is acting: the anonymous public, or a signed-in account with one role. Built once per
// request from the session, then passed to every service call.

/** A translator proposes translations of the node's published texts, for moderators to approve (ADR 0041). */
export type Role = 'admin' | 'moderator' | 'editor' | 'translator';

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      accountId: string;
      role: Role;
      /** Handles of the initiatives an editor belongs to (on this node). */
      initiatives: readonly string[];
      /** When the account became an editor of each initiative (ISO dates); missing means always. */
      editorSince?: Readonly<Record<string, string>>;
      sessionId: string;
      /** How the request was authenticated: cookies need a CSRF token on writes, bearer tokens do not. */
      via: 'cookie' | 'bearer' | 'cli';
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export const isSignedIn = (actor: Actor): actor is Extract<Actor, { kind: 'account' }> => actor.kind === 'account';
