// Accounts over real HTTP: sign-in by cookie and by bearer token, rate limits, CSRF, sign-out,
// password change, invitations (single use, expiry), and forged credentials changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD, session, signInBearer, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let admin: Session;
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
});
afterAll(() => node?.close());

const SIGN_IN =
  'mutation($e: String!, $p: String!, $s: SessionKind) { signIn(email: $e, password: $p, session: $s) { token csrfToken account { role } error { code message ... on RateLimited { retryAfterSeconds } } } }';
const ME = '{ me { account { email role } csrfToken canModerate isAdmin } }';

async function cookieSignIn(email: string, password: string) {
  const response = await fetch(`${node.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SIGN_IN, variables: { e: email, p: password, s: 'COOKIE' } }),
  });
  const body = (await response.json()) as any;
  return { cookie: response.headers.get('set-cookie') ?? '', body };
}

describe('signing in', () => {
  it('gives a bearer token that identifies the account', async () => {
    const { data } = await admin.gql(ME);
    expect(data.me).toMatchObject({
      account: { email: 'admin@liege.test', role: 'ADMIN' },
      csrfToken: null,
      canModerate: true,
      isAdmin: true,
    });
  });

  it('refuses a wrong password and an unknown e-mail with the same message', async () => {
    const wrong = await anonymous(node).gql(SIGN_IN, { e: 'admin@liege.test', p: 'not the password at all' });
    const unknown = await anonymous(node).gql(SIGN_IN, { e: 'nobody@liege.test', p: 'not the password at all' });
    expect(wrong.data.signIn.error).toEqual(unknown.data.signIn.error);
    expect(wrong.data.signIn.error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.data.signIn.token).toBeNull();
  });

  it('rate-limits failed attempts on one account, even with the right password afterwards', async () => {
    await createAccount(node, 'target@liege.test', 'editor', ['univerbal']);
    for (let i = 0; i < 5; i++) {
      const { data } = await anonymous(node).gql(SIGN_IN, { e: 'target@liege.test', p: `guess number ${i} wrong` });
      expect(data.signIn.error.code).toBe('INVALID_CREDENTIALS');
    }
    const { data } = await anonymous(node).gql(SIGN_IN, { e: 'target@liege.test', p: PASSWORD, s: 'BEARER' });
    expect(data.signIn.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(data.signIn.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(data.signIn.token).toBeNull();
  });

  it('rate-limits sign-in attempts per client address, whatever the accounts tried', async () => {
    const service = node.registry.accountService;
    const attempt = (i: number) =>
      service
        .signIn({ email: `someone${i}@liege.test`, password: 'wrong password here', via: 'bearer', address: '192.0.2.7' })
        .catch((e: { code: string }) => e.code);
    const codes = [];
    for (let i = 0; i < 31; i++) codes.push(await attempt(i));
    expect(codes.slice(0, 30).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(codes[30]).toBe('RATE_LIMITED');
    // Other addresses are not affected.
    await expect(
      service.signIn({ email: 'admin@liege.test', password: PASSWORD, via: 'bearer', address: '192.0.2.8' }),
    ).resolves.toMatchObject({ account: { email: 'admin@liege.test' } });
  });

  it("sets an httpOnly SameSite cookie, and cookie writes need the CSRF token from the node's origin", async () => {
    const { cookie, body } = await cookieSignIn('admin@liege.test', PASSWORD);
    expect(cookie).toMatch(/umn_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(body.data.signIn.token).toBeNull();
    const csrf = body.data.signIn.csrfToken as string;
    expect(csrf.length).toBeGreaterThan(20);
    const sessionCookie = cookie.split(';')[0]!;
    const me = await session(node, { cookie: sessionCookie }).gql(ME);
    expect(me.data.me.csrfToken).toBe(csrf);

    const change = 'mutation { updateNodeSettings(editsRequireReview: false) { settings { editsRequireReview } error { code } } }';
    const withoutToken = await session(node, { cookie: sessionCookie }).gql(change);
    expect(withoutToken.data.updateNodeSettings.error.code).toBe('CSRF_FAILED');
    const foreignOrigin = await session(node, { cookie: sessionCookie, 'x-csrf-token': csrf, origin: 'https://evil.example' }).gql(change);
    expect(foreignOrigin.data.updateNodeSettings.error.code).toBe('CSRF_FAILED');
    expect((await admin.gql('{ nodeSettings { editsRequireReview } }')).data.nodeSettings.editsRequireReview).toBe(true);
    const withToken = await session(node, { cookie: sessionCookie, 'x-csrf-token': csrf, origin: 'http://registry.test' }).gql(
      'mutation { updateNodeSettings(editsRequireReview: true) { settings { editsRequireReview } error { code } } }',
    );
    expect(withToken.data.updateNodeSettings).toEqual({ settings: { editsRequireReview: true }, error: null });
  });

  it('signs out: the token stops working', async () => {
    const editor = await signInBearer(node, 'admin@liege.test', PASSWORD);
    expect((await editor.gql('mutation { signOut { ok } }')).data.signOut.ok).toBe(true);
    expect((await editor.gql(ME)).data.me).toBeNull();
  });

  it('changes a password, ending the other sessions', async () => {
    const first = await createAccount(node, 'changer@liege.test', 'moderator');
    const second = await signInBearer(node, 'changer@liege.test', PASSWORD);
    const weak = await first.gql(
      'mutation { changePassword(currentPassword: "a long test password 1", newPassword: "short") { ok error { code ... on ValidationFailed { fields { field } } } } }',
    );
    expect(weak.data.changePassword.error).toMatchObject({ code: 'WEAK_PASSWORD', fields: [{ field: 'newPassword' }] });
    const wrong = await first.gql(
      'mutation { changePassword(currentPassword: "not my password", newPassword: "a brand new long password") { ok error { code } } }',
    );
    expect(wrong.data.changePassword.error.code).toBe('INVALID_CREDENTIALS');
    const ok = await first.gql(
      'mutation { changePassword(currentPassword: "a long test password 1", newPassword: "a brand new long password") { ok error { code } } }',
    );
    expect(ok.data.changePassword).toEqual({ ok: true, error: null });
    expect((await first.gql(ME)).data.me.account.email).toBe('changer@liege.test');
    expect((await second.gql(ME)).data.me).toBeNull();
    await expect(signInBearer(node, 'changer@liege.test', PASSWORD)).rejects.toThrow(/sign-in failed/);
    await signInBearer(node, 'changer@liege.test', 'a brand new long password');
  });

  it('treats forged or expired credentials as anonymous, so they change nothing', async () => {
    const forged = session(node, { authorization: 'Bearer forgedforgedforgedforgedforgedforged' });
    expect((await forged.gql(ME)).data.me).toBeNull();
    const attempt = await forged.gql('mutation { approve(id: "univerbal", version: 1) { error { code } } }');
    expect(attempt.data.approve.error.code).toBe('SIGN_IN_REQUIRED');
    const garbageCookie = session(node, { cookie: 'umn_session=not-a-session-token-at-all-xxxxxxxx' });
    expect((await garbageCookie.gql(ME)).data.me).toBeNull();
    const { body } = await node.query('{ initiative(slug: "univerbal") { name { text } } }');
    expect(body.data.initiative.name.text).toBe('Univerbal');
  });
});

describe('invitations', () => {
  const INVITE =
    'mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { url emailed invitation { role initiatives expiresAt } error { code message ... on ValidationFailed { fields { field code } } } } }';
  const ACCEPT =
    'mutation($t: String!, $e: String!, $p: String!) { acceptInvitation(token: $t, email: $e, password: $p) { account { email role initiatives } error { code message } } }';
  const tokenOf = (url: string) => url.split('/invitations/')[1]!;

  it('lets the admin invite a moderator, who invites the first editor of Parallax; each link works once', async () => {
    const modInvite = await admin.gql(INVITE, { i: { role: 'MODERATOR', note: 'City procurement service' } });
    expect(modInvite.data.createInvitation).toMatchObject({
      emailed: false,
      invitation: { role: 'MODERATOR', initiatives: [] },
      error: null,
    });
    const modToken = tokenOf(modInvite.data.createInvitation.url);
    expect(modInvite.data.createInvitation.url).toMatch(/^http:\/\/registry\.test\/invitations\//);
    const check = await anonymous(node).gql('query($t: String!) { invitation(token: $t) { invitation { role } error { code } } }', {
      t: modToken,
    });
    expect(check.data.invitation).toEqual({ invitation: { role: 'MODERATOR' }, error: null });

    const accepted = await anonymous(node).gql(ACCEPT, { t: modToken, e: 'official@liege.test', p: 'moderator password long' });
    expect(accepted.data.acceptInvitation.account).toEqual({ email: 'official@liege.test', role: 'MODERATOR', initiatives: [] });
    const reused = await anonymous(node).gql(ACCEPT, { t: modToken, e: 'someone@liege.test', p: 'another password long' });
    expect(reused.data.acceptInvitation.error.code).toBe('INVITATION_USED');

    const moderator = await signInBearer(node, 'official@liege.test', 'moderator password long');
    const notAllowed = await moderator.gql(INVITE, { i: { role: 'MODERATOR' } });
    expect(notAllowed.data.createInvitation.error.code).toBe('NOT_AUTHORIZED');
    const unknownInitiative = await moderator.gql(INVITE, { i: { role: 'EDITOR', initiatives: ['no-such-initiative'] } });
    expect(unknownInitiative.data.createInvitation.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'initiatives.0', code: 'UNKNOWN_REFERENCE' }],
    });
    // Univerbal has an editor already (target@liege.test): a moderator may invite only the first one (ADR 0012).
    expect((await moderator.gql(INVITE, { i: { role: 'EDITOR', initiatives: ['univerbal'] } })).data.createInvitation.error.code).toBe(
      'NOT_AUTHORIZED',
    );
    const editorInvite = await moderator.gql(INVITE, { i: { role: 'EDITOR', initiatives: ['parallax'] } });
    const editorToken = tokenOf(editorInvite.data.createInvitation.url);
    // A refused account (weak password) does not use up the link.
    const weak = await anonymous(node).gql(ACCEPT, { t: editorToken, e: 'team@parallax.test', p: 'short' });
    expect(weak.data.acceptInvitation.error.code).toBe('WEAK_PASSWORD');
    const editor = await anonymous(node).gql(ACCEPT, { t: editorToken, e: 'team@parallax.test', p: 'editor password long' });
    expect(editor.data.acceptInvitation.account).toEqual({ email: 'team@parallax.test', role: 'EDITOR', initiatives: ['parallax'] });
  });

  it('refuses expired, unknown and anonymous invitations', async () => {
    const created = await admin.gql(INVITE, { i: { role: 'EDITOR', initiatives: ['atemos'] } });
    const token = tokenOf(created.data.createInvitation.url);
    await node.registry.store.collection('invitations').updateMany({}, { $set: { expiresAt: '2000-01-01T00:00:00.000Z' } });
    expect(
      (await anonymous(node).gql(ACCEPT, { t: token, e: 'late@atemos.test', p: 'a long enough password' })).data.acceptInvitation.error
        .code,
    ).toBe('INVITATION_EXPIRED');
    expect(
      (await anonymous(node).gql(ACCEPT, { t: 'made-up-token-0123456789', e: 'x@y.test', p: 'a long enough password' })).data
        .acceptInvitation.error.code,
    ).toBe('INVITATION_INVALID');
    expect((await anonymous(node).gql(INVITE, { i: { role: 'EDITOR', initiatives: ['atemos'] } })).data.createInvitation.error.code).toBe(
      'SIGN_IN_REQUIRED',
    );
    expect(await node.registry.accounts.findByEmail('late@atemos.test')).toBeNull();
  });

  it('keeps accounts and the audit log for admins only', async () => {
    const editor = await createAccount(node, 'reader@atemos.test', 'editor', ['atemos']);
    const refused = await editor.gql('{ accounts { email } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const log = await admin.gql('{ auditLog(first: 100) { action accountId target } }');
    expect(log.data.auditLog.map((e: { action: string }) => e.action)).toContain('invitation.create');
    expect((await anonymous(node).gql('{ auditLog { action } }')).errors?.[0]?.extensions?.code).toBe('SIGN_IN_REQUIRED');
  });
});
