// Queries answered by graphql-jit (compiled-queries.ts, then direct-answers.ts) over real HTTP:
// the same answers as Apollo's, to the byte, every write seen at once (compiled code keeps no
// data), errors, mutations and anything asked otherwise left to Apollo, and a bounded number of
// queries remembered.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';
import { createGraphQLHandler, type GraphQLHandler } from './graphql-http-handler.ts';
import { createApp } from '../http/create-app.ts';
import { CompiledQueries } from './compiled-queries.ts';
import { DirectAnswers } from './direct-answers.ts';

let node: TestNode;
let handler: GraphQLHandler;
let server: Server;
let url: string;
let compiled: CompiledQueries;
let direct: DirectAnswers;
/** Answers given by compiled code, through Apollo or directly. */
const compiledAnswers = () => compiled.answered + direct.answered;
let admin: Session;

beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  // A second endpoint on the same registry whose compiled queries the tests can look into:
  // compiled from their second execution, at most three remembered.
  direct = new DirectAnswers();
  handler = await createGraphQLHandler(node.registry, {
    compiledQueries: (schema, onAnswered) => (compiled = new CompiledQueries(schema, { compileAfter: 1, capacity: 3, onAnswered })),
    directAnswers: direct,
  });
  server = createServer(createApp(node.registry, handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await handler?.stop();
  await node?.close();
});

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'it', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as any, text, type: response.headers.get('content-type') };
}

const LISTING = `query($first: Int!) { initiatives(first: $first) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id slug name { text language direction isFallback translations { language text direction } }
  summary { text } primarySector { code label labelLanguage } languagesOffered { code name direction }
  location { locality precision country { code name } } contact { email } node { slug name { text } } } } } }`;

describe('queries compiled by graphql-jit', () => {
  it('answer exactly as Apollo did, from their second execution', async () => {
    const before = compiledAnswers();
    const first = await post(LISTING, { first: 20 });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.initiatives.edges.length).toBeGreaterThan(5);
    expect(compiledAnswers()).toBe(before);
    const again = await post(LISTING, { first: 20 });
    expect(compiledAnswers()).toBe(before + 1);
    expect(again).toEqual(first);
    // The third time directly (direct-answers.ts), serialized by the query's own serializer:
    // the same bytes as Apollo's JSON.stringify.
    const directBefore = direct.answered;
    const third = await post(LISTING, { first: 20 });
    expect(direct.answered).toBe(directBefore + 1);
    expect(third.text).toBe(first.text);
    // Other variables, other languages: the same compiled query, other answers.
    const fewer = await post(LISTING, { first: 2 }, { 'accept-language': 'ar' });
    expect(compiledAnswers()).toBe(before + 3);
    expect(fewer.body.data.initiatives.edges).toHaveLength(2);
    const label = (answer: typeof first) => answer.body.data.initiatives.edges[0].node.primarySector.label;
    expect(label(fewer)).toBeTruthy();
    expect(label(fewer)).not.toBe(label(first));
  });

  it('answer a POST asked again the same way directly, with Apollo’s bytes and media type', async () => {
    const query = '{ cityNodes { slug name { text } } }';
    const byApollo = await post(query);
    const compiledByApollo = await post(query);
    const before = direct.answered;
    const directly = await post(query);
    expect(direct.answered).toBe(before + 1);
    expect(directly.text).toBe(byApollo.text);
    expect(directly.text).toBe(compiledByApollo.text);
    expect(directly.type).toBe(byApollo.type);
    // Another Accept, another media type: Apollo answers first, then it is known.
    const graphqlResponse = { accept: 'application/graphql-response+json' };
    const negotiated = await post(query, {}, graphqlResponse);
    expect(direct.answered).toBe(before + 1);
    expect(negotiated.type).toMatch(/^application\/graphql-response\+json/);
    expect((await post(query, {}, graphqlResponse)).type).toBe(negotiated.type);
    expect(direct.answered).toBe(before + 2);
    // An Accept Apollo refuses is never answered directly.
    const refused = await post(query, {}, { accept: 'text/csv' });
    expect(refused.status).toBe(406);
    // A body with extensions goes to Apollo.
    const withExtensions = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'it' },
      body: JSON.stringify({ query, extensions: { clientName: 'test' } }),
    });
    expect(withExtensions.status).toBe(200);
    expect(direct.answered).toBe(before + 2);
  });

  it('serialize answers with unions, fragments, aliases, nulls and texts to escape as Apollo does, fields in the query’s order', async () => {
    const query = `query($input: SearchInput) { search(input: $input, first: 5) { totalCount
      edges { score nodeHandle received node { __typename ... on Initiative { slug n: name { text } website status startDate
        contact { email } summary { text } } ... on GoodPractice { title { text language } slug summary { text } } } }
      facets { name values { value label count selected } } } }`;
    const variables = { input: { text: 'interprétariat « social » \u2028 \\ "quoted"' } };
    // Practices too, whose fragment lists shared fields (slug, summary) after one of its own:
    // GraphQL answers a selection's fields in the order asked.
    const mixed = { input: { text: 'interpreting' } };
    const byApollo = await post(query, variables);
    expect(byApollo.body.errors).toBeUndefined();
    // The second execution: compiled, through Apollo, written by Apollo.
    const mixedByApollo = await post(query, mixed);
    expect(mixedByApollo.text).toContain('"__typename":"GoodPractice","title"');
    const before = direct.answered;
    const directly = await post(query, variables);
    expect(direct.answered).toBe(before + 1);
    expect(directly.text).toBe(byApollo.text);
    expect((await post(query, mixed)).text).toBe(mixedByApollo.text);
    // Other variables, the same query: answered directly at once, written as JSON.stringify
    // (what Apollo uses) would write the same value.
    for (const input of [{}, { text: 'ⴰⵎⴰⵣⵉⵖ 🌍 \t tab' }, { node: ['liege'] }]) {
      const answer = await post(query, { input });
      expect(answer.body.errors).toBeUndefined();
      expect(answer.text).toBe(`${JSON.stringify(JSON.parse(answer.text))}\n`);
    }
    expect(direct.answered).toBe(before + 5);
  });

  it('see every write at once: a compiled query keeps code, never answers', async () => {
    const read = async () =>
      (await post('query($s: String) { initiative(slug: $s) { summary(lang: "en") { text } } }', { s: 'siriuscoop' })).body.data.initiative
        .summary.text;
    await read();
    await read();
    const before = compiledAnswers();
    await admin.gql('mutation { updateNodeSettings(editsRequireReview: false) { settings { editsRequireReview } } }');
    const { data } = await admin.gql('query { editableInitiative(slug: "siriuscoop") { version } }');
    const summary = 'Compiled queries read the store on every request.';
    const edited = await admin.gql(
      'mutation($v: Int!, $c: InitiativeInput!) { updateInitiative(id: "siriuscoop", version: $v, changes: $c) { error { code message } } }',
      { v: data.editableInitiative.version, c: { summary: [{ language: 'en', text: summary }] } },
    );
    expect(edited.data.updateInitiative.error).toBeNull();
    expect(await read()).toBe(summary);
    expect(compiledAnswers()).toBe(before + 1);
  });

  it('leave answers with errors to Apollo, with its codes and statuses', async () => {
    const bad = 'query($s: String, $i: ID) { initiative(slug: $s, id: $i) { slug } }';
    const variables = { s: 'univerbal', i: 'http://registry.test/initiatives/univerbal' };
    const first = await post(bad, variables);
    const before = compiledAnswers();
    const again = await post(bad, variables);
    expect(compiledAnswers()).toBe(before);
    expect(again).toEqual(first);
    expect(again.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // A variable of the wrong type is refused before execution, compiled or not.
    const wrongType = await post(LISTING, { first: 'twenty' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('never run mutations, and remember a bounded number of queries', async () => {
    const before = compiledAnswers();
    const signOut = 'mutation { signOut { ok } }';
    await post(signOut);
    await post(signOut);
    expect(compiledAnswers()).toBe(before);
    for (const slug of ['liege', 'milano', 'athina', 'sofia', 'ljubljana']) {
      await post(`{ cityNode(slug: "${slug}") { slug } }`);
      await post(`{ cityNode(slug: "${slug}") { slug } }`);
      expect(compiled.size).toBeLessThanOrEqual(3);
    }
  });
});
