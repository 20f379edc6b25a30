// The editor's requests to the registry (routes/account): their initiatives, one initiative
// with its record, review note, history and messages, and the mutations of the workflow. All
// go through session.ts, as the signed-in reader.
import { API_ERROR_SELECTION, type ApiError } from '../../forms/manage/form-problems.ts';
import type { InitiativeRecord } from '../../forms/manage/initiative-changes.ts';
import { INITIATIVE_PROFILE_FRAGMENTS } from '../initiative-page.ts';

export type PublicationState = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'UNPUBLISHED' | 'DELETED';

export interface LocalizedName {
  text: string;
  language: string;
  direction: 'LTR' | 'RTL';
  isFallback: boolean;
}

export interface InitiativeSummary {
  slug: string;
  version: number;
  state: PublicationState;
  pendingChanges: PublicationState | null;
  review: { decision: string; reason: string; at: string } | null;
  preview: { name: LocalizedName };
  updatedAt: string;
}

const SUMMARY_FIELDS = /* GraphQL */ `
  slug version state pendingChanges updatedAt
  review { decision reason at }
  preview { name(lang: $lang) { text language direction isFallback } }
`;

export const MY_INITIATIVES_QUERY = /* GraphQL */ `
  query MyInitiatives($lang: String!) {
    myInitiatives { ${SUMMARY_FIELDS} }
    myNotifications(first: 30) { id kind initiative byRole createdAt readAt }
  }
`;

/** A notice for the signed-in account (ADR 0012); never anyone's e-mail address. */
export interface AccountNotification {
  id: string;
  kind: 'EDITOR_ADDED';
  initiative: string | null;
  byRole: 'ADMIN' | 'MODERATOR' | 'EDITOR' | null;
  createdAt: string;
  readAt: string | null;
}

/** The editor's own initiatives (to invite co-editors for) and the invitations they sent, not used yet. */
export const CO_EDITOR_INVITATIONS_QUERY = /* GraphQL */ `
  query CoEditorInvitations($lang: String!) {
    myInitiatives { slug preview { name(lang: $lang) { text language direction isFallback } } }
    pendingInvitations { id role initiatives note createdAt expiresAt }
  }
`;

export const MARK_NOTIFICATION_READ = /* GraphQL */ `mutation MarkNotificationRead($id: ID!) { result: markNotificationRead(id: $id) { notification { id } error { ${API_ERROR_SELECTION} } } }`;

export interface EditableInitiative extends InitiativeSummary {
  record: InitiativeRecord;
  unread: Array<{ id: string }>;
}

export const EDITABLE_INITIATIVE_QUERY = /* GraphQL */ `
  query EditableInitiative($slug: String!, $lang: String!) {
    editableInitiative(slug: $slug) { ${SUMMARY_FIELDS} record unread: messages(unreadOnly: true) { id } }
  }
`;

/** Messages need the editor's role on the initiative: moderators are refused, so they are asked apart. */
export const EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY = /* GraphQL */ `
  query EditableInitiativeModerated($slug: String!, $lang: String!) {
    editableInitiative(slug: $slug) { ${SUMMARY_FIELDS} record }
  }
`;

export interface Revision {
  version: number;
  at: string;
  action: string;
  state: string;
  note: string | null;
  changes: Array<{ field: string }>;
}

export const HISTORY_QUERY = /* GraphQL */ `
  query InitiativeHistory($slug: String!, $lang: String!) {
    editableInitiative(slug: $slug) { ${SUMMARY_FIELDS} revisions(first: 50) { version at action state note changes { field } } }
  }
`;

export interface ContactMessage {
  id: string;
  senderName: string | null;
  replyTo: string;
  subject: string;
  body: string;
  fromSignedInAccount: boolean;
  createdAt: string;
  readAt: string | null;
}

export const MESSAGES_QUERY = /* GraphQL */ `
  query InitiativeMessages($slug: String!, $lang: String!) {
    editableInitiative(slug: $slug) { ${SUMMARY_FIELDS} messages(first: 50) { id senderName replyTo subject body fromSignedInAccount createdAt readAt } }
  }
`;

export const NEEDS_TAXONOMY_QUERY = /* GraphQL */ `
  query NeedsTaxonomy($lang: String!) { taxonomy(id: NEED, lang: $lang) { concepts { code label(lang: $lang) } } }
`;

export interface EditResult {
  record: { version: number; state: PublicationState; pendingChanges: PublicationState | null } | null;
  error: ApiError | null;
}

const EDIT_RESULT = /* GraphQL */ `
  record { ... on InitiativeDraft { version state pendingChanges } }
  error { ${API_ERROR_SELECTION} }
`;

export const UPDATE_INITIATIVE = /* GraphQL */ `
  mutation UpdateInitiative($id: ID!, $version: Int!, $changes: InitiativeInput!) {
    result: updateInitiative(id: $id, version: $version, changes: $changes) { ${EDIT_RESULT} }
  }
`;

export const SUBMIT_FOR_REVIEW = /* GraphQL */ `
  mutation SubmitForReview($id: ID!, $version: Int!) { result: submitForReview(id: $id, version: $version) { ${EDIT_RESULT} } }
`;

export const RESTORE_REVISION = /* GraphQL */ `
  mutation RestoreRevision($id: ID!, $revision: Int!, $version: Int!) { result: restoreRevision(id: $id, revision: $revision, version: $version) { ${EDIT_RESULT} } }
`;

export const MARK_MESSAGE_READ = /* GraphQL */ `
  mutation MarkMessageRead($id: ID!) { result: markMessageRead(id: $id) { message { id readAt } error { ${API_ERROR_SELECTION} } } }
`;

export const APPROVE = /* GraphQL */ `
  mutation Approve($id: ID!, $version: Int!) { result: approve(id: $id, version: $version) { ${EDIT_RESULT} } }
`;

export const REJECT = /* GraphQL */ `
  mutation Reject($id: ID!, $version: Int!, $reason: String!) { result: reject(id: $id, version: $version, reason: $reason) { ${EDIT_RESULT} } }
`;

// The preview shows the record being edited as the public page would: the same selection as the
// public page's query (one fragment), so the same components render it.
export const PREVIEW_QUERY = /* GraphQL */ `
  query InitiativePreview($slug: String!, $lang: String!) {
    editableInitiative(slug: $slug) {
      preview { ...InitiativeProfile }
    }
  }
  ${INITIATIVE_PROFILE_FRAGMENTS}
`;
