// The site renders its pages in this process, or in render threads of it (render-threads.ts),
// and asks the registry everything in GraphQL. Sending those requests over a loopback socket cost
// each page a connection's worth of HTTP parsing, Express routing and body parsing per query
// (issue 13); this runs the same request through the same handler (Apollo, limits, errors, the
// actor from the session cookie or bearer token, the site's vouched client address) without the
// socket. The site's boundary stays GraphQL: it sends documents and reads JSON answers.
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLAnswer, GraphQLHandler } from '../graphql/graphql-http-handler.ts';
import { errorBody, MAX_BODY_BYTES } from './create-app.ts';

/** Where the site looks for the function (web/src/lib/server/graphql-request.ts reads the same symbol). */
export const IN_PROCESS_GRAPHQL = Symbol.for('umn.registry.graphql-fetch');

/** One GraphQL request of the site, as plain data (it crosses from a render thread as a message). */
export interface SiteGraphQLRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The body of a POST, as sent. */
  body: string | undefined;
}

/** Answers one request of the site through `graphql`, with the checks the HTTP route makes first. */
export async function answerSiteRequest(graphql: Pick<GraphQLHandler, 'execute'>, request: SiteGraphQLRequest): Promise<GraphQLAnswer> {
  let body: unknown;
  if (request.method === 'POST') {
    const text = request.body ?? '';
    if (Buffer.byteLength(text) > MAX_BODY_BYTES)
      return json(413, errorBody('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`));
    if (!/^application\/(graphql-response\+)?json\b/i.test(String(request.headers['content-type'] ?? '')))
      return json(415, errorBody('BAD_REQUEST', 'Send the query as JSON with Content-Type: application/json.'));
    try {
      body = JSON.parse(text);
    } catch (error) {
      return json(400, errorBody('BAD_REQUEST', `The request body is not valid JSON (${(error as Error).message}).`));
    }
  }
  return graphql.execute({
    method: request.method,
    headers: request.headers,
    search: new URL(request.url).search,
    body,
    // The site's own requests come from this process, as over loopback they came from 127.0.0.1.
    remoteAddress: '127.0.0.1',
  });
}

/** The site's request as plain data: what `fetch(input, init)` would send. */
export async function siteRequestOf(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<SiteGraphQLRequest> {
  const request = new Request(input, init);
  const headers: IncomingHttpHeaders = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  return { method: request.method, url: request.url, headers, body: request.method === 'POST' ? await request.text() : undefined };
}

/**
 * The answer as a fetch Response. Its text() and json() read the answer's string itself: a
 * Response built from a string encodes it to UTF-8 only for json() to decode it again, which cost
 * a search page about 0.3 ms (measured, issue 13). `body` (the stream) is not used by the site.
 */
export function responseOf(answer: GraphQLAnswer): Response {
  const headers = new Headers();
  for (const [key, value] of answer.headers) headers.append(key, value);
  const response = new Response(null, { status: answer.status, headers });
  const text = answer.body;
  Object.defineProperties(response, {
    text: { value: () => Promise.resolve(text) },
    json: { value: () => Promise.resolve().then(() => JSON.parse(text) as unknown) },
  });
  return response;
}

/** A fetch that answers requests for /graphql in this process (any URL: it only ever serves the API). */
export function inProcessGraphQL(graphql: Pick<GraphQLHandler, 'execute'>): typeof fetch {
  return async (input, init) => responseOf(await answerSiteRequest(graphql, await siteRequestOf(input, init)));
}

function json(status: number, body: unknown): GraphQLAnswer {
  return { status, headers: [['content-type', 'application/json; charset=utf-8']], body: JSON.stringify(body) };
}
