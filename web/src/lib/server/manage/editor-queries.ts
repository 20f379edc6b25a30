// The editor's requests to the registry (routes/account): their initiatives, one initiative
// with its record, review note, history and messages, and the mutations of the workflow. All
// go through session.ts, as the signed-in reader.
import type { InitiativeRecord } from '../../forms/manage/initiative-changes.ts';
// The result types are generated from the operations' .graphql files (ADR 0015).
import type {
  EditableInitiativeQuery,
  InitiativeHistoryQuery,
  InitiativeMessagesQuery,
  MyInitiativesQuery,
  PublicationState,
  UpdateInitiativeMutation,
} from '../../generated/operation-types.ts';
import type { LocalizedText } from '../../registry-types.ts';
import { INITIATIVE_PROFILE_FRAGMENTS } from '../initiative-page.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import PREVIEW_QUERY_OPERATION from './queries/initiative-preview.graphql?raw';

export type { PublicationState };

export type LocalizedName = LocalizedText;

export type InitiativeSummary = MyInitiativesQuery['myInitiatives'][number];

export { default as MY_INITIATIVES_QUERY } from './queries/my-initiatives.graphql?raw';

/** A notice for the signed-in account (ADR 0012); never anyone's e-mail address. */
export type AccountNotification = MyInitiativesQuery['myNotifications'][number];

/** The editor's own initiatives (to invite co-editors for) and the invitations they sent, not used yet. */
export { default as CO_EDITOR_INVITATIONS_QUERY } from './queries/co-editor-invitations.graphql?raw';

export { default as MARK_NOTIFICATION_READ } from './queries/mark-notification-read.graphql?raw';

/** The inbox (routes/account/notifications): the account's notices, newest first, and marking them all read. */
export { default as MY_NOTIFICATIONS_QUERY } from './queries/my-notifications.graphql?raw';
export { default as MARK_ALL_NOTIFICATIONS_READ } from './queries/mark-all-notifications-read.graphql?raw';

/** `record` is the JSON scalar; its shape is the record's JSON Schema (initiative-changes.ts). */
export type EditableInitiative = Omit<NonNullable<EditableInitiativeQuery['editableInitiative']>, 'record'> & { record: InitiativeRecord };

export { default as EDITABLE_INITIATIVE_QUERY } from './queries/editable-initiative.graphql?raw';

/** Messages need the editor's role on the initiative: moderators are refused, so they are asked apart. */
export { default as EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY } from './queries/editable-initiative-moderated.graphql?raw';

export type Revision = NonNullable<InitiativeHistoryQuery['editableInitiative']>['revisions'][number];

export { default as HISTORY_QUERY } from './queries/initiative-history.graphql?raw';

/** Two versions of the history compared, value by value. */
export { default as COMPARE_QUERY } from './queries/initiative-compare.graphql?raw';

export type ContactMessage = NonNullable<InitiativeMessagesQuery['editableInitiative']>['messages'][number];

export { default as MESSAGES_QUERY } from './queries/initiative-messages.graphql?raw';

export { default as NEEDS_TAXONOMY_QUERY } from './queries/needs-taxonomy.graphql?raw';

export type EditResult = UpdateInitiativeMutation['result'];

export { default as UPDATE_INITIATIVE } from './queries/update-initiative.graphql?raw';

export { default as SUBMIT_FOR_REVIEW } from './queries/submit-for-review.graphql?raw';

export { default as RESTORE_REVISION } from './queries/restore-revision.graphql?raw';

export { default as MARK_MESSAGE_READ } from './queries/mark-message-read.graphql?raw';

export { default as APPROVE } from './queries/approve.graphql?raw';

export { default as REJECT } from './queries/reject.graphql?raw';

// The preview shows the record being edited as the public page would: the same selection as the
// public page's query (one fragment), so the same components render it.
export const PREVIEW_QUERY = `${PREVIEW_QUERY_OPERATION}${INITIATIVE_PROFILE_FRAGMENTS}\n`;
