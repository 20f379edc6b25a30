// One POST to a GraphQL endpoint, without SvelteKit: graphql.ts binds it to the configured
// endpoint; tests call it with a fake fetch.

export interface GraphQLErrorEntry {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export type GraphQLVariables = Readonly<Record<string, unknown>>;

export interface GraphQLRequestOptions {
  /** The reader's interface language, sent as Accept-Language (queries also pass `lang:`). */
  lang: string;
  /** fetch to use; the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** Give up after this many milliseconds (default 10 s), so a stuck node cannot hang a page. */
  timeoutMs?: number;
  /** Extra request headers: a signed-in reader's session cookie and CSRF token (lib/server/session.ts). */
  headers?: Readonly<Record<string, string>>;
  /** Sees the raw response, e.g. to pass the session cookie that signIn sets on to the browser. */
  onResponse?: (response: Response) => void;
}

/**
 * The node hands the site a fetch that runs GraphQL requests in its own process when the site is
 * served by the node (registry-server/src/http/in-process-graphql.ts): the same requests and
 * answers without a loopback socket. A site run on its own (vite dev) uses HTTP.
 */
const IN_PROCESS_GRAPHQL = Symbol.for('umn.registry.graphql-fetch');

function registryFetch(): typeof globalThis.fetch {
  return ((globalThis as Record<symbol, unknown>)[IN_PROCESS_GRAPHQL] as typeof globalThis.fetch | undefined) ?? globalThis.fetch;
}

/** The registry answered with errors, or not with GraphQL at all. `code` says which. */
export class GraphQLRequestError extends Error {
  readonly code: 'GRAPHQL_ERRORS' | 'HTTP_ERROR' | 'NOT_JSON' | 'NO_DATA' | 'UNREACHABLE';
  readonly status: number | undefined;
  readonly errors: readonly GraphQLErrorEntry[];

  constructor(
    code: GraphQLRequestError['code'],
    message: string,
    details: { status?: number; errors?: readonly GraphQLErrorEntry[]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GraphQLRequestError';
    this.code = code;
    this.status = details.status;
    this.errors = details.errors ?? [];
  }
}

/**
 * POSTs `query` with `variables` and returns `data`. Throws GraphQLRequestError when the node
 * cannot be reached, answers something other than GraphQL JSON, or reports any GraphQL error
 * (a page is better as an error page than as silently missing data).
 */
export async function postGraphQL<TData>(
  endpoint: string,
  query: string,
  variables: GraphQLVariables,
  options: GraphQLRequestOptions,
): Promise<TData> {
  const fetchImpl = options.fetch ?? registryFetch();
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: {
        ...options.headers,
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'accept-language': options.lang,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (cause) {
    throw new GraphQLRequestError(
      'UNREACHABLE',
      `The registry's GraphQL endpoint ${endpoint} could not be reached (${(cause as Error).message}). Check that the node runs and that REGISTRY_GRAPHQL_URL points to it.`,
      { cause },
    );
  }

  options.onResponse?.(response);
  let body: { data?: TData | null; errors?: GraphQLErrorEntry[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (cause) {
    throw new GraphQLRequestError(
      'NOT_JSON',
      `The registry's GraphQL endpoint ${endpoint} answered HTTP ${response.status} without a JSON body. Check that REGISTRY_GRAPHQL_URL ends with /graphql.`,
      { status: response.status, cause },
    );
  }

  if (body.errors?.length) {
    const summary = body.errors.map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message)).join('; ');
    throw new GraphQLRequestError('GRAPHQL_ERRORS', `The registry answered the query with errors: ${summary}`, {
      status: response.status,
      errors: body.errors,
    });
  }
  if (!response.ok) {
    throw new GraphQLRequestError('HTTP_ERROR', `The registry's GraphQL endpoint ${endpoint} answered HTTP ${response.status}.`, {
      status: response.status,
    });
  }
  if (body.data == null) {
    throw new GraphQLRequestError('NO_DATA', 'The registry answered without data and without errors.', { status: response.status });
  }
  return body.data;
}
