// Sign-in limits behind a reverse proxy: with TRUST_PROXY, the per-address limit counts the
// client the proxy names, so one person guessing cannot lock every other visitor out; without
// it, X-Forwarded-For is ignored, so a client cannot rotate it past the limit.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

const nodes: TestNode[] = [];
afterAll(async () => {
  for (const node of nodes) await node.close();
});

const SIGN_IN = 'mutation($e: String!) { signIn(email: $e, password: "not the password 1", session: BEARER) { token error { code } } }';

async function attempt(node: TestNode, i: number, forwardedFor: string): Promise<string> {
  const { body } = await node.query(SIGN_IN, { e: `nobody-${i}@liege.test` }, { 'x-forwarded-for': forwardedFor });
  return body.data.signIn.error.code as string;
}

describe('sign-in limits behind a proxy', () => {
  it('with TRUST_PROXY, count each forwarded client apart', async () => {
    const node = await startTestNode({ trustedProxies: ['loopback'] });
    nodes.push(node);
    const codes: string[] = [];
    for (let i = 0; i < 31; i++) codes.push(await attempt(node, i, `192.0.2.50, 203.0.113.7`));
    expect(codes.slice(0, 30).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(codes[30]).toBe('RATE_LIMITED');
    // Another visitor behind the same proxy is not locked out.
    expect(await attempt(node, 99, '203.0.113.8')).toBe('INVALID_CREDENTIALS');
  });

  it('without TRUST_PROXY, ignore X-Forwarded-For, so rotating it does not escape the limit', async () => {
    const node = await startTestNode();
    nodes.push(node);
    const codes: string[] = [];
    for (let i = 0; i < 31; i++) codes.push(await attempt(node, i, `203.0.113.${i + 1}`));
    expect(codes[30]).toBe('RATE_LIMITED');
  });
});
