// The web pages' only way to the registry: GraphQL over HTTP to the node named by
// REGISTRY_GRAPHQL_URL (declared in src/env.ts), or the same requests in process when the node
// serves the site (graphql-request.ts). Server-only: it lives under lib/server.
//
// It uses the global fetch on purpose, not a load function's `event.fetch`: the API is usually
// on the same origin as the pages, and SvelteKit answers same-origin `event.fetch` calls
// itself, through its own routes, which have no /graphql.
import { REGISTRY_GRAPHQL_URL } from '$app/env/private';
import { postGraphQL, type GraphQLVariables } from './graphql-request.ts';

export { GraphQLRequestError } from './graphql-request.ts';

/**
 * Runs a query against the registry in the reader's language; throws GraphQLRequestError on any
 * error. `headers`: extra request headers, e.g. the browser's address for a limited action.
 * TData and TVariables are the operation's generated types (lib/generated/operation-types.ts).
 * `lang` is sent as Accept-Language, and as a variable, which GraphQL ignores when undeclared.
 */
export function graphql<TData, TVariables extends GraphQLVariables = GraphQLVariables>(
  query: string,
  variables: TVariables & { lang: string },
  headers?: Readonly<Record<string, string>>,
): Promise<TData> {
  // Validated at start-up (src/env.ts); undefined only while `vite build` analyses the code.
  if (!REGISTRY_GRAPHQL_URL)
    throw new Error(
      'REGISTRY_GRAPHQL_URL is not set. Set it to the GraphQL endpoint of the registry node, e.g. http://127.0.0.1:3000/graphql',
    );
  return postGraphQL<TData>(REGISTRY_GRAPHQL_URL, query, variables, headers ? { lang: variables.lang, headers } : { lang: variables.lang });
}
