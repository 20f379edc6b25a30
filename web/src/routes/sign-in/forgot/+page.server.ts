// "Forgot your password?": with SMTP, a form that asks the registry to e-mail a link (the same
// answer whether or not the address has an account); without, the page says to ask the node's
// admin, who makes the link on the accounts page.
import { fail } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { GraphQLRequestError } from '#lib/server/graphql-request.ts';
import { requestReset, resetByEmail } from '#lib/server/password-reset.ts';
import { checkForgotForm, forgotProblems, readForgotForm } from '#lib/forms/manage/password-reset-form.ts';
import { unavailableProblems } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'sign-in']);

export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
  return { byEmail: await resetByEmail(event) };
};

export const actions: Actions = {
  default: async (event) => {
    const input = readForgotForm(await event.request.formData());
    const local = checkForgotForm(input);
    if (local) return fail(400, { email: input.email, problems: local });
    let error: Awaited<ReturnType<typeof requestReset>>;
    try {
      error = await requestReset(event, input.email);
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) throw caught;
      log.error('Asking for a password reset failed: {code}', { code: caught.code });
      return fail(503, { email: input.email, problems: unavailableProblems() });
    }
    if (error) return fail(error.code === 'RATE_LIMITED' ? 429 : 400, { email: input.email, problems: forgotProblems(error) });
    return { sent: true };
  },
};
