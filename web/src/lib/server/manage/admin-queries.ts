// The moderators' and admins' requests to the registry (routes/admin): review queue, partner
// nodes, invitations, accounts and reports. All go through session.ts, as the signed-in reader.
// The result types are generated from the operations' .graphql files (ADR 0015).
import type { ApiError } from '../../forms/manage/form-problems.ts';
import type {
  AccountsQuery,
  CreateInvitationMutation,
  InvitationsQuery,
  PartnersQuery,
  ReportsQuery,
  ReviewQueueQuery,
} from '../../generated/operation-types.ts';

export type QueueItem = ReviewQueueQuery['reviewQueue'][number];

export { default as REVIEW_QUEUE_QUERY } from './queries/review-queue.graphql?raw';

export type Partner = PartnersQuery['partners'][number];

export { default as PARTNERS_QUERY } from './queries/partners.graphql?raw';

export { default as FOLLOW_PARTNER } from './queries/follow-partner.graphql?raw';
export { default as APPROVE_PARTNER } from './queries/approve-partner.graphql?raw';
export { default as REJECT_PARTNER } from './queries/reject-partner.graphql?raw';
export { default as UNFOLLOW_PARTNER } from './queries/unfollow-partner.graphql?raw';
export { default as BLOCK_DOMAIN } from './queries/block-domain.graphql?raw';
export { default as UNBLOCK_DOMAIN } from './queries/unblock-domain.graphql?raw';

/** A pending invitation as both lists show it (only the admins' asks whether it has expired). */
export type Invitation = Omit<InvitationsQuery['pendingInvitations'][number], 'expired'>;

export { default as INVITATIONS_QUERY } from './queries/invitations.graphql?raw';

export type CreateInvitationResult = CreateInvitationMutation['result'];

export { default as CREATE_INVITATION } from './queries/create-invitation.graphql?raw';

export { default as WITHDRAW_INVITATION } from './queries/withdraw-invitation.graphql?raw';

export type Account = AccountsQuery['accounts'][number];

export { default as ACCOUNTS_QUERY } from './queries/accounts.graphql?raw';

export { default as DISABLE_ACCOUNT } from './queries/disable-account.graphql?raw';
/** A password reset link for an account, shown once to the admin to pass on. */
export { default as CREATE_PASSWORD_RESET_LINK } from './queries/create-password-reset-link.graphql?raw';
export { default as ENABLE_ACCOUNT } from './queries/enable-account.graphql?raw';
export { default as REMOVE_EDITOR } from './queries/remove-editor.graphql?raw';
/** Issue 14 point 8 (ADR 0032): roles, editors of initiatives, resent invitations, fediverse followers. */
export { default as CHANGE_ACCOUNT_ROLE } from './queries/change-account-role.graphql?raw';
export { default as ADD_EDITOR } from './queries/add-editor.graphql?raw';
export { default as RESEND_INVITATION } from './queries/resend-invitation.graphql?raw';
export { default as FEDIVERSE_FOLLOWERS_QUERY } from './queries/fediverse-followers.graphql?raw';
export { default as REMOVE_FOLLOWER } from './queries/remove-follower.graphql?raw';

export type Report = ReportsQuery['open'][number];

export { default as REPORTS_QUERY } from './queries/reports.graphql?raw';
export { default as RESOLVE_REPORT } from './queries/resolve-report.graphql?raw';
export { default as DISMISS_REPORT } from './queries/dismiss-report.graphql?raw';

export type { ApiError };

export { default as NODE_PROFILE_QUERY } from './queries/node-profile.graphql?raw';
export { default as UPDATE_NODE_PROFILE } from './queries/update-node-profile.graphql?raw';
export { default as NODE_SETUP_QUERY } from './queries/node-setup.graphql?raw';

// The node's fediverse presence (/admin/fediverse, ADR 0051).
export { default as FEDIVERSE_SETTINGS_QUERY } from './queries/fediverse-settings.graphql?raw';
export { default as UPDATE_FEDIVERSE_SETTINGS } from './queries/update-fediverse-settings.graphql?raw';
