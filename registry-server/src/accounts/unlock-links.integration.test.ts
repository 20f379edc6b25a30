// When SMTP is configured, the owner of an account that strangers have locked is e-mailed a
// one-time link that makes the browser opening it a trusted device (docs/adr/0011): with it the
// owner signs in despite the lock, while the strangers stay locked out. The e-mail is sent at
// most once per lock window, and only for accounts that exist, without making the refusal slower.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD } from '../testing/graphql-client.ts';
import { AccountService } from './account-service.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node?.close());

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** The node's account service with a mailer that keeps what it would send. */
function serviceWithMail() {
  const sent: Mail[] = [];
  const { accounts, sessions, limiter, trustedDevices, unlockLinks, config } = node.registry;
  const service = new AccountService({
    accounts,
    sessions,
    limiter,
    trustedDevices,
    unlockLinks,
    now: node.registry.now,
    unlockMail: { publicUrl: config.publicUrl, sendMail: async (to, subject, text) => (sent.push({ to, subject, text }), true) },
  });
  return { service, sent };
}

const outcome = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'SIGNED_IN',
    (e: { code?: string }) => e.code ?? String(e),
  );
const TRUST = 'mutation($t: String!) { trustThisDevice(token: $t, session: BEARER) { deviceToken error { code message } } }';
const SIGN_IN =
  'mutation($e: String!, $p: String!, $d: String) { signIn(email: $e, password: $p, session: BEARER, deviceToken: $d) { token error { code } } }';

async function lock(service: AccountService, email: string): Promise<string[]> {
  const codes = [];
  for (let i = 0; i < 8; i++)
    codes.push(await outcome(service.signIn({ email, password: `stranger guess ${i}`, via: 'bearer', address: `203.0.113.${i + 1}` })));
  return codes;
}

describe('e-mailed unlock links', () => {
  it('e-mails the owner of a locked account once, with a link that lets one device in despite the lock', async () => {
    await createAccount(node, 'mailed@liege.test', 'editor', ['atemos']);
    const { service, sent } = serviceWithMail();
    expect((await lock(service, 'mailed@liege.test')).filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
    await expect.poll(() => sent.length).toBe(1);
    const [mail] = sent;
    expect(mail!.to).toBe('mailed@liege.test');
    const link = /http:\/\/registry\.test\/sign-in\/trust\/([\w-]{43})/.exec(mail!.text);
    expect(link).not.toBeNull();
    expect(mail!.text).not.toContain(PASSWORD);

    // The strangers are still locked out; the link makes a device the owner's.
    expect((await anonymous(node).gql(SIGN_IN, { e: 'mailed@liege.test', p: PASSWORD })).data.signIn.error.code).toBe('RATE_LIMITED');
    const trusted = (await anonymous(node).gql(TRUST, { t: link![1] })).data.trustThisDevice;
    expect(trusted.error).toBeNull();
    expect(
      (await anonymous(node).gql(SIGN_IN, { e: 'mailed@liege.test', p: PASSWORD, d: trusted.deviceToken })).data.signIn.error,
    ).toBeNull();
    // The link works once.
    expect((await anonymous(node).gql(TRUST, { t: link![1] })).data.trustThisDevice.error.code).toBe('LINK_INVALID');
  });

  it('sends nothing for an address without an account, and answers it exactly as for one with an account', async () => {
    await createAccount(node, 'exists@liege.test', 'editor', ['atemos']);
    const { service, sent } = serviceWithMail();
    const known = await lock(service, 'exists@liege.test');
    const unknown = await lock(service, 'does-not-exist@liege.test');
    expect(unknown).toEqual(known);
    await expect.poll(() => sent.length).toBe(1);
    expect(sent.map((m) => m.to)).toEqual(['exists@liege.test']);
  });

  it('refuses made-up and expired links with one message', async () => {
    for (const token of ['x'.repeat(43), 'short', 'y'.repeat(5000)])
      expect((await anonymous(node).gql(TRUST, { t: token })).data.trustThisDevice.error.code).toBe('LINK_INVALID');
  });
});
