// The first-admin setup link (/setup/<token>) that a node started with no admin logs (ADR 0032).
// Opening it changes nothing; the page asks the registry whether the link still works (once, for
// one hour, while the node has no admin) and shows the form; posting it creates the admin account,
// then the person signs in. The token never reaches a log line nor another site (Referer).
import { fail, redirect } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { GraphQLRequestError } from '#lib/server/graphql-request.ts';
import { createFirstAdmin, setupLinkUsable } from '#lib/server/first-admin-setup.ts';
import { checkFirstAdminForm, firstAdminProblems, readFirstAdminForm } from '#lib/forms/manage/first-admin-form.ts';
import { unavailableProblems } from '#lib/forms/manage/form-problems.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'setup']);

export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'same-origin', 'x-robots-tag': 'noindex' });
  return { usable: await setupLinkUsable(event, event.params.token) };
};

export const actions: Actions = {
  default: async (event) => {
    const input = readFirstAdminForm(await event.request.formData());
    // The address comes back to the form; the passwords never do.
    const posted = { email: input.email };
    const local = checkFirstAdminForm(input);
    if (local) return fail(400, { problems: local, posted });
    let error: Awaited<ReturnType<typeof createFirstAdmin>>;
    try {
      error = await createFirstAdmin(event, event.params.token, input.email, input.password);
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) throw caught;
      log.error('Creating the first admin failed: {code}', { code: caught.code });
      return fail(503, { problems: unavailableProblems(), posted });
    }
    if (error?.code === 'LINK_INVALID') return fail(410, { invalid: true });
    if (error) return fail(400, { problems: firstAdminProblems(error), posted });
    redirect(303, '/sign-in?setup');
  },
};
