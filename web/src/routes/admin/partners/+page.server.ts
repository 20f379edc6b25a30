// Partner nodes (admins): each partner with the follow in both directions, its last catalogue
// copy and delivery health; ask to follow a node; answer a node's request to follow this one;
// stop following; block and unblock a domain. Every action is a form post.
import { fail } from '@sveltejs/kit';
import { loadAs, requireAdmin } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import {
  APPROVE_PARTNER,
  BLOCK_DOMAIN,
  FOLLOW_PARTNER,
  PARTNERS_QUERY,
  REJECT_PARTNER,
  UNBLOCK_DOMAIN,
  UNFOLLOW_PARTNER,
  type ApiError,
} from '#lib/server/manage/admin-queries.ts';
import { textField } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';
import type { PartnersQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  return loadAs<PartnersQuery>(event, PARTNERS_QUERY);
};

type Result = { error: ApiError | null };

/** One partner action by actor IRI; the answer names what was done, for the confirmation. */
function partnerAction(mutation: string, done: string): Actions[string] {
  return async (event) => {
    const form = await event.request.formData();
    const actor = textField(form, 'actor');
    const outcome = await runMutation<Result>(event, form, mutation, { actor }, { formId: actor });
    if (!outcome.ok) return outcome.failure;
    return { done, target: actor };
  };
}

export const actions: Actions = {
  follow: async (event) => {
    const form = await event.request.formData();
    const target = textField(form, 'target');
    if (target === '')
      return fail(400, {
        problems: { fields: { target: { key: 'partnerErrorTargetMissing' } }, general: [] },
        posted: target,
        formId: 'follow',
      });
    const outcome = await runMutation<Result, string>(
      event,
      form,
      FOLLOW_PARTNER,
      { target },
      { fieldIds: { target: 'target' }, posted: target, formId: 'follow' },
    );
    if (!outcome.ok) return outcome.failure;
    return { done: 'followed', target };
  },
  approve: partnerAction(APPROVE_PARTNER, 'approved'),
  reject: partnerAction(REJECT_PARTNER, 'rejected'),
  unfollow: partnerAction(UNFOLLOW_PARTNER, 'unfollowed'),
  block: async (event) => {
    const form = await event.request.formData();
    const domain = textField(form, 'domain').toLowerCase();
    const reason = textField(form, 'reason');
    if (domain === '')
      return fail(400, {
        problems: { fields: { domain: { key: 'partnerErrorDomainMissing' } }, general: [] },
        posted: domain,
        formId: 'block',
      });
    const outcome = await runMutation<Result, string>(
      event,
      form,
      BLOCK_DOMAIN,
      { domain, reason: reason || null },
      { fieldIds: { domain: 'domain', reason: 'block-reason' }, posted: domain, formId: 'block' },
    );
    if (!outcome.ok) return outcome.failure;
    return { done: 'blocked', target: domain };
  },
  unblock: async (event) => {
    const form = await event.request.formData();
    const domain = textField(form, 'domain');
    const outcome = await runMutation<Result>(event, form, UNBLOCK_DOMAIN, { domain }, { formId: domain });
    if (!outcome.ok) return outcome.failure;
    return { done: 'unblocked', target: domain };
  },
};
