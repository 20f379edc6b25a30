// The sign-in page. A plain form post to the default action: the registry checks the password
// (rate-limited per account and per address) and sets the session cookie, which
// lib/server/session.ts copies onto this answer; then the reader goes on to the page they came
// for (`next`, a path on this site only) or to their own page.
import { fail, redirect } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { GraphQLRequestError } from '#lib/server/graphql-request.ts';
import { signIn } from '#lib/server/session.ts';
import { SIGNED_IN_HOME, safeNextPath } from '#lib/server/next-path.ts';
import { checkSignInForm, readSignInForm, signInProblems, signInStatus } from '#lib/forms/manage/sign-in-form.ts';
import { unavailableProblems } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'sign-in']);

export const load: PageServerLoad = async ({ url, parent, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
  const { account } = await parent();
  const next = safeNextPath(url.searchParams.get('next'));
  // Already signed in: nothing to do here.
  if (account) redirect(303, next);
  return {
    next,
    signedOut: url.searchParams.has('signed-out'),
    trusted: url.searchParams.has('trusted'),
    reset: url.searchParams.has('reset'),
    setup: url.searchParams.has('setup'),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const input = readSignInForm(await event.request.formData());
    const next = safeNextPath(input.next);
    // Only the e-mail address is ever sent back; the password is not.
    const local = checkSignInForm(input);
    if (local) return fail(400, { email: input.email, problems: local });
    let error: Awaited<ReturnType<typeof signIn>>;
    try {
      error = await signIn(event, input.email, input.password);
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) throw caught;
      log.error('Signing in failed: {error}', { error: caught });
      return fail(503, { email: input.email, problems: unavailableProblems() });
    }
    if (error) return fail(signInStatus(error.code), { email: input.email, problems: signInProblems(error) });
    // No page asked for: the reader's own page, which sends the admin of a new node on to its
    // first-run page (routes/account/+page.server.ts).
    redirect(303, next === SIGNED_IN_HOME ? `${SIGNED_IN_HOME}?signed-in` : next);
  },
};
