// An invitation link (https://<node>/invitations/<token>): what it is for, and the form that
// creates the account. The form logic is in lib/forms/invitation-form.ts; the registry calls in
// lib/server/invitation.ts. The token never reaches a log line.
import { fail } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { acceptInvitation, loadInvitation } from '#lib/server/invitation.ts';
import { GraphQLRequestError } from '#lib/server/graphql.ts';
import {
  checkInvitationForm,
  invitationProblems,
  readInvitationForm,
  statusForError,
  unavailableProblem,
} from '#lib/forms/invitation-form.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'invitations']);

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  setHeaders({
    // The page is about one person's invitation: no shared caches, no search engines, and the
    // secret address is not sent as Referer to other sites. (Not `no-referrer`: browsers then
    // send `Origin: null` with the form, which SvelteKit's CSRF check refuses.)
    'cache-control': 'private, no-store',
    'referrer-policy': 'same-origin',
    'x-robots-tag': 'noindex',
  });
  return { state: await loadInvitation(params.token, locals.lang) };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const input = readInvitationForm(await request.formData());
    // Only the e-mail address is ever sent back; the passwords are not.
    const local = checkInvitationForm(input);
    if (local) return fail(400, { email: input.email, problems: local });

    let result: Awaited<ReturnType<typeof acceptInvitation>>;
    try {
      result = await acceptInvitation(params.token, input.email, input.password, locals.lang, getClientAddress());
    } catch (error) {
      if (!(error instanceof GraphQLRequestError)) throw error;
      // The registry is down or failed: keep the reader on the form, and tell the operators.
      log.error('Accepting an invitation failed: {error}', { error });
      return fail(503, { email: input.email, problems: unavailableProblem() });
    }
    if (result.error || !result.account) {
      const error = result.error ?? { code: 'NO_ACCOUNT', message: 'The registry created no account and gave no reason.' };
      return fail(statusForError(error.code), { email: input.email, problems: invitationProblems(error) });
    }
    return { account: { email: result.account.email } };
  },
};
