// A small GraphQL client for integration tests: bearer or cookie sessions against a test node.
import type { TestNode } from './test-node.ts';

export interface Session {
  headers: Record<string, string>;
  /** Runs a query or mutation as this session; fails the test on transport errors. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
}

export function session(node: TestNode, headers: Record<string, string> = {}): Session {
  return {
    headers,
    async gql(query, variables) {
      const response = await fetch(`${node.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
      if (response.status >= 400) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body)}`);
      return body;
    },
  };
}

export const anonymous = (node: TestNode) => session(node);

/** Signs in with a bearer token. */
export async function signInBearer(node: TestNode, email: string, password: string): Promise<Session> {
  const { data } = await anonymous(node).gql(
    'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, session: BEARER) { token error { code message } } }',
    { e: email, p: password },
  );
  if (!data.signIn.token) throw new Error(`sign-in failed: ${JSON.stringify(data.signIn.error)}`);
  return session(node, { authorization: `Bearer ${data.signIn.token}` });
}

/** Creates an account directly in the store (as the operator command does). */
export async function createAccount(
  node: TestNode,
  email: string,
  role: 'admin' | 'moderator' | 'editor' | 'translator',
  initiatives: string[] = [],
): Promise<Session> {
  const password = 'a long test password 1';
  await node.registry.accountService.createAccount({ email, password, role, initiatives, createdBy: null });
  return signInBearer(node, email, password);
}

export const PASSWORD = 'a long test password 1';
