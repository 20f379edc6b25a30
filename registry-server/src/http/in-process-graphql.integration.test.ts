// The site's GraphQL requests run in process (in-process-graphql.ts): the same answers, the same
// actor from a session cookie, the same cookies set, the same refusals of bad bodies as over
// HTTP, and every write seen by the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { createAccount, PASSWORD } from '../testing/graphql-client.ts';
import { createGraphQLHandler, type GraphQLHandler } from '../graphql/graphql-http-handler.ts';
import { inProcessGraphQL } from './in-process-graphql.ts';

let node: TestNode;
let handler: GraphQLHandler;
let inProcess: typeof fetch;
const ENDPOINT = 'http://127.0.0.1:1/graphql';

beforeAll(async () => {
  node = await startTestNode();
  await createAccount(node, 'admin@liege.test', 'admin');
  handler = await createGraphQLHandler(node.registry);
  inProcess = inProcessGraphQL(handler);
});
afterAll(async () => {
  await handler?.stop();
  await node?.close();
});

const body = (response: Response): Promise<any> => response.json();
const ask = (how: typeof fetch, url: string, body: unknown, headers: Record<string, string> = {}) =>
  how(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'el', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('GraphQL in process, for the site', () => {
  it('answers as the HTTP endpoint does', async () => {
    const query = {
      query: '{ initiatives(first: 5) { totalCount edges { node { slug name { text language isFallback } primarySector { label } } } } }',
    };
    const overHttp = await ask(fetch, `${node.url}/graphql`, query);
    const here = await ask(inProcess, ENDPOINT, query);
    expect(here.status).toBe(200);
    expect(here.headers.get('content-type')).toBe(overHttp.headers.get('content-type'));
    expect(await body(here)).toEqual(await body(overHttp));
  });

  it('signs in with the cookies set on its answer, and knows the reader by the session cookie', async () => {
    const signIn = await ask(inProcess, ENDPOINT, {
      query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, session: COOKIE) { error { code } } }',
      variables: { e: 'admin@liege.test', p: PASSWORD },
    });
    expect((await body(signIn)).data.signIn.error).toBeNull();
    const cookies = signIn.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith('umn_session='))).toBe(true);
    expect(cookies.some((c) => c.startsWith('umn_device='))).toBe(true);
    const session = cookies.find((c) => c.startsWith('umn_session='))!.split(';')[0]!;
    const me = await ask(inProcess, ENDPOINT, { query: '{ me { account { email } isAdmin } }' }, { cookie: session });
    expect((await body(me)).data.me).toEqual({ account: { email: 'admin@liege.test' }, isAdmin: true });
    const anonymous = await ask(inProcess, ENDPOINT, { query: '{ me { isAdmin } }' });
    expect((await body(anonymous)).data.me).toBeNull();
  });

  it('refuses broken JSON, other media types and oversized bodies with the HTTP endpoint’s codes', async () => {
    const broken = await ask(inProcess, ENDPOINT, '{"query": "{ thisNode { slug } }"');
    expect(broken.status).toBe(400);
    expect((await body(broken)).errors[0].extensions.code).toBe('BAD_REQUEST');
    const form = await ask(inProcess, ENDPOINT, 'query={thisNode{slug}}', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const huge = await ask(inProcess, ENDPOINT, { query: `{ thisNode { slug } } # ${'x'.repeat(120_000)}` });
    expect(huge.status).toBe(413);
    const invalid = await ask(inProcess, ENDPOINT, { query: '{ thisNode { nope } }' });
    expect((await body(invalid)).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('sees a write at once', async () => {
    const read = async () =>
      (await body(await ask(inProcess, ENDPOINT, { query: '{ thisNode { initiativeCount } }' }))).data.thisNode.initiativeCount;
    const before = await read();
    await node.registry.initiatives.deleteByIds(['univerbal']);
    expect(await read()).toBe(before - 1);
  });
});
