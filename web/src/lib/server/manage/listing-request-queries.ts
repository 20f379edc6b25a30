// The moderators' operations on requests from the public "list your initiative" form (the
// review page): which queued initiatives were asked for, and approving (with the invitation)
// asking for changes (with the invitation, unpublished) or declining them. Types are generated from the .graphql files (ADR 0015).
import type {
  ApproveListingRequestMutation,
  AskListingChangesMutation,
  DeclineListingRequestMutation,
} from '../../generated/operation-types.ts';

export { default as LISTING_REQUESTS_QUERY } from './queries/listing-requests.graphql?raw';
export { default as APPROVE_LISTING_REQUEST } from './queries/approve-listing-request.graphql?raw';
export { default as ASK_LISTING_CHANGES } from './queries/ask-listing-changes.graphql?raw';
export { default as DECLINE_LISTING_REQUEST } from './queries/decline-listing-request.graphql?raw';

export type ApproveListingResult = ApproveListingRequestMutation['result'];
export type AskListingChangesResult = AskListingChangesMutation['result'];
export type DeclineListingResult = DeclineListingRequestMutation['result'];
