// The password reset link (/sign-in/reset/<token>), e-mailed or passed on by the admin. Opening
// it changes nothing (mail scanners open links too): the page asks whether the link still works
// and shows the form; posting it sets the new password, which ends every session of the account,
// then the person signs in with it. The token never reaches a log line nor another site (Referer).
import { fail, redirect } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { GraphQLRequestError } from '#lib/server/graphql-request.ts';
import { resetLinkUsable, resetPassword } from '#lib/server/password-reset.ts';
import { checkResetForm, readResetForm, resetProblems } from '#lib/forms/manage/password-reset-form.ts';
import { unavailableProblems } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'sign-in']);

export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'same-origin', 'x-robots-tag': 'noindex' });
  return { usable: await resetLinkUsable(event, event.params.token) };
};

export const actions: Actions = {
  default: async (event) => {
    const input = readResetForm(await event.request.formData());
    // The passwords are never sent back to the page.
    const local = checkResetForm(input);
    if (local) return fail(400, { problems: local });
    let error: Awaited<ReturnType<typeof resetPassword>>;
    try {
      error = await resetPassword(event, event.params.token, input.newPassword);
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) throw caught;
      log.error('Setting a new password failed: {code}', { code: caught.code });
      return fail(503, { problems: unavailableProblems() });
    }
    if (error?.code === 'LINK_INVALID') return fail(410, { invalid: true });
    if (error) return fail(error.code === 'RATE_LIMITED' ? 429 : 400, { problems: resetProblems(error) });
    redirect(303, '/sign-in?reset');
  },
};
