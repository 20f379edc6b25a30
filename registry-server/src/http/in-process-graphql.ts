// The site renders its pages in this process (web-pages.ts) and asks the registry everything in
// GraphQL. Sending those requests over a loopback socket cost each page a connection's worth of
// HTTP parsing, Express routing and body parsing per query (issue 13); this hands the site a
// fetch function that runs the same request through the same handler (Apollo, limits, errors,
// the actor from the session cookie or bearer token, the site's vouched client address) without
// the socket. The site's boundary stays GraphQL: it sends documents and reads JSON answers.
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLHandler } from '../graphql/graphql-http-handler.ts';
import { errorBody, MAX_BODY_BYTES } from './create-app.ts';

/** Where the site looks for the function (web/src/lib/server/graphql.ts reads the same symbol). */
export const IN_PROCESS_GRAPHQL = Symbol.for('umn.registry.graphql-fetch');

/** A fetch that answers requests for /graphql in this process (any URL: it only ever serves the API). */
export function inProcessGraphQL(graphql: Pick<GraphQLHandler, 'execute'>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const headers: IncomingHttpHeaders = {};
    request.headers.forEach((value, key) => (headers[key] = value));
    let body: unknown;
    if (request.method === 'POST') {
      const text = await request.text();
      if (Buffer.byteLength(text) > MAX_BODY_BYTES)
        return json(413, errorBody('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`));
      if (!/^application\/(graphql-response\+)?json\b/i.test(headers['content-type'] ?? ''))
        return json(415, errorBody('BAD_REQUEST', 'Send the query as JSON with Content-Type: application/json.'));
      try {
        body = JSON.parse(text);
      } catch (error) {
        return json(400, errorBody('BAD_REQUEST', `The request body is not valid JSON (${(error as Error).message}).`));
      }
    }
    const answer = await graphql.execute({
      method: request.method,
      headers,
      search: new URL(request.url).search,
      body,
      // The site's own requests come from this process, as over loopback they came from 127.0.0.1.
      remoteAddress: '127.0.0.1',
    });
    const responseHeaders = new Headers();
    for (const [key, value] of answer.headers) responseHeaders.append(key, value);
    return new Response(answer.body, { status: answer.status, headers: responseHeaders });
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}
