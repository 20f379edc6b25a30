// Queries answered by graphql-jit (compiled-queries.ts) over real HTTP: the same answers as
// Apollo's, every write seen at once (compiled code keeps no data), errors and mutations left to
// Apollo, and a bounded number of queries remembered.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';
import { createGraphQLHandler, type GraphQLHandler } from './graphql-http-handler.ts';
import { createApp } from '../http/create-app.ts';
import { CompiledQueries } from './compiled-queries.ts';

let node: TestNode;
let handler: GraphQLHandler;
let server: Server;
let url: string;
let compiled: CompiledQueries;
let admin: Session;

beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  // A second endpoint on the same registry whose compiled queries the tests can look into:
  // compiled from their second execution, at most three remembered.
  handler = await createGraphQLHandler(node.registry, {
    compiledQueries: (schema) => (compiled = new CompiledQueries(schema, { compileAfter: 1, capacity: 3 })),
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
  return { status: response.status, body: (await response.json()) as any };
}

const LISTING = `query($first: Int!) { initiatives(first: $first) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id slug name { text language direction isFallback translations { language text direction } }
  summary { text } primarySector { code label labelLanguage } languagesOffered { code name direction }
  location { locality precision country { code name } } contact { email } node { slug name { text } } } } } }`;

describe('queries compiled by graphql-jit', () => {
  it('answer exactly as Apollo did, from their second execution', async () => {
    const before = compiled.answered;
    const first = await post(LISTING, { first: 20 });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.initiatives.edges.length).toBeGreaterThan(5);
    expect(compiled.answered).toBe(before);
    const again = await post(LISTING, { first: 20 });
    expect(compiled.answered).toBe(before + 1);
    expect(again).toEqual(first);
    // Other variables, other languages: the same compiled query, other answers.
    const fewer = await post(LISTING, { first: 2 }, { 'accept-language': 'ar' });
    expect(compiled.answered).toBe(before + 2);
    expect(fewer.body.data.initiatives.edges).toHaveLength(2);
    const label = (answer: typeof first) => answer.body.data.initiatives.edges[0].node.primarySector.label;
    expect(label(fewer)).toBeTruthy();
    expect(label(fewer)).not.toBe(label(first));
  });

  it('see every write at once: a compiled query keeps code, never answers', async () => {
    const read = async () =>
      (await post('query($s: String) { initiative(slug: $s) { summary(lang: "en") { text } } }', { s: 'siriuscoop' })).body.data.initiative
        .summary.text;
    await read();
    await read();
    const before = compiled.answered;
    await admin.gql('mutation { updateNodeSettings(editsRequireReview: false) { settings { editsRequireReview } } }');
    const { data } = await admin.gql('query { editableInitiative(slug: "siriuscoop") { version } }');
    const summary = 'Compiled queries read the store on every request.';
    const edited = await admin.gql(
      'mutation($v: Int!, $c: InitiativeInput!) { updateInitiative(id: "siriuscoop", version: $v, changes: $c) { error { code message } } }',
      { v: data.editableInitiative.version, c: { summary: [{ language: 'en', text: summary }] } },
    );
    expect(edited.data.updateInitiative.error).toBeNull();
    expect(await read()).toBe(summary);
    expect(compiled.answered).toBe(before + 1);
  });

  it('leave answers with errors to Apollo, with its codes and statuses', async () => {
    const bad = 'query($s: String, $i: ID) { initiative(slug: $s, id: $i) { slug } }';
    const variables = { s: 'univerbal', i: 'http://registry.test/initiatives/univerbal' };
    const first = await post(bad, variables);
    const before = compiled.answered;
    const again = await post(bad, variables);
    expect(compiled.answered).toBe(before);
    expect(again).toEqual(first);
    expect(again.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // A variable of the wrong type is refused before execution, compiled or not.
    const wrongType = await post(LISTING, { first: 'twenty' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('never run mutations, and remember a bounded number of queries', async () => {
    const before = compiled.answered;
    const signOut = 'mutation { signOut { ok } }';
    await post(signOut);
    await post(signOut);
    expect(compiled.answered).toBe(before);
    for (const slug of ['liege', 'milano', 'athina', 'sofia', 'ljubljana']) {
      await post(`{ cityNode(slug: "${slug}") { slug } }`);
      await post(`{ cityNode(slug: "${slug}") { slug } }`);
      expect(compiled.size).toBeLessThanOrEqual(3);
    }
  });
});
