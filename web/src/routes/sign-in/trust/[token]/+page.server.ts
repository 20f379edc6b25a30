// The link e-mailed to the owner of an account that others have locked
// (/sign-in/trust/<token>, docs/adr/0011). Opening it changes nothing: mail scanners and link
// previews fetch links too. Confirming the form makes this browser a trusted device of the
// account, then the owner signs in as usual. The token never reaches a log line.
import { fail, redirect } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { GraphQLRequestError } from '#lib/server/graphql-request.ts';
import { trustThisDevice } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'sign-in']);

export const load: PageServerLoad = async ({ setHeaders }) => {
  // One person's secret link: no shared caches, no search engines, no Referer to other sites.
  setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'same-origin', 'x-robots-tag': 'noindex' });
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    let error: Awaited<ReturnType<typeof trustThisDevice>>;
    try {
      error = await trustThisDevice(event, event.params.token);
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) throw caught;
      log.error('Trusting a device failed: {code}', { code: caught.code });
      return fail(503, { invalid: true });
    }
    if (error) return fail(410, { invalid: true });
    redirect(303, '/sign-in?trusted');
  },
};
