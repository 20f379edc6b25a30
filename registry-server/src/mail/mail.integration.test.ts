// With SMTP_URL set, invitation links and relay notifications are e-mailed; a real SMTP server
// (smtp-server) listens on loopback for the test. Without it, or when it is down, actions still
// succeed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD, session } from '../testing/graphql-client.ts';
import { freePort } from '../testing/free-port.ts';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../testing/mail-catcher.ts';

let catcher: MailCatcher;
let received: CaughtMail[];
let node: TestNode;

beforeAll(async () => {
  catcher = await startMailCatcher();
  received = catcher.mails;
  node = await startTestNode({ smtpUrl: catcher.url });
});
afterAll(async () => {
  await node?.close();
  await catcher?.close();
});

describe('e-mail', () => {
  it('e-mails an invitation link when asked', async () => {
    const admin = await createAccount(node, 'admin@liege.test', 'admin');
    const { data } = await admin.gql(
      'mutation { createInvitation(input: { role: MODERATOR, email: "official@city.test" }) { url emailed error { message } } }',
    );
    expect(data.createInvitation.emailed).toBe(true);
    const mail = received.find((m) => m.to === 'official@city.test');
    expect(mail?.text.replace(/=\r?\n/g, '')).toContain(data.createInvitation.url);
  });

  it('tells an initiative that a relayed message waits, without the message itself', async () => {
    const editor = await createAccount(node, 'team@univerbal.test', 'editor', ['univerbal']);
    await node.registry.settings.update({ editsRequireReview: false });
    const { version } = (await editor.gql('{ editableInitiative(slug: "univerbal") { version } }')).data.editableInitiative;
    await editor.gql(
      'mutation($v: Int!) { updateInitiative(id: "univerbal", version: $v, changes: { contact: { email: "inbox@univerbal.test", emailVisibility: PRIVATE } }) { error { message } } }',
      { v: version },
    );
    await anonymous(node).gql(
      'mutation { sendMessage(initiative: "univerbal", input: { replyTo: "a@b.test", subject: "Hello", body: "A confidential request for interpreting." }) { ok } }',
    );
    await expect.poll(() => received.find((m) => m.to === 'inbox@univerbal.test'), { timeout: 5_000 }).toBeTruthy();
    const mail = received.find((m) => m.to === 'inbox@univerbal.test')!;
    expect(mail.text).toMatch(/Sign in to read it/);
    expect(mail.text).not.toContain('confidential request');
  });

  it("e-mails the existing editors when a new editor joins, without the newcomer's address", async () => {
    // Signed in in English: e-mails to this editor are written in English.
    const signedIn = await session(node, { 'accept-language': 'en' }).gql(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, session: BEARER) { token } }',
      { e: 'team@univerbal.test', p: PASSWORD },
    );
    const editor = session(node, { authorization: `Bearer ${signedIn.data.signIn.token}` });
    const { data } = await editor.gql(
      'mutation { createInvitation(input: { role: EDITOR, initiatives: ["univerbal"] }) { url error { message } } }',
    );
    const token = data.createInvitation.url.split('/invitations/')[1];
    const accepted = await anonymous(node).gql(
      'mutation($t: String!) { acceptInvitation(token: $t, email: "newcomer@univerbal.test", password: "a long test password 1") { error { code } } }',
      { t: token },
    );
    expect(accepted.data.acceptInvitation.error).toBeNull();
    const notice = () => received.find((m) => m.to === 'team@univerbal.test' && /New editor added/.test(m.text));
    await expect.poll(notice, { timeout: 5_000 }).toBeTruthy();
    const text = notice()!.text.replace(/=\r?\n/g, '');
    expect(text).toMatch(/invited by one of its editors/);
    expect(text).not.toContain('newcomer@univerbal.test');
    expect(received.some((m) => m.to === 'newcomer@univerbal.test')).toBe(false);
  });

  it('still creates the invitation when the mail server is down', async () => {
    const down = await startTestNode({ smtpUrl: `smtp://127.0.0.1:${await freePort()}` });
    const admin = await createAccount(down, 'admin@liege.test', 'admin');
    const { data } = await admin.gql(
      'mutation { createInvitation(input: { role: MODERATOR, email: "official@city.test" }) { url emailed error { message } } }',
    );
    expect(data.createInvitation).toMatchObject({ emailed: false, error: null });
    expect(data.createInvitation.url).toMatch(/invitations\//);
    await down.close();
  });
});
