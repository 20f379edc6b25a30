// GraphQL over HTTP at the edges: media types, methods, status codes, and bad or abusive input
// answered with a 4xx and a message saying what to fix, while the node keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node?.close());

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${node.url}/graphql`, { method: 'POST', headers, body });
const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${node.url}/graphql?${new URLSearchParams({ query })}`, { headers });

describe('GraphQL over HTTP', () => {
  it('answers GET queries with application/json by default', async () => {
    const response = await get('{ thisNode { slug } }');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ data: { thisNode: { slug: 'liege' } } });
  });

  it('speaks application/graphql-response+json when asked, with 400 for invalid documents', async () => {
    const ok = await get('{ thisNode { slug } }', { accept: 'application/graphql-response+json' });
    expect(ok.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const invalid = await get('{ thisNode { nope } }', { accept: 'application/graphql-response+json' });
    expect(invalid.status).toBe(400);
    const body: any = await invalid.json();
    expect(body.errors[0].message).toMatch(/Cannot query field "nope" on type "CityNode"/);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an unsupported Accept header with 406', async () => {
    const response = await get('{ thisNode { slug } }', { accept: 'text/csv' });
    expect(response.status).toBe(406);
  });

  it('refuses mutations over GET and unknown methods', async () => {
    const mutation = await get('mutation { x }');
    expect(mutation.status).toBeGreaterThanOrEqual(400);
    expect(mutation.status).toBeLessThan(500);
    const put = await fetch(`${node.url}/graphql`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });

  it('explains broken JSON with a 400', async () => {
    const response = await post('{"query": "{ thisNode { slug } }"');
    expect(response.status).toBe(400);
    const body: any = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/not valid JSON/);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await post('query={thisNode{slug}}', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('explains wrong variable types and unknown arguments with a 400', async () => {
    const wrongType = await post(
      JSON.stringify({ query: 'query($n: Int) { initiatives(first: $n) { totalCount } }', variables: { n: 'twenty' } }),
    );
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as any).errors[0].message).toMatch(/Int cannot represent/);
    const notQuery = await post(JSON.stringify({ query: 42 }));
    expect(notQuery.status).toBe(400);
    const unknownArg = await post(JSON.stringify({ query: '{ initiatives(size: 3) { totalCount } }' }));
    expect(unknownArg.status).toBe(400);
    expect(((await unknownArg.json()) as any).errors[0].message).toMatch(/Unknown argument "size"/);
  });

  it('refuses a body over 100 KB with 413', async () => {
    const response = await post(JSON.stringify({ query: `{ thisNode { slug } } # ${'x'.repeat(150_000)}` }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses thousands of aliases', async () => {
    const aliases = Array.from({ length: 2_000 }, (_, i) => `a${i}: thisNode { slug }`).join(' ');
    const response = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].message).toMatch(/tokens|aliases/i);
    const fewer = Array.from({ length: 40 }, (_, i) => `a${i}: thisNode { slug }`).join(' ');
    const tooMany = await post(JSON.stringify({ query: `{ ${fewer} }` }));
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as any).errors[0].extensions.code).toBe('TOO_MANY_ALIASES');
  });

  it('refuses deep nesting, even through fragments', async () => {
    let selection = 'slug';
    for (let i = 0; i < 8; i++) selection = `partOf { parts { ${selection} } }`;
    const deep = await post(JSON.stringify({ query: `{ initiative(slug: "siriuscoop") { ${selection} } }` }));
    expect(deep.status).toBe(400);
    const body: any = await deep.json();
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
    expect(body.errors[0].message).toMatch(/at most 12/);
    const viaFragments = `query { initiative(slug: "siriuscoop") { ...A } } fragment A on Initiative { partOf { ...B } } fragment B on Initiative { parts { ...C } } fragment C on Initiative { partOf { ...D } } fragment D on Initiative { parts { ...E } } fragment E on Initiative { partOf { ...F } } fragment F on Initiative { parts { ...G } } fragment G on Initiative { partOf { parts { partOf { parts { partOf { parts { slug } } } } } } }`;
    const fragmentResponse = await post(JSON.stringify({ query: viaFragments }));
    expect(fragmentResponse.status).toBe(400);
    expect(((await fragmentResponse.json()) as any).errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses queries whose lists multiply beyond the cost limit', async () => {
    const query =
      '{ initiatives(first: 100) { edges { node { practices { initiatives { practices { initiatives { slug name { text } } } } } } } } }';
    const response = await post(JSON.stringify({ query }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('names the argument to fix for out-of-range pages, bad cursors and unknown codes', async () => {
    const big = await node.query('{ initiatives(first: 100000) { totalCount } }');
    expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(big.body.errors?.[0]?.message).toMatch(/between 0 and 100/);
    const cursor = await node.query('{ initiatives(after: "garbage") { totalCount } }');
    expect(cursor.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const code = await node.query('{ initiatives(filter: { sector: ["AM999"] }) { totalCount } }');
    expect(code.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.sector' });
    expect(code.body.errors?.[0]?.message).toMatch(/AM10/);
    const lang = await node.query('{ thisNode(lang: "not a language") { slug } }');
    expect(lang.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'lang' });
    const both = await node.query('{ initiative(id: "x", slug: "y") { slug } }');
    expect(both.body.errors?.[0]?.message).toMatch(/exactly one of/);
  });

  it('keeps serving after all of the above', async () => {
    const health = await fetch(`${node.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'embedded' });
    const notFound = await fetch(`${node.url}/nowhere`);
    expect(notFound.status).toBe(404);
  });
});

describe('response cache', () => {
  it('answers a repeated anonymous GET from the cache, and never a request with credentials', async () => {
    const query = '{ initiatives(first: 2) { totalCount edges { node { slug } } } }';
    const first = await get(query);
    expect(first.headers.get('x-response-cache')).toBeNull();
    const second = await get(query);
    expect(second.headers.get('x-response-cache')).toBe('hit');
    expect(await second.json()).toEqual(await first.json());
    const other = await get(query, { 'accept-language': 'ar' });
    expect(other.headers.get('x-response-cache')).toBeNull();
    const withCredentials = await get(query, { authorization: 'Bearer x' });
    expect(withCredentials.headers.get('x-response-cache')).toBeNull();
  });
});
