// An initiative's page (/initiatives/<slug>, also its ActivityPub id: the node answers
// application/activity+json requests for this URL itself, before the site). 404 in the
// reader's language when this node published no initiative with that handle.
// Its form action `contact` writes to the initiative through the registry's contact relay
// (the form's logic: lib/forms/contact-form.ts).
import { error, fail } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { loadInitiativePage } from '#lib/server/initiative-page.ts';
import { RECORD_PAGE_HEADERS } from '#lib/server/record-page-headers.ts';
import { graphql, GraphQLRequestError } from '#lib/server/graphql.ts';
import { sendRelayMessage } from '#lib/server/contact-relay.ts';
import { checkContactForm, problemsFromSendError, readContactForm, statusForSendError } from '#lib/forms/contact-form.ts';
import { formatDate } from '#lib/format/dates.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'contact']);

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  const initiative = await loadInitiativePage(params.slug, locals.lang);
  if (!initiative) error(404);
  setHeaders(RECORD_PAGE_HEADERS);
  return { initiative, updatedAtText: formatDate(initiative.updatedAt, locals.lang) };
};

export const actions: Actions = {
  contact: async ({ request, params, locals }) => {
    const values = readContactForm(await request.formData());
    const local = checkContactForm(values);
    if (local) return fail(400, { contact: { values, problems: local } });
    const initiative = await loadInitiativePage(params.slug, locals.lang);
    if (!initiative) error(404);
    let outcome: Awaited<ReturnType<typeof sendRelayMessage>>;
    try {
      outcome = await sendRelayMessage(initiative.id, values, locals.lang, graphql);
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) throw caught;
      // Only the error: the message and the sender's address never reach a log line.
      log.error('Relaying a message to {slug} failed: {code}', { slug: params.slug, code: caught.code });
      return fail(503, { contact: { values, problems: { fields: {}, general: [{ key: 'contactErrorUnavailable' as const }] } } });
    }
    if (!outcome.ok) {
      const sendError = outcome.error ?? { code: 'ACTION_FAILED', message: 'The registry did not relay the message and gave no reason.' };
      return fail(statusForSendError(sendError.code), { contact: { values, problems: problemsFromSendError(sendError) } });
    }
    return { contact: { sent: true as const } };
  },
};
