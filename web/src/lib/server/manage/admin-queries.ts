// The moderators' and admins' requests to the registry (routes/admin): review queue, partner
// nodes, invitations, accounts and reports. All go through session.ts, as the signed-in reader.
import type { ApiError } from '../../forms/manage/form-problems.ts';
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

export { default as REVIEW_QUEUE_QUERY } from './queries/review-queue.graphql?raw';

export interface Partner {
  actor: string;
  host: string;
  following: 'PENDING' | 'ACCEPTED' | 'REJECTED' | null;
  followedBy: 'PENDING' | 'ACCEPTED' | 'REJECTED' | null;
  lastBackfill: { at: string; records: number; errors: number } | null;
  recentDeliveryFailures: number;
  lastDeliveryError: string | null;
}

export { default as PARTNERS_QUERY } from './queries/partners.graphql?raw';

export { default as FOLLOW_PARTNER } from './queries/follow-partner.graphql?raw';
export { default as APPROVE_PARTNER } from './queries/approve-partner.graphql?raw';
export { default as REJECT_PARTNER } from './queries/reject-partner.graphql?raw';
export { default as UNFOLLOW_PARTNER } from './queries/unfollow-partner.graphql?raw';
export { default as BLOCK_DOMAIN } from './queries/block-domain.graphql?raw';
export { default as UNBLOCK_DOMAIN } from './queries/unblock-domain.graphql?raw';

export interface Invitation {
  id: string;
  role: 'ADMIN' | 'MODERATOR' | 'EDITOR';
  initiatives: string[];
  note: string | null;
  createdAt: string;
  expiresAt: string;
}

export { default as INVITATIONS_QUERY } from './queries/invitations.graphql?raw';

export interface CreateInvitationResult {
  url: string | null;
  emailed: boolean;
  error: ApiError | null;
}

export { default as CREATE_INVITATION } from './queries/create-invitation.graphql?raw';

export { default as WITHDRAW_INVITATION } from './queries/withdraw-invitation.graphql?raw';

export interface Account {
  id: string;
  email: string;
  role: 'ADMIN' | 'MODERATOR' | 'EDITOR';
  initiatives: string[];
  createdAt: string;
  disabled: boolean;
  disabledAt: string | null;
}

export { default as ACCOUNTS_QUERY } from './queries/accounts.graphql?raw';

export { default as DISABLE_ACCOUNT } from './queries/disable-account.graphql?raw';
export { default as ENABLE_ACCOUNT } from './queries/enable-account.graphql?raw';
export { default as REMOVE_EDITOR } from './queries/remove-editor.graphql?raw';

export interface Report {
  id: string;
  reporter: string;
  reporterHost: string;
  objects: string[];
  reason: string;
  receivedAt: string;
}

export { default as REPORTS_QUERY } from './queries/reports.graphql?raw';

export type { ApiError };
