// Shapes of the registry's GraphQL types that the pages read (schemas/graphql/*.graphql).

/** A human text in the reader's language, or in its original language when isFallback. */
export interface LocalizedText {
  text: string;
  /** BCP 47 tag of `text`. */
  language: string;
  direction: 'LTR' | 'RTL';
  /** True when `text` is not in a language the reader asked for. */
  isFallback: boolean;
}

/** An initiative as listed (InitiativeConnection edges). */
export interface InitiativeSummary {
  slug: string;
  name: LocalizedText;
  summary: LocalizedText;
  primarySector: { code: string; label: string };
  location: { locality: string };
}

/** The city node answering the request, as the home page presents it. */
export interface NodeProfile {
  slug: string;
  name: LocalizedText;
  summary: LocalizedText | null;
  city: string;
  country: { name: string };
}

/** Another city node of the network. */
export interface PartnerCity {
  slug: string;
  city: string;
  country: { name: string };
  status: 'ONLINE' | 'PLANNED';
  /** Public URL of the node, once online. */
  url: string | null;
  isThisNode: boolean;
}

/** Role of an account (enum Role). Invitations are for MODERATOR or EDITOR only. */
export type AccountRole = 'ADMIN' | 'MODERATOR' | 'EDITOR';

/** What an invitation link is for (Invitation, as the invitation page reads it). */
export interface InvitationDetails {
  role: AccountRole;
  /** Handles of the initiatives an editor will keep up to date. */
  initiatives: string[];
  /** Note from the person who invited, in whatever language they wrote it. */
  note: string | null;
  /** ISO 8601 instant when the link stops working. */
  expiresAt: string;
}

/** Why an invitation link cannot be used (InvitationCheck.error.code). */
export type InvitationErrorCode = 'INVITATION_EXPIRED' | 'INVITATION_USED' | 'INVITATION_INVALID';
