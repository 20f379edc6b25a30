// Issue 14 point 8, over real HTTP: an admin changes an account's role (never leaving the node
// without an admin), adds an existing account as editor of an initiative, and resends an
// invitation (the old link stops working); moderators and editors are refused every one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD, session, type Session } from '../testing/graphql-client.ts';
import { startMailCatcher, type MailCatcher } from '../testing/mail-catcher.ts';

let node: TestNode;
let admin: Session;
let moderator: Session;
let editor: Session;
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@people.test', 'admin');
  moderator = await createAccount(node, 'moderator@people.test', 'moderator');
  editor = await createAccount(node, 'team@univerbal.people.test', 'editor', ['univerbal']);
});
afterAll(() => node?.close());

const ROLE = 'mutation($a: ID!, $r: Role!) { changeAccountRole(account: $a, role: $r) { account { id role } error { code message } } }';
const ADD =
  'mutation($a: ID!, $i: String!) { addEditor(account: $a, initiative: $i) { account { id initiatives } error { code message } } }';
const INVITE = 'mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { url invitation { id } error { code message } } }';
const RESEND =
  'mutation($id: ID!, $e: String) { resendInvitation(id: $id, email: $e) { url emailed invitation { id role initiatives note expiresAt expired } error { code message } } }';
const CHECK = 'query($t: String!) { invitation(token: $t) { invitation { role } error { code } } }';
const ACCEPT =
  'mutation($t: String!, $e: String!, $p: String!) { acceptInvitation(token: $t, email: $e, password: $p) { account { id role initiatives } error { code message } } }';
const DISABLE = 'mutation($id: ID!) { disableAccount(id: $id) { account { id disabled } error { code message } } }';
const tokenOf = (url: string) => url.split('/invitations/')[1]!;

async function idOf(account: Session): Promise<string> {
  return (await account.gql('{ me { account { id } } }')).data.me.account.id;
}

async function auditActions(): Promise<Array<{ action: string; target: string; details: unknown }>> {
  return (await admin.gql('{ auditLog(first: 50) { action target details } }')).data.auditLog;
}

describe('changing an account role', () => {
  it('makes an editor a moderator at once, audited, and refuses moderators and editors', async () => {
    const person = await createAccount(node, 'grows@people.test', 'editor', ['parallax']);
    const id = await idOf(person);
    expect((await moderator.gql(ROLE, { a: id, r: 'ADMIN' })).data.changeAccountRole.error.code).toBe('NOT_AUTHORIZED');
    expect((await editor.gql(ROLE, { a: id, r: 'MODERATOR' })).data.changeAccountRole.error.code).toBe('NOT_AUTHORIZED');
    // Nobody may make themselves more than they are.
    expect((await person.gql(ROLE, { a: id, r: 'ADMIN' })).data.changeAccountRole.error.code).toBe('NOT_AUTHORIZED');
    expect((await person.gql('{ me { canModerate } }')).data.me.canModerate).toBe(false);

    expect((await admin.gql(ROLE, { a: id, r: 'MODERATOR' })).data.changeAccountRole).toEqual({
      account: { id, role: 'MODERATOR' },
      error: null,
    });
    // The open session reads the new role at its next request.
    expect((await person.gql('{ me { canModerate isAdmin } }')).data.me).toEqual({ canModerate: true, isAdmin: false });
    expect(await auditActions()).toContainEqual({
      action: 'account.changeRole',
      target: `account:${id}`,
      details: { from: 'editor', to: 'moderator' },
    });
    // The same role again changes nothing and says so.
    expect((await admin.gql(ROLE, { a: id, r: 'MODERATOR' })).data.changeAccountRole.error.code).toBe('INVALID_STATE');
  });

  it('never demotes the last admin, not even the admin themselves', async () => {
    const adminId = await idOf(admin);
    for (const role of ['MODERATOR', 'EDITOR'])
      expect((await admin.gql(ROLE, { a: adminId, r: role })).data.changeAccountRole.error).toMatchObject({
        code: 'INVALID_STATE',
        message: expect.stringMatching(/last admin/),
      });
    expect((await admin.gql('{ me { isAdmin } }')).data.me.isAdmin).toBe(true);
    // Nor through the service with an actor that is not an account of the node (the command line).
    await expect(
      node.registry.accountAdministration.changeRole(
        { kind: 'account', accountId: 'cli', role: 'admin', initiatives: [], sessionId: 'cli', via: 'cli' },
        adminId,
        'editor',
      ),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await node.registry.accounts.findById(adminId))!.role).toBe('admin');
  });

  it('lets a second admin step down, but the remaining one stays, and a disabled admin does not count', async () => {
    const second = await createAccount(node, 'second-admin@people.test', 'admin');
    const secondId = await idOf(second);
    const third = await createAccount(node, 'third-admin@people.test', 'admin');
    const thirdId = await idOf(third);
    // Disabled: the node then has two enabled admins (admin, second).
    expect((await admin.gql(DISABLE, { id: thirdId })).data.disableAccount.error).toBeNull();
    expect((await second.gql(ROLE, { a: secondId, r: 'MODERATOR' })).data.changeAccountRole.error).toBeNull();
    // Their open session has lost the admin's pages at once.
    expect((await second.gql('{ me { isAdmin } }')).data.me.isAdmin).toBe(false);
    expect((await second.gql('{ accounts { id } }')).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    // Now `admin` is the last enabled admin: the (disabled) third one is no way back in.
    const adminId = await idOf(admin);
    expect((await admin.gql(ROLE, { a: adminId, r: 'EDITOR' })).data.changeAccountRole.error.code).toBe('INVALID_STATE');
    expect((await admin.gql(DISABLE, { id: adminId })).data.disableAccount.error.code).toBe('INVALID_STATE');
  });

  it('refuses unknown accounts and roles outside the enum with a clear error', async () => {
    expect((await admin.gql(ROLE, { a: 'no-such-account', r: 'EDITOR' })).data.changeAccountRole.error.code).toBe('NOT_FOUND');
    const bad = await node.query(ROLE, { a: await idOf(editor), r: 'SUPERUSER' }, admin.headers);
    expect(bad.body.errors?.[0]?.message).toMatch(/Role/);
    const actor = {
      kind: 'account' as const,
      accountId: await idOf(admin),
      role: 'admin' as const,
      initiatives: [],
      sessionId: 's',
      via: 'cli' as const,
    };
    for (const role of ['superuser', 'ADMIN', '', '__proto__'])
      await expect(node.registry.accountAdministration.changeRole(actor, await idOf(editor), role as 'editor')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
  });
});

describe('adding an existing account as editor of an initiative', () => {
  it('adds it at once, audited; refuses moderators, editors, unknown initiatives and duplicates', async () => {
    const person = await createAccount(node, 'joins@people.test', 'editor', ['parallax']);
    const id = await idOf(person);
    expect((await moderator.gql(ADD, { a: id, i: 'univerbal' })).data.addEditor.error.code).toBe('NOT_AUTHORIZED');
    // An editor of univerbal may invite co-editors, but not hand an initiative to an account directly.
    expect((await editor.gql(ADD, { a: id, i: 'univerbal' })).data.addEditor.error.code).toBe('NOT_AUTHORIZED');
    expect((await person.gql(ADD, { a: id, i: 'univerbal' })).data.addEditor.error.code).toBe('NOT_AUTHORIZED');

    expect((await admin.gql(ADD, { a: id, i: 'univerbal' })).data.addEditor).toEqual({
      account: { id, initiatives: ['parallax', 'univerbal'] },
      error: null,
    });
    expect((await person.gql('{ editableInitiative(slug: "univerbal") { messages { id } } }')).errors).toBeUndefined();
    expect(await auditActions()).toContainEqual({
      action: 'initiative.addEditor',
      target: `account:${id}`,
      details: { initiative: 'univerbal' },
    });

    expect((await admin.gql(ADD, { a: id, i: 'univerbal' })).data.addEditor.error.code).toBe('INVALID_STATE');
    for (const initiative of ['no-such-initiative', '../univerbal', 'UNIVERBAL', '$where', ''])
      expect((await admin.gql(ADD, { a: id, i: initiative })).data.addEditor.error.code).toBe('NOT_FOUND');
    expect((await admin.gql(ADD, { a: 'nobody', i: 'univerbal' })).data.addEditor.error.code).toBe('NOT_FOUND');
    expect((await node.registry.accounts.findById(id))!.initiatives).toEqual(['parallax', 'univerbal']);
  });

  it('tells the initiative’s other editors that an editor joined', async () => {
    const person = await createAccount(node, 'joins-too@people.test', 'moderator');
    await admin.gql(ADD, { a: await idOf(person), i: 'univerbal' });
    const notices = (await editor.gql('{ myNotifications { kind initiative } }')).data.myNotifications;
    expect(notices).toContainEqual({ kind: 'EDITOR_ADDED', initiative: 'univerbal' });
  });
});

describe('resending an invitation', () => {
  it('makes a new link with a new expiry; the old link is refused from then on', async () => {
    const created = (await moderator.gql(INVITE, { i: { role: 'EDITOR', initiatives: ['atemos'], note: 'For the Atemos team' } })).data
      .createInvitation;
    expect(created.error).toBeNull();
    expect((await moderator.gql(RESEND, { id: created.invitation.id })).data.resendInvitation.error.code).toBe('NOT_AUTHORIZED');
    expect((await editor.gql(RESEND, { id: created.invitation.id })).data.resendInvitation.error.code).toBe('NOT_AUTHORIZED');

    const resent = (await admin.gql(RESEND, { id: created.invitation.id })).data.resendInvitation;
    expect(resent.error).toBeNull();
    expect(resent.emailed).toBe(false);
    expect(resent.invitation).toMatchObject({ role: 'EDITOR', initiatives: ['atemos'], note: 'For the Atemos team', expired: false });
    expect(resent.invitation.id).not.toBe(created.invitation.id);
    expect(resent.url).not.toBe(created.url);

    // The old link no longer works, for checking nor for accepting.
    expect((await anonymous(node).gql(CHECK, { t: tokenOf(created.url) })).data.invitation.error.code).toBe('INVITATION_WITHDRAWN');
    const old = await anonymous(node).gql(ACCEPT, { t: tokenOf(created.url), e: 'old-link@atemos.test', p: PASSWORD });
    expect(old.data.acceptInvitation.error.code).toBe('INVITATION_WITHDRAWN');
    expect(await node.registry.accounts.findByEmail('old-link@atemos.test')).toBeNull();
    // Resending the old one again is refused: it is no longer pending.
    expect((await admin.gql(RESEND, { id: created.invitation.id })).data.resendInvitation.error.code).toBe('INVALID_STATE');

    const accepted = await anonymous(node).gql(ACCEPT, { t: tokenOf(resent.url), e: 'new-link@atemos.test', p: PASSWORD });
    expect(accepted.data.acceptInvitation).toMatchObject({ account: { role: 'EDITOR', initiatives: ['atemos'] }, error: null });
    expect((await auditActions()).map((e) => e.action)).toContain('invitation.resend');
    expect((await admin.gql(RESEND, { id: resent.invitation.id })).data.resendInvitation.error.code).toBe('INVALID_STATE');
    expect((await admin.gql(RESEND, { id: 'not-an-id' })).data.resendInvitation.error.code).toBe('NOT_FOUND');
  });

  it('resends an expired invitation, which admins see among the pending ones when they ask', async () => {
    const created = (await admin.gql(INVITE, { i: { role: 'MODERATOR', note: 'expired one' } })).data.createInvitation;
    const stored = (await node.registry.store.collection('invitations').find({}, { limit: 500 })).find((i: any) =>
      i._id.startsWith(created.invitation.id),
    ) as any;
    await node.registry.store.collection('invitations').updateOne(
      { _id: stored._id },
      {
        $set: { expiresAt: new Date(Date.now() - 86_400_000).toISOString() },
      },
    );
    // Expired yesterday: listed to resend. Much older ones are not (the list stays short).
    const pending = (await admin.gql('{ pendingInvitations(includeExpired: true) { id expired } }')).data.pendingInvitations;
    expect(pending).toContainEqual({ id: created.invitation.id, expired: true });
    expect((await admin.gql('{ pendingInvitations { id } }')).data.pendingInvitations).not.toContainEqual({ id: created.invitation.id });
    const resent = (await admin.gql(RESEND, { id: created.invitation.id })).data.resendInvitation;
    expect(resent.error).toBeNull();
    expect(resent.invitation.expired).toBe(false);
    expect(Date.parse(resent.invitation.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await anonymous(node).gql(CHECK, { t: tokenOf(resent.url) })).data.invitation).toEqual({
      invitation: { role: 'MODERATOR' },
      error: null,
    });
  });
});

describe('resending by e-mail when the node has SMTP', () => {
  let mailNode: TestNode;
  let catcher: MailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    mailNode = await startTestNode({ smtpUrl: catcher.url });
  });
  afterAll(async () => {
    await mailNode?.close();
    await catcher?.close();
  });

  it('e-mails the new link to the address given, and only the new one works', async () => {
    const mailAdmin = await createAccount(mailNode, 'admin@mail.people.test', 'admin');
    const created = (await mailAdmin.gql(INVITE, { i: { role: 'EDITOR', initiatives: ['univerbal'] } })).data.createInvitation;
    const resent = (await mailAdmin.gql(RESEND, { id: created.invitation.id, e: 'invitee@mail.people.test' })).data.resendInvitation;
    expect(resent).toMatchObject({ emailed: true, error: null });
    const mail = catcher.mails.find((m) => m.to === 'invitee@mail.people.test');
    expect(mail?.text).toContain(resent.url);
    expect(mail?.text).not.toContain(created.url);
    const bad = (await mailAdmin.gql(RESEND, { id: resent.invitation.id, e: 'not an address' })).data.resendInvitation;
    expect(bad.error.code).toBe('INVALID_EMAIL');
    // A refused address changes nothing: the link e-mailed still works.
    expect((await anonymous(mailNode).gql(CHECK, { t: tokenOf(resent.url) })).data.invitation.error).toBeNull();
  });
});

describe('refusals', () => {
  it('a cookie session without the CSRF token changes nothing with any of these writes', async () => {
    const response = await fetch(`${node.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, session: COOKIE) { csrfToken } }',
        variables: { e: 'admin@people.test', p: PASSWORD },
      }),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    const browser = session(node, { cookie });
    const target = await createAccount(node, 'csrf-target@people.test', 'editor', ['parallax']);
    const id = await idOf(target);
    const created = (await admin.gql(INVITE, { i: { role: 'MODERATOR' } })).data.createInvitation;
    expect((await browser.gql(ROLE, { a: id, r: 'ADMIN' })).data.changeAccountRole.error.code).toBe('CSRF_FAILED');
    expect((await browser.gql(ADD, { a: id, i: 'univerbal' })).data.addEditor.error.code).toBe('CSRF_FAILED');
    expect((await browser.gql(RESEND, { id: created.invitation.id })).data.resendInvitation.error.code).toBe('CSRF_FAILED');
    expect((await browser.gql('mutation { removeFollower(id: "x") { ok error { code } } }')).data.removeFollower.error.code).toBe(
      'CSRF_FAILED',
    );
    expect(await node.registry.accounts.findById(id)).toMatchObject({ role: 'editor', initiatives: ['parallax'] });
    expect((await anonymous(node).gql(CHECK, { t: tokenOf(created.url) })).data.invitation.error).toBeNull();
  });

  it('a moderator sees only their own pending invitations, even when asking for expired ones', async () => {
    const mine = (await moderator.gql(INVITE, { i: { role: 'EDITOR', initiatives: ['siriuschool'] } })).data.createInvitation;
    const listed = (await moderator.gql('{ pendingInvitations(includeExpired: true) { id } }')).data.pendingInvitations as Array<{
      id: string;
    }>;
    expect(listed.map((i) => i.id)).toContain(mine.invitation.id);
    const all = (await admin.gql('{ pendingInvitations(includeExpired: true) { id } }')).data.pendingInvitations as Array<{ id: string }>;
    expect(all.length).toBeGreaterThan(listed.length);
  });
});
