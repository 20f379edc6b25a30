// The review queue: initiatives and good practices (or their changes) waiting for a moderator,
// oldest first; a change to a published listing comes with what it changes, value by value
// against the published version (the registry compares them), and approve or send back with a
// reason the editors will see.
import { fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { REVIEW_QUEUE_QUERY } from '#lib/server/manage/admin-queries.ts';
import { APPROVE, REJECT, type EditResult } from '#lib/server/manage/editor-queries.ts';
import { checkRejectReason } from '#lib/forms/manage/review-changes.ts';
import { textField } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';
import type { ListingRequestsQuery, ReviewQueueQuery } from '#lib/generated/operation-types.ts';
import {
  APPROVE_LISTING_REQUEST,
  DECLINE_LISTING_REQUEST,
  LISTING_REQUESTS_QUERY,
  type ApproveListingResult,
  type DeclineListingResult,
  ASK_LISTING_CHANGES,
  type AskListingChangesResult,
} from '#lib/server/manage/listing-request-queries.ts';

type QueueEntry = ReviewQueueQuery['reviewQueue'][number];
const isListingDraft = (item: QueueEntry): item is Extract<QueueEntry, { __typename: 'InitiativeDraft' | 'GoodPracticeDraft' }> =>
  item.__typename === 'InitiativeDraft' || item.__typename === 'GoodPracticeDraft';

export const load: PageServerLoad = async (event) => {
  const [{ reviewQueue }, { listingRequests }] = await Promise.all([
    loadAs<ReviewQueueQuery>(event, REVIEW_QUEUE_QUERY),
    loadAs<ListingRequestsQuery>(event, LISTING_REQUESTS_QUERY),
  ]);
  // Initiatives asked for on the public form (point 2 of issue 14): approved with an invitation, or declined with a reason.
  const requests = new Map(listingRequests.map((r) => [r.initiative, { askedAt: r.askedAt, askerEmail: r.askerEmail ?? null }]));
  return {
    // Market records (issue 15) are reviewed through GraphQL until their pages come (ADR 0033).
    queue: reviewQueue.filter(isListingDraft).map((item) => ({
      kind: item.__typename === 'InitiativeDraft' ? ('initiative' as const) : ('practice' as const),
      // The decision names the record by its global id: an initiative and a good practice may
      // share a short name, and a bare one is looked up among initiatives first.
      id: item.id,
      slug: item.slug,
      // What names the item on the page (element ids, which form was refused): unique even then.
      key: item.__typename === 'InitiativeDraft' ? item.slug : `practice-${item.slug}`,
      version: item.version,
      isChange: item.state === 'PUBLISHED',
      updatedAt: item.updatedAt,
      name: ('name' in item.preview ? item.preview.name : item.preview.title) ?? {
        text: item.slug,
        language: 'und',
        direction: 'LTR' as const,
        isFallback: false,
      },
      changes: item.changesToReview,
      listingRequest: item.__typename === 'InitiativeDraft' ? (requests.get(item.slug) ?? null) : null,
    })),
  };
};

export const actions: Actions = {
  approve: async (event) => {
    const form = await event.request.formData();
    const slug = textField(form, 'slug');
    const key = textField(form, 'key') || slug;
    const outcome = await runMutation<EditResult>(
      event,
      form,
      APPROVE,
      { id: textField(form, 'id') || slug, version: Number(form.get('version')) },
      { formId: key },
    );
    if (!outcome.ok) return outcome.failure;
    return { approved: slug };
  },
  approveRequest: async (event) => {
    const form = await event.request.formData();
    const slug = textField(form, 'slug');
    const email = textField(form, 'askerEmail');
    const outcome = await runMutation<ApproveListingResult>(
      event,
      form,
      APPROVE_LISTING_REQUEST,
      {
        id: slug,
        version: Number(form.get('version')),
      },
      { formId: slug },
    );
    if (!outcome.ok) return outcome.failure;
    // The link is shown once, to pass on when the node could not e-mail it.
    return { approvedRequest: slug, invitation: outcome.result.invitation, askerEmail: email };
  },
  // Sent back unpublished with a reason, and the person who asked invited to make the changes (ADR 0029).
  askChangesRequest: async (event) => {
    const form = await event.request.formData();
    const slug = textField(form, 'slug');
    const reason = textField(form, 'reason');
    const reasonId = `ask-${slug}`;
    const formId = `ask-${slug}`;
    if (checkRejectReason(reason))
      return fail(400, {
        problems: { fields: { [reasonId]: { key: 'listRequestErrorReason' as const } }, general: [] },
        posted: reason,
        formId,
      });
    const outcome = await runMutation<AskListingChangesResult, string>(
      event,
      form,
      ASK_LISTING_CHANGES,
      { id: slug, version: Number(form.get('version')), reason },
      { fieldIds: { reason: reasonId }, posted: reason, formId },
    );
    if (!outcome.ok) return outcome.failure;
    // The link is shown once with the reason, to pass both on when the node could not e-mail them.
    return { changesAskedRequest: slug, invitation: outcome.result.invitation, askerEmail: textField(form, 'askerEmail'), reason };
  },
  declineRequest: async (event) => {
    const form = await event.request.formData();
    const slug = textField(form, 'slug');
    const reason = textField(form, 'reason');
    const reasonId = `decline-${slug}`;
    if (checkRejectReason(reason))
      return fail(400, {
        problems: { fields: { [reasonId]: { key: 'listRequestErrorReason' as const } }, general: [] },
        posted: reason,
        formId: slug,
      });
    const outcome = await runMutation<DeclineListingResult, string>(
      event,
      form,
      DECLINE_LISTING_REQUEST,
      { id: slug, version: Number(form.get('version')), reason },
      { fieldIds: { reason: reasonId }, posted: reason, formId: slug },
    );
    if (!outcome.ok) return outcome.failure;
    return { declinedRequest: slug, askerTold: outcome.result.askerTold };
  },
  reject: async (event) => {
    const form = await event.request.formData();
    const slug = textField(form, 'slug');
    const key = textField(form, 'key') || slug;
    const reason = textField(form, 'reason');
    const reasonId = `reason-${key}`;
    const local = checkRejectReason(reason);
    if (local) return fail(400, { problems: { fields: { [reasonId]: { key: local } }, general: [] }, posted: reason, formId: key });
    const outcome = await runMutation<EditResult, string>(
      event,
      form,
      REJECT,
      { id: textField(form, 'id') || slug, version: Number(form.get('version')), reason },
      { fieldIds: { reason: reasonId }, posted: reason, formId: key },
    );
    if (!outcome.ok) return outcome.failure;
    return { rejected: slug };
  },
};
