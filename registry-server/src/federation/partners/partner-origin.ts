// Who may speak for what: a partner speaks only for itself. Its listings must be on its own
// origin (scheme, host and port: the spoofing behind Mastodon's CVE-2024-23832), name it as their
// node, and are filed under the handle its actor IRI ends with, which may be neither this node's
// own handle nor the handle of another partner (or two nodes' listings would be mixed up, since
// records name each other by node handle and record handle).
import type { FollowRepository } from './follow-repository.ts';
import { handleFromIri, originOf } from '../iri.ts';

/** Whether two IRIs are on the same origin (scheme, host and port); false if either is not an IRI. */
export function sameOrigin(a: string, b: string): boolean {
  const origin = originOf(a);
  return origin !== undefined && origin !== 'null' && origin === originOf(b);
}

/** Whether `objectId` may be written by `sender`: same origin, and not a copy of one of our own records. */
export function originMatches(sender: string, objectId: string, ownOrigin: string): boolean {
  return sameOrigin(sender, objectId) && !sameOrigin(objectId, ownOrigin);
}

export type PartnerHandle = { handle: string } | { refused: string };

/**
 * The node handle a partner's listings are filed under: the last segment of its actor IRI
 * (/nodes/milano → milano), unless that would make them this node's own or another partner's.
 * Of two partners with one handle, the one followed first keeps it: a later one cannot take
 * over the name of a partner this node already copies.
 */
export async function partnerNodeHandle(follows: FollowRepository, sender: string, ownHandle: string): Promise<PartnerHandle> {
  const handle = handleFromIri(sender);
  if (!handle) return { refused: `its actor IRI ${sender} has no path segment to name its node by` };
  if (handle === ownHandle) return { refused: `its actor IRI ${sender} takes this node's own handle "${ownHandle}"` };
  const partners = await follows.allFollowing();
  const since = partners.find((f) => f._id === sender)?.requestedAt ?? '\uffff';
  const taken = partners.find(
    (f) => f._id !== sender && handleFromIri(f._id) === handle && (f.requestedAt < since || (f.requestedAt === since && f._id < sender)),
  );
  if (taken) return { refused: `its actor IRI ${sender} takes the handle "${handle}" of the partner ${taken._id}` };
  return { handle };
}

/**
 * Where to deliver to an actor: its inbox must be on its own origin, or a follower (or a partner)
 * could make this node deliver everything it publishes to a third party; a shared inbox elsewhere
 * is left out (the actor's own inbox serves). Null when the inbox is elsewhere.
 */
export function ownInboxes(
  actorId: string,
  inbox: string,
  sharedInbox: string | null,
): { inbox: string; sharedInbox: string | null; dropped: string | null } | null {
  if (!sameOrigin(inbox, actorId)) return null;
  if (sharedInbox !== null && !sameOrigin(sharedInbox, actorId)) return { inbox, sharedInbox: null, dropped: sharedInbox };
  return { inbox, sharedInbox, dropped: null };
}
