// GraphQL over HTTP at /graphql (GET for queries, POST with JSON), on Apollo Server. A ~40-line
// glue around executeHTTPGraphQLRequest instead of @as-integrations/express5, so errors reach
// Express's error handler and the context is built our way.
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Registry } from '../registry.ts';
import { connectingAddressOf } from '../http/client-address.ts';
import { parseAcceptLanguage } from '../records/language.ts';
import { logger } from '../config/logging.ts';
import { graphqlServices, type GraphQLContext, type GraphQLServices } from './context.ts';
import { formatError } from './graphql-errors.ts';
import { loadTypeDefs } from './graphql-schema.ts';
import { createLoaders } from './loaders.ts';
import { clientAddress, requestActor } from './request-actor.ts';
import { DEVICE_COOKIE, readCookie, sessionCookie } from '../accounts/session-cookie.ts';
import { queryLimitsRule } from './query-limits.ts';
import { CompiledQueries, compiledQueriesPlugin, type CompiledQueriesOptions } from './compiled-queries.ts';
import { DirectAnswers } from './direct-answers.ts';
import { resolvers } from './resolvers/index.ts';
import type { GraphQLResponseCache } from './graphql-response-cache.ts';
import type { FederationRuntime } from '../federation/federation-runtime.ts';

export interface GraphQLHandler {
  /** Express route handler of /graphql. */
  handle(req: Request, res: Response, next: NextFunction): Promise<void>;
  /** Runs one GraphQL-over-HTTP request given as its parts (the site's own, in process: http/in-process-graphql.ts). */
  execute(request: GraphQLRequestHead): Promise<GraphQLAnswer>;
  stop(): Promise<void>;
}

/** What the API needs of a request, whether it came over HTTP or from the site in this process. */
export interface GraphQLRequestHead {
  method: string;
  headers: IncomingHttpHeaders;
  /** The URL's query string with its "?" (GET queries), or "". */
  search: string;
  /** The parsed JSON body of a POST. */
  body: unknown;
  /** Address of the connection, for rate limits (request-actor.ts). */
  remoteAddress: string | undefined;
}

/** A complete answer: status, headers (Set-Cookie among them, once per cookie) and the JSON text. */
export interface GraphQLAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

export interface GraphQLHandlerOptions {
  /** Cache of anonymous GET answers, filled here and served before Express (see main.ts). */
  cache?: GraphQLResponseCache;
  /** Current generation of the public data, for the cache. */
  generation?: () => number;
  /** Federation, for the partner administration fields. */
  federation?: FederationRuntime;
  /**
   * The compiled queries (tests look into them), told of what they answer; one of this schema's
   * own otherwise.
   */
  compiledQueries?: (schema: GraphQLSchema, onAnswered: CompiledQueriesOptions['onAnswered']) => CompiledQueries;
  /** The direct answers (tests look into them). */
  directAnswers?: DirectAnswers;
}

export async function createGraphQLHandler(registry: Registry, options: GraphQLHandlerOptions = {}): Promise<GraphQLHandler> {
  const schema = makeExecutableSchema<GraphQLContext>({ typeDefs: loadTypeDefs(), resolvers });
  const direct = options.directAnswers ?? new DirectAnswers();
  const onAnswered: CompiledQueriesOptions['onAnswered'] = (query, operationName, compiled) =>
    direct.learnQuery(query, operationName, compiled);
  const server = new ApolloServer<GraphQLContext>({
    schema,
    validationRules: [queryLimitsRule()],
    // Thousands of tokens are refused while parsing, before validation even starts.
    parseOptions: { maxTokens: 5_000 },
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Mutations never run over GET and POST only takes JSON bodies, which browsers cannot send
    // cross-origin without a preflight; Apollo's extra CSRF check would refuse plain GET
    // queries, which the GraphQL-over-HTTP specification allows (docs/adr/0002).
    csrfPrevention: false,
    // No cache hints are used (the response cache has its own rules): the cache-control plugin
    // would only wrap every resolver for nothing.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // Queries seen before run compiled by graphql-jit (compiled-queries.ts, ADR 0019).
      compiledQueriesPlugin(options.compiledQueries?.(schema, onAnswered) ?? new CompiledQueries(schema, { onAnswered })),
    ],
    logger: apolloLogger(),
  });
  await server.start();
  const services = graphqlServices(registry);

  async function execute(request: GraphQLRequestHead): Promise<GraphQLAnswer> {
    const cookies: string[] = [];
    // Set when a resolver made something for this request only (a form token): no cache keeps the answer.
    let privateAnswer = false;
    const context = () =>
      requestContext(
        services,
        request,
        (cookie) => cookies.push(cookie),
        options.federation ?? null,
        () => (privateAnswer = true),
      );
    // A query Apollo has accepted before, asked the same way: its compiled answer (direct-answers.ts).
    // Queries set no cookies.
    const answered = await direct.answer(request, context);
    if (answered) return privateAnswer ? { ...answered, headers: [...answered.headers, ['cache-control', 'private, no-store']] } : answered;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method.toUpperCase(), headers, search: request.search, body: request.body ?? {} },
      context,
    });
    if (response.status === undefined || response.status === 200)
      if (request.method === 'POST') direct.learnMediaType(request.headers.accept, response.headers.get('content-type'));
    // Only incremental delivery (@defer, @stream) would stream, and the schema declares neither.
    let body = '';
    if (response.body.kind === 'complete') body = response.body.string;
    else for await (const chunk of response.body.asyncIterator) body += chunk;
    const answer: Array<[string, string]> = [...response.headers];
    for (const cookie of cookies) answer.push(['set-cookie', cookie]);
    if (privateAnswer) answer.push(['cache-control', 'private, no-store']);
    return { status: response.status ?? 200, headers: answer, body };
  }

  return {
    async handle(req, res, next) {
      try {
        const generation = options.generation?.() ?? 0;
        const answer = await execute({
          method: req.method,
          headers: req.headers,
          search: new URL(req.url, 'http://x').search,
          body: req.body,
          remoteAddress: connectingAddressOf(req),
        });
        for (const [key, value] of answer.headers) {
          if (key === 'set-cookie') res.append('Set-Cookie', value);
          else res.setHeader(key, value);
        }
        res.status(answer.status).send(answer.body);
        options.cache?.store(req, res.statusCode, res.getHeaders(), answer.body, generation);
      } catch (error) {
        next(error);
      }
    },
    execute,
    stop: () => server.stop(),
  };
}

async function requestContext(
  services: GraphQLServices,
  request: GraphQLRequestHead,
  setCookie: (cookie: string) => void,
  federation: FederationRuntime | null,
  markPrivate: () => void,
): Promise<GraphQLContext> {
  const node = await services.nodes.findById(services.config.nodeHandle);
  const defaults = node?.record.defaultLanguages ?? ['en'];
  const accepted = parseAcceptLanguage(request.headers['accept-language']);
  // The node's default languages stand in only when the reader asked for none (see Reader), so
  // `isFallback` tells a reader who asked for Italian that a French text is not in their language.
  const { actor, csrfValid, csrfToken } = await requestActor(services, request);
  const secure = services.config.publicUrl.protocol === 'https:';
  return {
    services,
    reader: { languages: accepted, defaults },
    loaders: createLoaders(services),
    actor,
    csrfValid,
    csrfToken,
    address: clientAddress(request, request.remoteAddress),
    federation,
    setSessionCookie: (token, expiresAt) => setCookie(sessionCookie(token ?? '', token ? expiresAt : null, secure)),
    deviceCookie: readCookie(request, DEVICE_COOKIE) ?? null,
    setDeviceCookie: (token, expiresAt) => setCookie(sessionCookie(token, expiresAt, secure, DEVICE_COOKIE)),
    markPrivate,
  };
}

/** Apollo's own messages go to the structured log. */
function apolloLogger() {
  const log = logger('graphql', 'apollo');
  return {
    debug: (m: string) => log.debug(m),
    info: (m: string) => log.info(m),
    warn: (m: string) => log.warn(m),
    error: (m: string) => log.error(m),
  };
}
