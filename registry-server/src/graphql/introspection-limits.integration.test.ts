// Introspection is costed like any other query (issue 11, point 6): 30 aliased `__schema` in a
// 1.7 KB query used to answer 2.7 MB. The standard introspection query that GraphiQL and code
// generators send keeps working; anything asking for much more is a 400 that says what to send.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node?.close());

const post = (query: string, variables?: Record<string, unknown>) =>
  fetch(`${node.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });

async function expectRefused(query: string, code: string | RegExp, message: RegExp, variables?: Record<string, unknown>) {
  const response = await post(query, variables);
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(400);
  // A refusal is small: the node did not compute the answer.
  expect(text.length).toBeLessThan(2_000);
  const body = JSON.parse(text);
  expect(body.data).toBeUndefined();
  expect(body.errors[0].extensions.code, body.errors[0].message).toMatch(typeof code === 'string' ? new RegExp(`^${code}$`) : code);
  expect(body.errors[0].message).toMatch(message);
}

const FULL_OPTIONS = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
};

describe('introspection limits', () => {
  it('answers the standard introspection query, with and without every option', async () => {
    for (const query of [getIntrospectionQuery(), getIntrospectionQuery(FULL_OPTIONS)]) {
      const response = await post(query);
      expect(response.status).toBe(200);
      const body: any = await response.json();
      expect(body.errors).toBeUndefined();
      expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toContain('Initiative');
    }
    const one = await post('{ __type(name: "Initiative") { name fields { name type { name kind ofType { name } } } } }');
    expect(one.status).toBe(200);
    expect(((await one.json()) as any).data.__type.name).toBe('Initiative');
    const named = await post('query ($name: String!) { __type(name: $name) { name fields { name } } }', { name: 'Initiative' });
    expect(named.status).toBe(200);
  });

  it('refuses 30 aliased __schema introspections', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { fields { type { ofType { name } } } } }`).join(' ');
    await expectRefused(`{ ${aliases} }`, 'INTROSPECTION_TOO_COSTLY', /at most 2 .*__schema.*__type|introspection/i);
  });

  it('refuses two full introspections in one operation', async () => {
    const twice = getIntrospectionQuery(FULL_OPTIONS).replace(
      'query IntrospectionQuery {',
      'query IntrospectionQuery { again: __schema { types { ...FullType } }',
    );
    expect(twice).toContain('again: __schema');
    await expectRefused(twice, 'INTROSPECTION_TOO_COSTLY', /introspection/i);
  });

  it('refuses introspection hidden in fragments', async () => {
    const spreads = Array.from({ length: 6 }, (_, i) => `s${i}: __schema { ...S }`).join(' ');
    await expectRefused(
      `query { ...Q } fragment Q on Query { ${spreads} } fragment S on __Schema { types { fields { type { ofType { name } } } } }`,
      'INTROSPECTION_TOO_COSTLY',
      /introspection/i,
    );
    // One __schema, but fragments on __Type nest its lists as deep as graphql-js's own
    // introspection depth rule lets through (two levels), which multiplies the answer.
    // (`type { ...U ofType { ...U ofType { ...U } } }` reaches the named type under [X!]!.)
    const levels =
      'fragment T on __Type { name fields { name args { name } type { ...U ofType { ...U ofType { ...U ofType { ...U } } } } } } fragment U on __Type { name kind fields { name description args { name description type { name kind } } type { name kind ofType { name kind } } } }';
    await expectRefused(`{ __schema { types { ...T } } } ${levels}`, 'INTROSPECTION_TOO_COSTLY', /introspection/i);
  });

  it('refuses nested __type chains, named literally or through a variable', async () => {
    // Deeper than two nested lists, graphql-js's MaxIntrospectionDepthRule refuses them first.
    let selection = 'name';
    for (let i = 0; i < 3; i++)
      selection = `name fields { name description args { name description type { name } } type { ofType { ofType { ${selection} } } } }`;
    const either = /^(INTROSPECTION_TOO_COSTLY|GRAPHQL_VALIDATION_FAILED)$/;
    await expectRefused(`{ __type(name: "Query") { ${selection} } }`, either, /introspection/i);
    await expectRefused(`query ($t: String!) { __type(name: $t) { ${selection} } }`, either, /introspection/i, { t: 'Query' });
    // Through args, which that rule does not count, each level stays costed.
    const viaArgs =
      'name fields { name args { name type { ...I ofType { ...I ofType { ...I } } } } type { ...F ofType { ...F ofType { ...F ofType { ...F } } } } }';
    const leaves =
      'fragment I on __Type { name inputFields { name description type { name kind ofType { name kind } } } } fragment F on __Type { name fields { name description args { name description type { name kind } } type { name kind ofType { name kind } } } }';
    await expectRefused(`{ __schema { types { ${viaArgs} } } } ${leaves}`, 'INTROSPECTION_TOO_COSTLY', /introspection/i);
    await expectRefused(
      `{ a: __type(name: "Query") { name } b: __type(name: "Initiative") { name } c: __type(name: "Practice") { name } }`,
      'INTROSPECTION_TOO_COSTLY',
      /at most 2/,
    );
  });

  it('counts aliases inside introspection and __typename spam', async () => {
    const names = Array.from({ length: 31 }, (_, i) => `n${i}: name`).join(' ');
    await expectRefused(`{ __schema { types { ${names} } } }`, 'TOO_MANY_ALIASES', /aliases/);
    const typenames = Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ');
    await expectRefused(`{ ${typenames} }`, 'TOO_MANY_ALIASES', /aliases/);
    await expectRefused(`{ __schema { types { fields { ${typenames} } } } }`, 'TOO_MANY_ALIASES', /aliases/);
  });

  it('bounds the work of fragments spread twice at every level', async () => {
    // 2^20 expansions if a measure walked every spread: the limits must stop early, not hang.
    const started = performance.now();
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on __Type { ...F${i + 1} ...F${i + 1} }`).join(' ');
    await expectRefused(
      `{ __schema { types { ...F0 } } } ${fragments} fragment F20 on __Type { name kind }`,
      'QUERY_TOO_COSTLY',
      /fragments/,
    );
    const data = Array.from({ length: 20 }, (_, i) => `fragment D${i} on Initiative { ...D${i + 1} ...D${i + 1} }`).join(' ');
    await expectRefused(
      `{ initiative(slug: "siriuscoop") { ...D0 } } ${data} fragment D20 on Initiative { slug }`,
      'QUERY_TOO_COSTLY',
      /fragments/,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a batch of introspections sent as one JSON array', async () => {
    const batch = Array.from({ length: 10 }, () => ({ query: getIntrospectionQuery(FULL_OPTIONS) }));
    const response = await fetch(`${node.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(response.status).toBe(400);
    expect((await response.text()).length).toBeLessThan(2_000);
  });

  it('keeps serving after all of the above', async () => {
    const response = await post('{ thisNode { slug } }');
    expect(await response.json()).toEqual({ data: { thisNode: { slug: 'liege' } } });
  });
});
