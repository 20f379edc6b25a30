// A request to the registry from a page whose visitor has no session (the first-admin setup link,
// the forgotten-password pages): in the visitor's language, with the browser's address for the
// registry's per-client limits. The secrets given (a token, a password) travel as variables only;
// a failure is rethrown with them cut out of its text, so whatever logs it cannot leak them.
import { GraphQLRequestError, postGraphQL, type GraphQLVariables } from './graphql-request.ts';
import { endpoint, type SessionEvent } from './session.ts';
import { siteClientHeaders } from './site-client-address.ts';
import { withoutSecrets } from './log-redaction.ts';

export async function askWithoutSession<TData>(
  event: SessionEvent,
  query: string,
  variables: GraphQLVariables,
  secrets: string[],
): Promise<TData> {
  try {
    return await postGraphQL<TData>(endpoint(), query, variables, {
      lang: event.locals.lang,
      headers: siteClientHeaders(event.getClientAddress?.()),
    });
  } catch (error) {
    if (error instanceof GraphQLRequestError)
      throw new GraphQLRequestError(error.code, withoutSecrets(error.message, secrets.filter(Boolean)), { status: error.status });
    throw error;
  }
}
