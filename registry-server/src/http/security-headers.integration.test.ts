// Security headers on every answer of a node (issue 11, point 8): the API, ActivityPub, the
// health check, errors and 404s all carry a policy that lets nothing run, load or frame them,
// nosniff, a referrer policy, and HSTS only when the node's public URL is https. (The web
// pages' own policy, with its nonces, is checked in the browser: tests/e2e/security.e2e.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import type { Registry } from '../registry.ts';
import { createWorkerApp } from './create-app.ts';

const JSON_POLICY = /^default-src 'none';.*frame-ancestors 'none'/;

function expectSecurityHeaders(response: Response, what: string, options: { hsts: boolean }) {
  const headers = response.headers;
  expect(headers.get('content-security-policy'), `${what}: Content-Security-Policy`).toMatch(JSON_POLICY);
  expect(headers.get('x-content-type-options'), `${what}: X-Content-Type-Options`).toBe('nosniff');
  expect(headers.get('x-frame-options'), `${what}: X-Frame-Options`).toBe('DENY');
  expect(headers.get('referrer-policy'), `${what}: Referrer-Policy`).toBe('strict-origin-when-cross-origin');
  if (options.hsts) expect(headers.get('strict-transport-security'), `${what}: HSTS`).toMatch(/^max-age=\d{7,}/);
  else expect(headers.get('strict-transport-security'), `${what}: no HSTS over http`).toBeNull();
}

/** Every kind of answer a node gives without its web site, with a name for the failure message. */
async function everyAnswer(url: string): Promise<Array<[string, Response]>> {
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const cached = `${url}/graphql?${new URLSearchParams({ query: '{ thisNode { slug } }' })}`;
  await fetch(cached);
  return [
    ['GraphQL POST', await post(JSON.stringify({ query: '{ thisNode { slug } }' }))],
    ['GraphQL GET', await fetch(`${url}/graphql?${new URLSearchParams({ query: '{ thisNode { name } }' })}`)],
    ['GraphQL GET from the response cache', await fetch(cached)],
    ['GraphQL validation error', await post(JSON.stringify({ query: '{ nope }' }))],
    ['GraphQL broken JSON', await post('{"query"')],
    ['GraphQL body too large', await post(JSON.stringify({ query: `{ thisNode { slug } } # ${'x'.repeat(150_000)}` }))],
    ['GraphQL wrong method', await fetch(`${url}/graphql`, { method: 'PUT' })],
    ['ActivityPub actor', await fetch(`${url}/nodes/liege`, { headers: { accept: 'application/activity+json' } })],
    ['ActivityPub object', await fetch(`${url}/initiatives/univerbal`, { headers: { accept: 'application/activity+json' } })],
    [
      'ActivityPub inbox refusal',
      await fetch(`${url}/nodes/liege/inbox`, { method: 'POST', headers: { 'content-type': 'application/activity+json' }, body: '{}' }),
    ],
    ['WebFinger', await fetch(`${url}/.well-known/webfinger?resource=acct:registry@registry.test`)],
    ['NodeInfo', await fetch(`${url}/.well-known/nodeinfo`)],
    ['JSON-LD context', await fetch(`${url}/ns`)],
    ['health check', await fetch(`${url}/healthz`)],
    ['404', await fetch(`${url}/no/such/page`)],
  ];
}

describe('over http', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode();
  });
  afterAll(() => node?.close());

  it('every answer carries the headers, and no HSTS', async () => {
    const answers = await everyAnswer(node.url);
    expect(answers.find(([name]) => name === 'GraphQL GET from the response cache')![1].headers.get('x-response-cache')).toBe('hit');
    expect(answers.find(([name]) => name === 'ActivityPub actor')![1].headers.get('content-type')).toMatch(/activity\+json|ld\+json/);
    for (const [name, response] of answers) expectSecurityHeaders(response, name, { hsts: false });
  });

  it('answers under an invitation, unlock, password reset or first-admin setup link send no Referer to other sites', async () => {
    for (const path of [
      '/invitations/some-secret-token',
      '/sign-in/trust/some-secret-token',
      '/sign-in/reset/some-secret-token',
      '/setup/some-secret-token',
    ]) {
      const response = await fetch(`${node.url}${path}`);
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
    }
    expect((await fetch(`${node.url}/sign-in`)).headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

describe('over https', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode({ publicUrl: new URL('https://registry.test') });
  });
  afterAll(() => node?.close());

  it('every answer also carries Strict-Transport-Security', async () => {
    for (const [name, response] of await everyAnswer(node.url)) expectSecurityHeaders(response, name, { hsts: true });
  });
});

it('a delivery worker’s answers carry them too', async () => {
  const registry = {
    store: { kind: 'embedded', ping: async () => {} },
    config: { nodeHandle: 'liege', publicUrl: new URL('https://registry.test') },
  } as unknown as Registry;
  const server = createServer(createWorkerApp(registry));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    expectSecurityHeaders(await fetch(`${url}/healthz`), 'worker health check', { hsts: true });
    expectSecurityHeaders(await fetch(`${url}/graphql`), 'worker 404', { hsts: true });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
