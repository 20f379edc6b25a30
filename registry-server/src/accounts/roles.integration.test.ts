// Roles cannot be widened by invitation (issue #11, ADR 0012), over real HTTP: who may invite an
// editor for which initiative, what a new editor may read, who is told, and the admin's levers
// (disable an account, remove an editor, withdraw an invitation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD, session, signInBearer, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let admin: Session;
let moderator: Session;
let univerbalEditor: Session;
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  univerbalEditor = await createAccount(node, 'team@univerbal.test', 'editor', ['univerbal']);
});
afterAll(() => node?.close());

const INVITE =
  'mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { url invitation { id role initiatives } error { code message } } }';
const ACCEPT =
  'mutation($t: String!, $e: String!, $p: String!) { acceptInvitation(token: $t, email: $e, password: $p) { account { id email role initiatives } error { code message } } }';
const CHECK = 'query($t: String!) { invitation(token: $t) { invitation { role } error { code message } } }';
const NOTIFICATIONS = '{ myNotifications { id kind initiative byRole createdAt readAt data } }';
const MESSAGES = (slug: string) => `{ editableInitiative(slug: "${slug}") { messages { id subject } } }`;
const SEND =
  'mutation($to: ID!, $s: String!) { sendMessage(initiative: $to, input: { replyTo: "someone@city.test", subject: $s, body: "A message long enough to be relayed." }) { ok error { code } } }';
const DISABLE = 'mutation($id: ID!) { disableAccount(id: $id) { account { id disabled } error { code message } } }';
const ENABLE = 'mutation($id: ID!) { enableAccount(id: $id) { account { id disabled } error { code message } } }';
const REMOVE =
  'mutation($a: ID!, $i: String!) { removeEditor(account: $a, initiative: $i) { account { initiatives } error { code message } } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawInvitation(id: $id) { ok error { code message } } }';
const PENDING = '{ pendingInvitations { id initiatives } }';
const tokenOf = (url: string) => url.split('/invitations/')[1]!;

async function idOf(account: Session): Promise<string> {
  return (await account.gql('{ me { account { id } } }')).data.me.account.id;
}

async function invite(by: Session, role: 'EDITOR' | 'MODERATOR', initiatives: string[] = []) {
  const { data } = await by.gql(INVITE, { i: { role, initiatives } });
  return data.createInvitation as {
    url: string | null;
    invitation: { id: string } | null;
    error: { code: string; message: string } | null;
  };
}

async function join(token: string, email: string): Promise<Session> {
  const accepted = await anonymous(node).gql(ACCEPT, { t: token, e: email, p: PASSWORD });
  expect(accepted.data.acceptInvitation.error).toBeNull();
  return signInBearer(node, email, PASSWORD);
}

async function cookieSession(email: string): Promise<Session> {
  const response = await fetch(`${node.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, session: COOKIE) { csrfToken } }',
      variables: { e: email, p: PASSWORD },
    }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect(cookie).toMatch(/^umn_session=/);
  return session(node, { cookie });
}

describe('a moderator inviting an editor', () => {
  it('is refused for an initiative that has editors: the moderator cannot read its messages through a second account', async () => {
    const attempt = await invite(moderator, 'EDITOR', ['univerbal']);
    expect(attempt.error?.code).toBe('NOT_AUTHORIZED');
    expect(attempt.error?.message).toMatch(/has editors/);
    expect(attempt.url).toBeNull();
    // Naming one initiative without editors beside it does not help: every initiative must pass.
    const mixed = await invite(moderator, 'EDITOR', ['parallax', 'univerbal']);
    expect(mixed.error?.code).toBe('NOT_AUTHORIZED');
    expect((await moderator.gql(PENDING)).data.pendingInvitations).toEqual([]);
  });

  it('is allowed for an initiative without editors, but the new editor reads no message received before joining, and the admins are told', async () => {
    await anonymous(node).gql(SEND, { to: 'atemos', s: 'Before the editor joined' });
    const created = await invite(moderator, 'EDITOR', ['atemos']);
    expect(created.error).toBeNull();
    const newcomer = await join(tokenOf(created.url!), 'second-self@atemos.test');
    await anonymous(node).gql(SEND, { to: 'atemos', s: 'After the editor joined' });

    const inbox = (await newcomer.gql(MESSAGES('atemos'))).data.editableInitiative.messages;
    expect(inbox.map((m: { subject: string }) => m.subject)).toEqual(['After the editor joined']);
    // The older message cannot be reached by its id either.
    const old = await node.registry.store.collection('messages').findOne({ subject: 'Before the editor joined' });
    const mark = await newcomer.gql('mutation($id: ID!) { markMessageRead(id: $id) { message { subject } error { code } } }', {
      id: old!._id,
    });
    expect(mark.data.markMessageRead).toMatchObject({ message: null, error: { code: 'NOT_FOUND' } });

    // Atemos had no editor to tell: the admins are told instead, without anyone's e-mail address.
    const notices = (await admin.gql(NOTIFICATIONS)).data.myNotifications;
    expect(notices).toEqual([expect.objectContaining({ kind: 'EDITOR_ADDED', initiative: 'atemos', byRole: 'MODERATOR', readAt: null })]);
    expect(JSON.stringify(notices)).not.toMatch(/@/);
    expect((await moderator.gql(NOTIFICATIONS)).data.myNotifications).toEqual([]);
  });

  it('stops working when the initiative has found editors before the link is used', async () => {
    const byModerator = await invite(moderator, 'EDITOR', ['parallax']);
    const byAdmin = await invite(admin, 'EDITOR', ['parallax']);
    await join(tokenOf(byAdmin.url!), 'team@parallax.test');
    const token = tokenOf(byModerator.url!);
    expect((await anonymous(node).gql(CHECK, { t: token })).data.invitation.error.code).toBe('INVITATION_WITHDRAWN');
    const late = await anonymous(node).gql(ACCEPT, { t: token, e: 'late@parallax.test', p: PASSWORD });
    expect(late.data.acceptInvitation).toMatchObject({ account: null, error: { code: 'INVITATION_WITHDRAWN' } });
    expect(late.data.acceptInvitation.error.message).toMatch(/has editors now/);
    expect(await node.registry.accounts.findByEmail('late@parallax.test')).toBeNull();
  });

  it('cannot invite moderators, nor anyone for initiatives of other nodes or deleted ones', async () => {
    expect((await invite(moderator, 'MODERATOR')).error?.code).toBe('NOT_AUTHORIZED');
    const received = await invite(admin, 'EDITOR', ['https://elsewhere.example/initiatives/x']);
    expect(received.error?.code).toBe('VALIDATION_FAILED');
  });
});

describe('an editor inviting', () => {
  it('may invite co-editors for their own initiative, who are announced to the existing editors', async () => {
    const created = await invite(univerbalEditor, 'EDITOR', ['univerbal']);
    expect(created.error).toBeNull();
    const coEditor = await join(tokenOf(created.url!), 'co-editor@univerbal.test');
    expect((await coEditor.gql(MESSAGES('univerbal'))).errors).toBeUndefined();

    const notices = (await univerbalEditor.gql(NOTIFICATIONS)).data.myNotifications;
    expect(notices).toEqual([expect.objectContaining({ kind: 'EDITOR_ADDED', initiative: 'univerbal', byRole: 'EDITOR', readAt: null })]);
    expect(JSON.stringify(notices)).not.toContain('co-editor@univerbal.test');
    // The new editor is not told about themselves, and nobody else can mark the notice read.
    expect((await coEditor.gql(NOTIFICATIONS)).data.myNotifications).toEqual([]);
    const foreign = await coEditor.gql('mutation($id: ID!) { markNotificationRead(id: $id) { notification { readAt } error { code } } }', {
      id: notices[0].id,
    });
    expect(foreign.data.markNotificationRead.error.code).toBe('NOT_FOUND');
    const read = await univerbalEditor.gql(
      'mutation($id: ID!) { markNotificationRead(id: $id) { notification { readAt } error { code } } }',
      { id: notices[0].id },
    );
    expect(read.data.markNotificationRead.notification.readAt).toBeTruthy();
    expect((await univerbalEditor.gql('{ myNotifications(unreadOnly: true) { id } }')).data.myNotifications).toEqual([]);
  });

  it('may not invite editors for another initiative, nor moderators', async () => {
    expect((await invite(univerbalEditor, 'EDITOR', ['sirius-hub'])).error?.code).toBe('NOT_AUTHORIZED');
    expect((await invite(univerbalEditor, 'EDITOR', ['univerbal', 'sirius-hub'])).error?.code).toBe('NOT_AUTHORIZED');
    expect((await invite(univerbalEditor, 'MODERATOR')).error?.code).toBe('NOT_AUTHORIZED');
  });

  it('sees and withdraws only their own invitations', async () => {
    const own = await invite(univerbalEditor, 'EDITOR', ['univerbal']);
    const adminsOwn = await invite(admin, 'EDITOR', ['univerbal']);
    const pending = (await univerbalEditor.gql(PENDING)).data.pendingInvitations.map((i: { id: string }) => i.id);
    expect(pending).toContain(own.invitation!.id);
    expect(pending).not.toContain(adminsOwn.invitation!.id);
    expect((await univerbalEditor.gql(WITHDRAW, { id: adminsOwn.invitation!.id })).data.withdrawInvitation.error.code).toBe('NOT_FOUND');
    expect((await moderator.gql(WITHDRAW, { id: adminsOwn.invitation!.id })).data.withdrawInvitation.error.code).toBe('NOT_FOUND');
    expect((await univerbalEditor.gql(WITHDRAW, { id: own.invitation!.id })).data.withdrawInvitation).toEqual({ ok: true, error: null });
    expect((await anonymous(node).gql(CHECK, { t: tokenOf(own.url!) })).data.invitation.error.code).toBe('INVITATION_WITHDRAWN');
    expect((await anonymous(node).gql(CHECK, { t: tokenOf(adminsOwn.url!) })).data.invitation.error).toBeNull();
  });
});

describe('the admin', () => {
  it('disables an account: its bearer and cookie sessions stop at once and it cannot sign in; re-enabling lets it sign in again', async () => {
    await createAccount(node, 'to-disable@liege.test', 'moderator');
    const bearer = await signInBearer(node, 'to-disable@liege.test', PASSWORD);
    const cookie = await cookieSession('to-disable@liege.test');
    const id = await idOf(bearer);
    expect((await cookie.gql('{ me { account { id } } }')).data.me.account.id).toBe(id);

    // Moderators cannot use the admin's levers.
    expect((await moderator.gql(DISABLE, { id })).data.disableAccount.error.code).toBe('NOT_AUTHORIZED');
    expect((await admin.gql(DISABLE, { id })).data.disableAccount).toEqual({ account: { id, disabled: true }, error: null });
    expect((await bearer.gql('{ me { account { id } } }')).data.me).toBeNull();
    expect((await cookie.gql('{ me { account { id } } }')).data.me).toBeNull();
    await expect(signInBearer(node, 'to-disable@liege.test', PASSWORD)).rejects.toThrow(/sign-in failed/);

    expect((await moderator.gql(ENABLE, { id })).data.enableAccount.error.code).toBe('NOT_AUTHORIZED');
    expect((await admin.gql(ENABLE, { id })).data.enableAccount).toEqual({ account: { id, disabled: false }, error: null });
    await signInBearer(node, 'to-disable@liege.test', PASSWORD);
    const log = (await admin.gql('{ auditLog(first: 20) { action target } }')).data.auditLog;
    expect(log).toEqual(
      expect.arrayContaining([
        { action: 'account.disable', target: `account:${id}` },
        { action: 'account.enable', target: `account:${id}` },
      ]),
    );
  });

  it('cannot disable their own account, nor the last admin', async () => {
    const adminId = await idOf(admin);
    const own = (await admin.gql(DISABLE, { id: adminId })).data.disableAccount;
    expect(own.error.code).toBe('INVALID_STATE');
    await expect(
      node.registry.accountAdministration.disable(
        { kind: 'account', accountId: 'cli', role: 'admin', initiatives: [], sessionId: 'cli', via: 'cli' },
        adminId,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await admin.gql('{ me { account { id } } }')).data.me.account.id).toBe(adminId);
  });

  it('ends the pending invitations of an account it disables', async () => {
    await createAccount(node, 'leaving@liege.test', 'moderator');
    const leaving = await signInBearer(node, 'leaving@liege.test', PASSWORD);
    const created = await invite(leaving, 'EDITOR', ['redemarts']);
    expect(created.error).toBeNull();
    await admin.gql(DISABLE, { id: await idOf(leaving) });
    const late = await anonymous(node).gql(ACCEPT, { t: tokenOf(created.url!), e: 'friend@redemarts.test', p: PASSWORD });
    expect(late.data.acceptInvitation.error.code).toBe('INVITATION_WITHDRAWN');
  });

  it('removes an editor from an initiative: access ends at once, and it is audited', async () => {
    await createAccount(node, 'removed@siriuscoop.test', 'editor', ['siriuscoop', 'siriuschool']);
    const removed = await signInBearer(node, 'removed@siriuscoop.test', PASSWORD);
    const id = await idOf(removed);
    expect((await removed.gql(MESSAGES('siriuscoop'))).errors).toBeUndefined();
    expect((await moderator.gql(REMOVE, { a: id, i: 'siriuscoop' })).data.removeEditor.error.code).toBe('NOT_AUTHORIZED');
    expect((await admin.gql(REMOVE, { a: id, i: 'siriuscoop' })).data.removeEditor).toEqual({
      account: { initiatives: ['siriuschool'] },
      error: null,
    });
    expect((await removed.gql(MESSAGES('siriuscoop'))).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    expect((await removed.gql(MESSAGES('siriuschool'))).errors).toBeUndefined();
    expect((await admin.gql(REMOVE, { a: id, i: 'siriuscoop' })).data.removeEditor.error.code).toBe('NOT_FOUND');
    const log = (await admin.gql('{ auditLog(first: 20) { action target details } }')).data.auditLog;
    expect(log).toContainEqual({ action: 'initiative.removeEditor', target: `account:${id}`, details: { initiative: 'siriuscoop' } });
  });

  it('ends the links an editor sent for an initiative once that editor is removed from it', async () => {
    await createAccount(node, 'inviter@redemarts.test', 'editor', ['redemarts']);
    const inviter = await signInBearer(node, 'inviter@redemarts.test', PASSWORD);
    const created = await invite(inviter, 'EDITOR', ['redemarts']);
    expect(created.error).toBeNull();
    await admin.gql(REMOVE, { a: await idOf(inviter), i: 'redemarts' });
    const late = await anonymous(node).gql(ACCEPT, { t: tokenOf(created.url!), e: 'friend2@redemarts.test', p: PASSWORD });
    expect(late.data.acceptInvitation.error).toMatchObject({
      code: 'INVITATION_WITHDRAWN',
      message: expect.stringMatching(/no longer an editor of "redemarts"/),
    });
    expect(await node.registry.accounts.findByEmail('friend2@redemarts.test')).toBeNull();
  });

  it('withdraws any pending invitation: the link stops working at once', async () => {
    const created = await invite(moderator, 'EDITOR', ['le-monde-des-possibles']);
    expect((await admin.gql(WITHDRAW, { id: created.invitation!.id })).data.withdrawInvitation).toEqual({ ok: true, error: null });
    const accepted = await anonymous(node).gql(ACCEPT, { t: tokenOf(created.url!), e: 'new@possibles.test', p: PASSWORD });
    expect(accepted.data.acceptInvitation.error.code).toBe('INVITATION_WITHDRAWN');
    expect((await admin.gql(PENDING)).data.pendingInvitations.map((i: { id: string }) => i.id)).not.toContain(created.invitation!.id);
    expect((await admin.gql(WITHDRAW, { id: created.invitation!.id })).data.withdrawInvitation.error.code).toBe('INVALID_STATE');
    expect((await admin.gql(WITHDRAW, { id: 'not-an-id' })).data.withdrawInvitation.error.code).toBe('NOT_FOUND');
  });
});

describe('the invitation service itself', () => {
  it('caps how many invitations someone other than an admin creates in a day, so the node sends no flood of links', async () => {
    await createAccount(node, 'busy@parallax.test', 'editor', ['parallax']);
    const busy = await signInBearer(node, 'busy@parallax.test', PASSWORD);
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await invite(busy, 'EDITOR', ['parallax']));
    expect(results.slice(0, 20).every((r) => r.error === null)).toBe(true);
    expect(results[20]!.error?.code).toBe('RATE_LIMITED');
    // Withdrawing does not give the allowance back.
    await busy.gql(WITHDRAW, { id: results[0]!.invitation!.id });
    expect((await invite(busy, 'EDITOR', ['parallax'])).error?.code).toBe('RATE_LIMITED');
  });

  it('refuses roles outside the enum and admin invitations, whoever asks', async () => {
    const actor = {
      kind: 'account' as const,
      accountId: 'x',
      role: 'admin' as const,
      initiatives: [],
      sessionId: 's',
      via: 'cli' as const,
    };
    for (const role of ['admin', 'superuser', 'EDITOR', '']) {
      await expect(node.registry.invitations.create(actor, { role: role as 'editor' })).rejects.toMatchObject({
        code: expect.stringMatching(/NOT_AUTHORIZED|VALIDATION_FAILED/),
      });
    }
  });
});
