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
import type { ReviewQueueQuery } from '#lib/generated/operation-types.ts';

type QueueEntry = ReviewQueueQuery['reviewQueue'][number];
const isListingDraft = (item: QueueEntry): item is Exclude<QueueEntry, { __typename: 'MarketRecordDraft' }> =>
  item.__typename !== 'MarketRecordDraft';

export const load: PageServerLoad = async (event) => {
  const { reviewQueue } = await loadAs<ReviewQueueQuery>(event, REVIEW_QUEUE_QUERY);
  return {
    // Market records (issue 15) are reviewed through GraphQL until their pages come (ADR 0033).
    queue: reviewQueue.filter(isListingDraft).map((item) => ({
      kind: item.__typename === 'InitiativeDraft' ? ('initiative' as const) : ('practice' as const),
      slug: item.slug,
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
    })),
  };
};

export const actions: Actions = {
  approve: async (event) => {
    const form = await event.request.formData();
    const slug = textField(form, 'slug');
    const outcome = await runMutation<EditResult>(
      event,
      form,
      APPROVE,
      { id: slug, version: Number(form.get('version')) },
      { formId: slug },
    );
    if (!outcome.ok) return outcome.failure;
    return { approved: slug };
  },
  reject: async (event) => {
    const form = await event.request.formData();
    const slug = textField(form, 'slug');
    const reason = textField(form, 'reason');
    const reasonId = `reason-${slug}`;
    const local = checkRejectReason(reason);
    if (local) return fail(400, { problems: { fields: { [reasonId]: { key: local } }, general: [] }, posted: reason, formId: slug });
    const outcome = await runMutation<EditResult, string>(
      event,
      form,
      REJECT,
      { id: slug, version: Number(form.get('version')), reason },
      { fieldIds: { reason: reasonId }, posted: reason, formId: slug },
    );
    if (!outcome.ok) return outcome.failure;
    return { rejected: slug };
  },
};
