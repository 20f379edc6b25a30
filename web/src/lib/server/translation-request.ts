// A reader's request for a translation (the askTranslation action of the initiative and practice
// pages, ADR 0041): sent as the browser's address, since the registry limits requests per client
// and would otherwise count every visitor of the site as one. Nothing about the reader is sent
// but the language and that address, which the registry keeps only hashed in expiring counters.
import { getLogger } from '@logtape/logtape';
import { fail } from '@sveltejs/kit';
import { REGISTRY_GRAPHQL_URL } from '$app/env/private';
import { GraphQLRequestError, postGraphQL } from './graphql-request.ts';
import { siteClientHeaders } from './site-client-address.ts';
import type { RequestTranslationMutation } from '../generated/operation-types.ts';
import type { TranslationAskResult } from '../format/translation-status.ts';
import REQUEST_TRANSLATION from './queries/request-translation.graphql?raw';

const log = getLogger(['umn', 'web', 'translations']);

/** The form's answer: `{ translation }` on success, or a failure the page shows beside the button. */
export async function askForTranslation(
  request: Request,
  kind: 'INITIATIVE' | 'GOOD_PRACTICE',
  id: string,
  clientAddress: string,
  readerLang: string,
) {
  const posted = (await request.formData()).get('language');
  const language = typeof posted === 'string' && posted ? posted : readerLang;
  if (!REGISTRY_GRAPHQL_URL)
    throw new Error(
      'REGISTRY_GRAPHQL_URL is not set. Set it to the GraphQL endpoint of the registry node, e.g. http://127.0.0.1:3000/graphql',
    );
  let answer: RequestTranslationMutation;
  try {
    answer = await postGraphQL<RequestTranslationMutation>(
      REGISTRY_GRAPHQL_URL,
      REQUEST_TRANSLATION,
      { input: { kind, id, language } },
      { lang: readerLang, headers: siteClientHeaders(clientAddress) },
    );
  } catch (caught) {
    if (!(caught instanceof GraphQLRequestError)) throw caught;
    log.error('Asking for a translation of {id} failed: {code}', { id, code: caught.code });
    return fail(503, { translation: { problem: 'unavailable' } satisfies TranslationAskResult });
  }
  const error = answer.result.error;
  if (error) {
    const problem = error.code === 'RATE_LIMITED' ? 'rateLimited' : 'refused';
    return fail(error.code === 'RATE_LIMITED' ? 429 : 400, { translation: { problem } satisfies TranslationAskResult });
  }
  return { translation: { counted: answer.result.counted } satisfies TranslationAskResult };
}
