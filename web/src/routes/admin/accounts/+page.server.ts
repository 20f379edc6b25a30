// The node's accounts (admins): e-mail address, role, initiatives, since when, and the admin's
// levers (ADR 0012): disable or re-enable an account, take an initiative from an editor, make a
// password reset link for someone who forgot theirs (shown once, to pass on; ADR 0025), change
// its role and make it an editor of another initiative (ADR 0032). Each is
// a form post, so it works without JavaScript. Private: the page is never cached (see the admin
// layout) and never indexed.
import { fail } from '@sveltejs/kit';
import { loadAs, requireAdmin } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import {
  ACCOUNTS_QUERY,
  CREATE_PASSWORD_RESET_LINK,
  DISABLE_ACCOUNT,
  ENABLE_ACCOUNT,
  REMOVE_EDITOR,
  type ApiError,
} from '#lib/server/manage/admin-queries.ts';
import { textField } from '#lib/forms/manage/form-problems.ts';
import { addEditor, changeRole } from '#lib/server/manage/people-actions.ts';
import type { Actions, PageServerLoad } from './$types';
import type { AccountsQuery, CreatePasswordResetLinkMutation } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  const { accounts, initiatives } = await loadAs<AccountsQuery>(event, ACCOUNTS_QUERY);
  // Only this node's own initiatives can be given to an editor; their names, for every initiative shown.
  const local = initiatives.edges.map((edge) => edge.node).filter((node) => node.origin.isLocal);
  return { accounts, initiatives: local.map((node) => ({ slug: node.slug, name: node.name.text })) };
};

type Result = { account: { id: string; email: string } | null; error: ApiError | null };

/** One action on one account; the answer names what was done and to whom, for the confirmation. */
function accountAction(mutation: string, done: 'disabled' | 'enabled' | 'editorRemoved'): Actions[string] {
  return async (event) => {
    const form = await event.request.formData();
    const id = textField(form, 'account');
    const initiative = textField(form, 'initiative');
    const variables = done === 'editorRemoved' ? { account: id, initiative } : { id };
    const outcome = await runMutation<Result>(event, form, mutation, variables, { formId: id });
    if (!outcome.ok) {
      // The registry refuses your own account and the last admin as a state: say which in words.
      if (done === 'disabled' && outcome.failure.data.problems.general.some((p) => 'key' in p && p.key === 'manageErrorInvalidState')) {
        return fail(409, { problems: { fields: {}, general: [{ key: 'accountErrorCannotDisable' as const }] }, formId: id });
      }
      return outcome.failure;
    }
    return { done, target: outcome.result.account?.email ?? '', initiative };
  };
}

export const actions: Actions = {
  disable: accountAction(DISABLE_ACCOUNT, 'disabled'),
  enable: accountAction(ENABLE_ACCOUNT, 'enabled'),
  removeEditor: accountAction(REMOVE_EDITOR, 'editorRemoved'),
  changeRole,
  addEditor,
  resetLink: async (event) => {
    const form = await event.request.formData();
    const id = textField(form, 'account');
    const outcome = await runMutation<CreatePasswordResetLinkMutation['result']>(
      event,
      form,
      CREATE_PASSWORD_RESET_LINK,
      { account: id },
      { formId: id },
    );
    if (!outcome.ok) return outcome.failure;
    // The page is private and never cached (admin layout): the link is shown this once.
    const { accounts } = await loadAs<AccountsQuery>(event, ACCOUNTS_QUERY);
    const email = accounts.find((account) => account.id === id)?.email ?? '';
    return { resetLink: { url: outcome.result.url ?? '', expiresAt: outcome.result.expiresAt ?? '', email } };
  },
};
