// The moderators' and admins' requests to the registry (routes/admin): review queue, partner
// nodes, invitations, accounts and reports. All go through session.ts, as the signed-in reader.
import { API_ERROR_SELECTION, type ApiError } from '../../forms/manage/form-problems.ts';
import type { LocalizedName, PublicationState } from './editor-queries.ts';

export interface QueueItem {
  __typename: 'InitiativeDraft' | 'GoodPracticeDraft';
  slug: string;
  version: number;
  state: PublicationState;
  pendingChanges: PublicationState | null;
  updatedAt: string;
  preview: { name?: LocalizedName; title?: LocalizedName };
  review: { reason: string } | null;
  revisions: Array<{ action: string; changes: Array<{ field: string }> }>;
}

export const REVIEW_QUEUE_QUERY = /* GraphQL */ `
  query ReviewQueue($lang: String!) {
    reviewQueue {
      __typename
      ... on InitiativeDraft { slug version state pendingChanges updatedAt review { reason } revisions(first: 30) { action changes { field } } preview { name(lang: $lang) { text language direction isFallback } } }
      ... on GoodPracticeDraft { slug version state pendingChanges updatedAt review { reason } revisions(first: 30) { action changes { field } } preview { title(lang: $lang) { text language direction isFallback } } }
    }
  }
`;

export interface Partner {
  actor: string;
  host: string;
  following: 'PENDING' | 'ACCEPTED' | 'REJECTED' | null;
  followedBy: 'PENDING' | 'ACCEPTED' | 'REJECTED' | null;
  lastBackfill: { at: string; records: number; errors: number } | null;
  recentDeliveryFailures: number;
  lastDeliveryError: string | null;
}

export const PARTNERS_QUERY = /* GraphQL */ `
  query Partners {
    partners { actor host following followedBy lastBackfill { at records errors } recentDeliveryFailures lastDeliveryError }
    deliveryQueue { queued ready delayed }
    blockedDomains { domain blockedAt reason }
  }
`;

const PARTNER_RESULT = /* GraphQL */ `partner { actor } error { ${API_ERROR_SELECTION} }`;

export const FOLLOW_PARTNER = /* GraphQL */ `mutation FollowPartner($target: String!) { result: followPartner(target: $target) { ${PARTNER_RESULT} } }`;
export const APPROVE_PARTNER = /* GraphQL */ `mutation ApprovePartner($actor: String!) { result: approvePartner(actor: $actor) { ${PARTNER_RESULT} } }`;
export const REJECT_PARTNER = /* GraphQL */ `mutation RejectPartner($actor: String!) { result: rejectPartner(actor: $actor) { ${PARTNER_RESULT} } }`;
export const UNFOLLOW_PARTNER = /* GraphQL */ `mutation UnfollowPartner($actor: String!) { result: unfollowPartner(actor: $actor) { ok error { ${API_ERROR_SELECTION} } } }`;
export const BLOCK_DOMAIN = /* GraphQL */ `mutation BlockDomain($domain: String!, $reason: String) { result: blockDomain(domain: $domain, reason: $reason) { removedListings error { ${API_ERROR_SELECTION} } } }`;
export const UNBLOCK_DOMAIN = /* GraphQL */ `mutation UnblockDomain($domain: String!) { result: unblockDomain(domain: $domain) { ok error { ${API_ERROR_SELECTION} } } }`;

export interface Invitation {
  id: string;
  role: 'ADMIN' | 'MODERATOR' | 'EDITOR';
  initiatives: string[];
  note: string | null;
  createdAt: string;
  expiresAt: string;
}

export const INVITATIONS_QUERY = /* GraphQL */ `
  query Invitations($lang: String!) {
    pendingInvitations { id role initiatives note createdAt expiresAt }
    initiatives(first: 100, lang: $lang) { edges { node { slug name(lang: $lang) { text } } } }
  }
`;

export interface CreateInvitationResult {
  url: string | null;
  emailed: boolean;
  error: ApiError | null;
}

export const CREATE_INVITATION = /* GraphQL */ `
  mutation CreateInvitation($input: CreateInvitationInput!) { result: createInvitation(input: $input) { url emailed error { ${API_ERROR_SELECTION} } } }
`;

export const WITHDRAW_INVITATION = /* GraphQL */ `mutation WithdrawInvitation($id: ID!) { result: withdrawInvitation(id: $id) { ok error { ${API_ERROR_SELECTION} } } }`;

export interface Account {
  id: string;
  email: string;
  role: 'ADMIN' | 'MODERATOR' | 'EDITOR';
  initiatives: string[];
  createdAt: string;
  disabled: boolean;
  disabledAt: string | null;
}

export const ACCOUNTS_QUERY = /* GraphQL */ `query Accounts { accounts { id email role initiatives createdAt disabled disabledAt } }`;

const ACCOUNT_RESULT = /* GraphQL */ `account { id email } error { ${API_ERROR_SELECTION} }`;

export const DISABLE_ACCOUNT = /* GraphQL */ `mutation DisableAccount($id: ID!) { result: disableAccount(id: $id) { ${ACCOUNT_RESULT} } }`;
export const ENABLE_ACCOUNT = /* GraphQL */ `mutation EnableAccount($id: ID!) { result: enableAccount(id: $id) { ${ACCOUNT_RESULT} } }`;
export const REMOVE_EDITOR = /* GraphQL */ `mutation RemoveEditor($account: ID!, $initiative: String!) { result: removeEditor(account: $account, initiative: $initiative) { ${ACCOUNT_RESULT} } }`;

export interface Report {
  id: string;
  reporter: string;
  reporterHost: string;
  objects: string[];
  reason: string;
  receivedAt: string;
}

export const REPORTS_QUERY = /* GraphQL */ `query Reports { reports { id reporter reporterHost objects reason receivedAt } }`;

export type { ApiError };
