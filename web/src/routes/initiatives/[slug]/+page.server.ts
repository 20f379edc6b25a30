// An initiative's page (/initiatives/<slug>, also its ActivityPub id: the node answers
// application/activity+json requests for this URL itself, before the site). 404 in the
// reader's language when this node published no initiative with that handle.
// Its form action `askTranslation` counts a reader's request for their language (ADR 0041).
// Its form action `contact` writes to the initiative through the registry's contact relay
// (the form's logic: lib/forms/contact-form.ts).
import { error, fail } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { loadInitiativePage } from '#lib/server/initiative-page.ts';
import { RECORD_PAGE_HEADERS } from '#lib/server/record-page-headers.ts';
import { REGISTRY_GRAPHQL_URL } from '$app/env/private';
import { GraphQLRequestError, postGraphQL } from '#lib/server/graphql-request.ts';
import { siteClientHeaders } from '#lib/server/site-client-address.ts';
import { sendRelayMessage } from '#lib/server/contact-relay.ts';
import type { RegistryQuery } from '#lib/server/search-page.ts';
import { checkContactForm, problemsFromSendError, readContactForm, statusForSendError } from '#lib/forms/contact-form.ts';
import { formatDate } from '#lib/format/dates.ts';
import { loadMarketRecordsOf } from '#lib/server/market-pages.ts';
import { askForTranslation } from '#lib/server/translation-request.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'contact']);

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  // Its open needs and openings (issue 15 point 6), asked at the same time as the initiative (one
  // request after the other doubled the page's wait and the node's work per page, issue 13); the
  // owner handle is unique on a node only, so the records of the initiative's own node are kept.
  const [initiative, records] = await Promise.all([
    loadInitiativePage(params.slug, locals.lang),
    loadMarketRecordsOf({ initiative: [params.slug], kind: ['NEED', 'OPENING'] }, locals.lang),
  ]);
  if (!initiative) error(404);
  setHeaders(RECORD_PAGE_HEADERS);
  const market = initiative.origin.isLocal ? records.filter((record) => record.node === initiative.node.slug) : [];
  return { initiative, market, updatedAtText: formatDate(initiative.updatedAt, locals.lang) };
};

export const actions: Actions = {
  // The registry finds the initiative by its slug and refuses one it does not publish.
  askTranslation: async ({ request, params, locals, getClientAddress }) =>
    askForTranslation(request, 'INITIATIVE', params.slug, getClientAddress(), locals.lang),
  contact: async ({ request, params, locals, getClientAddress }) => {
    const values = readContactForm(await request.formData());
    const local = checkContactForm(values);
    if (local) return fail(400, { contact: { values, problems: local } });
    const initiative = await loadInitiativePage(params.slug, locals.lang);
    if (!initiative) error(404);
    let outcome: Awaited<ReturnType<typeof sendRelayMessage>>;
    // The relay allows so many messages per address and hour: it must count the browser's
    // address, not this server's, or every visitor of the site would share one allowance.
    const asBrowser: RegistryQuery = (query, variables) => {
      if (!REGISTRY_GRAPHQL_URL)
        throw new Error(
          'REGISTRY_GRAPHQL_URL is not set. Set it to the GraphQL endpoint of the registry node, e.g. http://127.0.0.1:3000/graphql',
        );
      return postGraphQL(REGISTRY_GRAPHQL_URL, query, variables, { lang: variables.lang, headers: siteClientHeaders(getClientAddress()) });
    };
    try {
      outcome = await sendRelayMessage(initiative.id, values, locals.lang, asBrowser);
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
