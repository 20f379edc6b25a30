// Forgotten passwords (ADR 0025): a link works once, for one hour, cannot be guessed, and asking
// for one never tells whether an address has an account. With SMTP it is e-mailed; without, the
// admin makes it on the web and passes it on. Setting the new password ends every session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD, signInBearer, type Session } from '../testing/graphql-client.ts';
import { PasswordResetRepository } from './password-reset-repository.ts';
import { PASSWORD_RESET_LIMITS, PasswordResets } from './password-resets.ts';

let node: TestNode;
let admin: Session;
let editorId: string;
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  await createAccount(node, 'forgetful@univerbal.test', 'editor', ['univerbal']);
  editorId = (await node.registry.accounts.findByEmail('forgetful@univerbal.test'))!._id;
});
afterAll(() => node?.close());

const MAKE = 'mutation($a: ID!) { createPasswordResetLink(account: $a) { url expiresAt error { code message } } }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { ok error { code message } } }';
const USABLE = 'query($t: String!) { passwordResetLinkUsable(token: $t) }';
const tokenOf = (url: string) => url.split('/sign-in/reset/')[1]!;
const NEW_PASSWORD = 'a brand new long password';

/** The node's password resets with a clock the test moves and a mailer that keeps what it sends. */
function resetsWithMail(start = Date.now()) {
  const sent: Array<{ to: string; subject: string; text: string }> = [];
  let now = start;
  const { accounts, sessions, limiter, audit, config, store } = node.registry;
  const resets = new PasswordResets({
    links: new PasswordResetRepository(store),
    accounts,
    sessions,
    limiter,
    audit,
    publicUrl: config.publicUrl,
    now: () => new Date(now),
    nodeLanguage: async () => 'fr',
    sendMail: async (to, subject, text) => (sent.push({ to, subject, text }), true),
  });
  return { resets, sent, advance: (ms: number) => (now += ms) };
}

describe('without SMTP: the admin makes the link on the web', () => {
  it('says to ask the admin instead of pretending to e-mail', async () => {
    expect((await anonymous(node).gql('{ passwordResetByEmail }')).data.passwordResetByEmail).toBe(false);
    const asked = await anonymous(node).gql(
      'mutation { requestPasswordReset(email: "forgetful@univerbal.test") { ok error { code message } } }',
    );
    expect(asked.data.requestPasswordReset).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(asked.data.requestPasswordReset.error.message).toMatch(/admin/);
  });

  it('is made by admins only, audited, works once, and ends every session of the account', async () => {
    const editor = await signInBearer(node, 'forgetful@univerbal.test', PASSWORD);
    const moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
    expect((await moderator.gql(MAKE, { a: editorId })).data.createPasswordResetLink).toMatchObject({
      url: null,
      error: { code: 'NOT_AUTHORIZED' },
    });
    expect((await editor.gql(MAKE, { a: editorId })).data.createPasswordResetLink.error.code).toBe('NOT_AUTHORIZED');
    expect((await anonymous(node).gql(MAKE, { a: editorId })).data.createPasswordResetLink.error.code).toBe('SIGN_IN_REQUIRED');

    const made = (await admin.gql(MAKE, { a: editorId })).data.createPasswordResetLink;
    expect(made.error).toBeNull();
    expect(made.url).toMatch(/^http:\/\/registry\.test\/sign-in\/reset\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(made.url);
    // Only the token's hash is stored.
    expect(JSON.stringify(await node.registry.store.collection('passwordResetLinks').find({}))).not.toContain(token);
    const audit = (await admin.gql('{ auditLog(first: 5) { action target } }')).data.auditLog;
    expect(audit).toContainEqual({ action: 'account.passwordResetLink', target: `account:${editorId}` });

    // A weak password is refused without using the link up.
    const weak = await anonymous(node).gql(RESET, { t: token, p: 'short' });
    expect(weak.data.resetPassword).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    expect((await anonymous(node).gql(USABLE, { t: token })).data.passwordResetLinkUsable).toBe(true);

    const other = tokenOf((await admin.gql(MAKE, { a: editorId })).data.createPasswordResetLink.url);
    const done = await anonymous(node).gql(RESET, { t: token, p: NEW_PASSWORD });
    expect(done.data.resetPassword).toEqual({ ok: true, error: null });
    // The session opened with the old password is over; the new password signs in, the old does not.
    expect((await editor.gql('{ me { account { id } } }')).data.me).toBeNull();
    await expect(signInBearer(node, 'forgetful@univerbal.test', PASSWORD)).rejects.toThrow(/INVALID_CREDENTIALS/);
    expect(await signInBearer(node, 'forgetful@univerbal.test', NEW_PASSWORD)).toBeTruthy();

    // Once only, and the account's other links end with it.
    expect((await anonymous(node).gql(USABLE, { t: other })).data.passwordResetLinkUsable).toBe(false);
    const again = await anonymous(node).gql(RESET, { t: token, p: 'yet another long password' });
    expect(again.data.resetPassword).toMatchObject({ ok: false, error: { code: 'LINK_INVALID' } });
    expect((await anonymous(node).gql(USABLE, { t: token })).data.passwordResetLinkUsable).toBe(false);
    expect((await admin.gql('{ auditLog(first: 5) { action target } }')).data.auditLog).toContainEqual({
      action: 'account.passwordReset',
      target: `account:${editorId}`,
    });
  });

  it('refuses tokens that were never made, whatever their shape, and disabled accounts', async () => {
    for (const guess of [
      '',
      'x',
      'A'.repeat(43),
      tokenOf((await admin.gql(MAKE, { a: editorId })).data.createPasswordResetLink.url).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      '{"$ne":null}',
      'A'.repeat(10_000),
    ]) {
      const attempt = await anonymous(node).gql(RESET, { t: guess, p: NEW_PASSWORD + ' 2' });
      expect(attempt.data.resetPassword.error?.code).toBe('LINK_INVALID');
    }
    const unknown = await admin.gql(MAKE, { a: 'no-such-account' });
    expect(unknown.data.createPasswordResetLink.error.code).toBe('NOT_FOUND');
    // A link made before the account was disabled stops working.
    const token = tokenOf((await admin.gql(MAKE, { a: editorId })).data.createPasswordResetLink.url);
    await admin.gql('mutation($id: ID!) { disableAccount(id: $id) { error { code } } }', { id: editorId });
    expect((await anonymous(node).gql(RESET, { t: token, p: NEW_PASSWORD + ' 3' })).data.resetPassword.error.code).toBe('LINK_INVALID');
    expect((await admin.gql(MAKE, { a: editorId })).data.createPasswordResetLink.error.code).toBe('INVALID_STATE');
    await admin.gql('mutation($id: ID!) { enableAccount(id: $id) { error { code } } }', { id: editorId });
  });
});

describe('with SMTP: the person asks for the link by e-mail', () => {
  it('answers the same whether or not the address has an account, and mails only the account', async () => {
    const { resets, sent } = resetsWithMail();
    const known = await resets.request({ email: ' Forgetful@Univerbal.test ', address: '198.51.100.1', language: null }).then(() => 'same');
    const unknown = await resets.request({ email: 'nobody@univerbal.test', address: '198.51.100.1', language: null }).then(() => 'same');
    expect(unknown).toBe(known);
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.to).toBe('forgetful@univerbal.test');
    // In the node's language (French here) when the person's is not known.
    expect(sent[0]!.subject).toBe('Choisir un nouveau mot de passe');
    expect(sent[0]!.text).toMatch(/http:\/\/registry\.test\/sign-in\/reset\/[A-Za-z0-9_-]{43}/);
  });

  it('writes in the language the person asked in', async () => {
    const { resets, sent } = resetsWithMail();
    await resets.request({ email: 'forgetful@univerbal.test', address: '198.51.100.9', language: 'it' });
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.subject).toBe('Scegli una nuova password');
  });

  it('expires after one hour', async () => {
    const { resets, sent, advance } = resetsWithMail();
    await resets.request({ email: 'forgetful@univerbal.test', address: '198.51.100.2', language: 'en' });
    await expect.poll(() => sent.length).toBe(1);
    const token = tokenOf(/http\S+/.exec(sent[0]!.text)![0]);
    advance(61 * 60_000);
    await expect(resets.reset({ token, newPassword: 'an expired attempt password', address: '198.51.100.2' })).rejects.toMatchObject({
      code: 'LINK_INVALID',
    });
  });

  it('limits requests per address asked for, whoever asks, with the same answer for unknown addresses', async () => {
    const { resets, sent } = resetsWithMail();
    const attempt = (email: string, i: number) =>
      resets.request({ email, address: `203.0.113.${i}`, language: null }).then(
        () => 'OK',
        (e: { code?: string }) => e.code,
      );
    const knownAnswers = [];
    const unknownAnswers = [];
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perEmail.max + 2; i++) {
      knownAnswers.push(await attempt('limited@univerbal.test', 10 + i));
      unknownAnswers.push(await attempt('ghost@univerbal.test', 40 + i));
    }
    expect(knownAnswers).toEqual(unknownAnswers);
    expect(knownAnswers.filter((a) => a === 'RATE_LIMITED')).toHaveLength(2);
    expect(sent).toHaveLength(0);
  });

  it('limits requests per client address', async () => {
    const { resets } = resetsWithMail();
    const answers = [];
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perClient.max + 1; i++)
      answers.push(
        await resets.request({ email: `someone${i}@elsewhere.test`, address: '2001:db8:1:2::' + (i + 1), language: null }).then(
          () => 'OK',
          (e: { code?: string }) => e.code,
        ),
      );
    expect(answers.at(-1)).toBe('RATE_LIMITED');
  });
});
