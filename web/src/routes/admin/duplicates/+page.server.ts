// Likely duplicates (moderators, ADR 0052): pairs of this node's listings and partners' copies
// that look like one organisation, with the reasons; a moderator confirms (the listings are
// linked here and on partners, and search shows one entry) or rejects (never proposed again),
// and may undo a link. Every action is a plain form post.
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { CONFIRM_DUPLICATE, DUPLICATE_PAIRS_QUERY, REJECT_DUPLICATE, UNLINK_DUPLICATE } from '#lib/server/manage/duplicate-queries.ts';
import { textField } from '#lib/forms/manage/form-problems.ts';
import type { ApiError } from '#lib/server/manage/admin-queries.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { DuplicatePairsQuery } from '#lib/generated/operation-types.ts';

// Moderators and admins only: the admin layout sends anyone else away.
export const load: PageServerLoad = (event) => loadAs<DuplicatePairsQuery>(event, DUPLICATE_PAIRS_QUERY, { lang: event.locals.lang });

async function decide(event: RequestEvent, mutation: string, done: 'confirmed' | 'rejected' | 'unlinked') {
  const form = await event.request.formData();
  const id = textField(form, 'id');
  const outcome = await runMutation<{ error: ApiError | null }>(event, form, mutation, { id }, { formId: id });
  if (!outcome.ok) return outcome.failure;
  return { done };
}

export const actions: Actions = {
  confirm: (event) => decide(event, CONFIRM_DUPLICATE, 'confirmed'),
  reject: (event) => decide(event, REJECT_DUPLICATE, 'rejected'),
  unlink: (event) => decide(event, UNLINK_DUPLICATE, 'unlinked'),
};
