// "List your initiative" (/list-your-initiative): anyone, without an account, asks for an
// initiative to be listed. The form's logic is in lib/forms/listing-request-form.ts, the registry
// calls in lib/server/listing-request.ts; the registry judges the spam defences (ADR 0029).
import { fail } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { GraphQLRequestError } from '#lib/server/graphql.ts';
import { loadListingFormPage, OFFERED_LANGUAGES, sendListingRequest } from '#lib/server/listing-request.ts';
import {
  checkListingRequestForm,
  problemsFromRequestError,
  readListingRequestForm,
  statusForRequestError,
  type ListingRequestValues,
} from '#lib/forms/listing-request-form.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'listing-requests']);

/** What is sent back to refill the form: never the token nor the hidden field. */
const refill = ({ formToken: _token, honeypot: _honeypot, ...values }: ListingRequestValues) => values;

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  // Each load carries its own token (when the form was loaded): never from a shared cache.
  setHeaders({ 'cache-control': 'private, no-store' });
  return { form: await loadListingFormPage(locals.lang), languages: OFFERED_LANGUAGES };
};

export const actions: Actions = {
  default: async ({ request, locals, getClientAddress }) => {
    const values = readListingRequestForm(await request.formData());
    const local = checkListingRequestForm(values);
    if (local) return fail(400, { values: refill(values), problems: local });
    let outcome: Awaited<ReturnType<typeof sendListingRequest>>;
    try {
      outcome = await sendListingRequest(values, locals.lang, getClientAddress());
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) throw caught;
      // Only the error's code: what the person wrote and their address never reach a log line.
      log.error('A listing request failed: {code}', { code: caught.code });
      return fail(503, { values: refill(values), problems: { fields: {}, general: [{ key: 'listRequestErrorUnavailable' as const }] } });
    }
    if (!outcome.ok) {
      const error = outcome.error ?? { code: 'ACTION_FAILED', message: 'The registry did not take the request and gave no reason.' };
      return fail(statusForRequestError(error.code), { values: refill(values), problems: problemsFromRequestError(error) });
    }
    return { sent: true as const };
  },
};
