// An invitation link must not let its holder find out which e-mail addresses have accounts
// (issue #11, point 7): refused acceptances are counted per link (atomically) and per client
// address, and after a few the link is used up; a weak password is refused before any e-mail
// address is looked up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';
import { INVITATION_REFUSALS } from './invitation-service.ts';

let node: TestNode;
let admin: Session;
const TAKEN = Array.from({ length: 12 }, (_, i) => `member${i}@liege.test`);
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  for (const email of TAKEN)
    await node.registry.accountService.createAccount({
      email,
      password: 'a long test password 1',
      role: 'editor',
      initiatives: ['atemos'],
      createdBy: null,
    });
});
afterAll(() => node?.close());

const INVITE = 'mutation { createInvitation(input: { role: EDITOR, initiatives: ["atemos"] }) { url } }';
const ACCEPT =
  'mutation($t: String!, $e: String!, $p: String!) { acceptInvitation(token: $t, email: $e, password: $p) { account { email } error { code message } } }';
const CHECK = 'query($t: String!) { invitation(token: $t) { invitation { role } error { code message } } }';
async function newLink(): Promise<string> {
  return (await admin.gql(INVITE)).data.createInvitation.url.split('/invitations/')[1];
}
const accept = (token: string, email: string, password = 'a good long password', address = '198.51.100.1') =>
  node.registry.invitations.accept(token, email, password, address).then(
    () => 'ACCEPTED',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('an invitation link is no oracle of accounts', () => {
  it('is used up after a few refused addresses, and then says to ask for a new one', async () => {
    const token = await newLink();
    const codes = [];
    for (const email of TAKEN.slice(0, 8))
      codes.push((await anonymous(node).gql(ACCEPT, { t: token, e: email, p: 'a good long password' })).data.acceptInvitation.error.code);
    expect(INVITATION_REFUSALS.perInvitation).toBe(5);
    expect(codes.slice(0, 4)).toEqual(['EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN']);
    // The fifth refusal uses the link up, and says so instead of answering about the address.
    expect(codes.slice(4)).toEqual(['INVITATION_USED', 'INVITATION_USED', 'INVITATION_USED', 'INVITATION_USED']);
    const fresh = await anonymous(node).gql(ACCEPT, { t: token, e: 'newcomer@liege.test', p: 'a good long password' });
    expect(fresh.data.acceptInvitation.error).toMatchObject({
      code: 'INVITATION_USED',
      message: expect.stringMatching(/too many.*ask for a new one/i),
    });
    expect((await anonymous(node).gql(CHECK, { t: token })).data.invitation.error).toMatchObject({
      code: 'INVITATION_USED',
      message: expect.stringMatching(/ask for a new one/i),
    });
    expect(await node.registry.accounts.findByEmail('newcomer@liege.test')).toBeNull();
  });

  it('answers about at most the allowed number of addresses, however many attempts arrive at once', async () => {
    const token = await newLink();
    const outcomes = await Promise.all(TAKEN.map((email, i) => accept(token, email, 'a good long password', `198.51.100.${10 + i}`)));
    for (const email of TAKEN) outcomes.push(await accept(token, email, 'a good long password', '198.51.100.30'));
    expect(outcomes.filter((o) => o === 'EMAIL_TAKEN').length).toBeLessThanOrEqual(INVITATION_REFUSALS.perInvitation - 1);
    expect(outcomes).not.toContain('ACCEPTED');
  });

  it('refuses a weak password before looking at the e-mail address, without using the link', async () => {
    const token = await newLink();
    for (const email of TAKEN) expect(await accept(token, email, 'short')).toBe('WEAK_PASSWORD');
    expect(await accept(token, ' Newcomer2@Liege.Test ', 'a good long password')).toBe('ACCEPTED');
    expect(await node.registry.accounts.findByEmail('newcomer2@liege.test')).not.toBeNull();
  });

  it('limits refused acceptances per client address, across links', async () => {
    const links = [await newLink(), await newLink(), await newLink()];
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push(await accept(links[i % 3]!, TAKEN[i]!, 'a good long password', '203.0.113.99'));
    expect(INVITATION_REFUSALS.perAddress.max).toBe(10);
    expect(codes.slice(0, 10).every((c) => c === 'EMAIL_TAKEN')).toBe(true);
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Another address may still use the links.
    expect(await accept(links[0]!, 'newcomer3@liege.test', 'a good long password', '203.0.113.100')).toBe('ACCEPTED');
  });

  it('refuses a made-up token of any length as not valid', async () => {
    for (const token of ['', 'x', 'y'.repeat(5000)]) expect(await accept(token, 'someone@liege.test')).toBe('INVITATION_INVALID');
  });
});
