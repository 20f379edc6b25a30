// People are told, in the site and (with SMTP) by e-mail: editors when a message waits or a
// moderator decided, moderators and admins when a report came in. A notice, and its e-mail, never
// carries the sender's address, the message, nor anyone else's address; only its account reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, PASSWORD, session, type Session } from '../testing/graphql-client.ts';
import { startMailCatcher, type MailCatcher } from '../testing/mail-catcher.ts';

let mail: MailCatcher;
let node: TestNode;
let admin: Session;
let moderator: Session;
let editor: Session;
let otherEditor: Session;

const NOTICES = '{ myNotifications { id kind initiative decision note path readAt data } }';
const UNREAD = '{ me { unreadNotifications } }';
const SEND =
  'mutation($s: String!) { sendMessage(initiative: "univerbal", input: { replyTo: "secret.sender@elsewhere.test", subject: $s, body: "Please call me back at +32 470 00 00 00." }) { ok error { code } } }';
const DRAFT = '... on InitiativeDraft { version } ';
const workflow = (name: string, reason = false) =>
  `mutation($id: ID!, $v: Int!${reason ? ', $reason: String!' : ''}) { ${name}(id: $id, version: $v${reason ? ', reason: $reason' : ''}) { record { ${DRAFT} } error { code message } } }`;
const versionOf = async (who: Session) =>
  (await who.gql('{ editableInitiative(slug: "univerbal") { version } }')).data.editableInitiative.version;
const mailsTo = (to: string) => mail.mails.filter((m) => m.to === to).map((m) => m.text);

beforeAll(async () => {
  mail = await startMailCatcher();
  node = await startTestNode({ smtpUrl: mail.url });
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  editor = await createAccount(node, 'team@univerbal.test', 'editor', ['univerbal']);
  otherEditor = await createAccount(node, 'team@atemos.test', 'editor', ['atemos']);
});
afterAll(async () => {
  await node?.close();
  await mail?.close();
});

describe('a message to an initiative', () => {
  it("tells its editors that a message waits, with a link to its messages, never the sender's address nor the message", async () => {
    expect((await editor.gql(UNREAD)).data.me.unreadNotifications).toBe(0);
    // The editor last signed in in Italian: their e-mails are in Italian.
    const italian = await session(node, { 'accept-language': 'it' }).gql(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, session: BEARER) { token } }',
      { e: 'team@univerbal.test', p: PASSWORD },
    );
    expect(italian.data.signIn.token).toBeTruthy();
    const sent = await anonymous(node).gql(SEND, { s: 'Interpreting in Tigrinya' });
    expect(sent.data.sendMessage.ok).toBe(true);
    await expect.poll(async () => (await editor.gql(UNREAD)).data.me.unreadNotifications, { timeout: 5_000 }).toBe(1);
    const notices = (await editor.gql(NOTICES)).data.myNotifications;
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'MESSAGE_RECEIVED',
        initiative: 'univerbal',
        path: '/account/initiatives/univerbal/messages',
        readAt: null,
      }),
    ]);
    const shown = JSON.stringify(notices);
    expect(shown).not.toMatch(/@|Tigrinya|470/);
    // Editors of other initiatives, moderators and admins are not told.
    expect((await otherEditor.gql(NOTICES)).data.myNotifications).toEqual([]);
    expect((await moderator.gql(NOTICES)).data.myNotifications).toEqual([]);

    await expect.poll(() => mailsTo('team@univerbal.test').length, { timeout: 5_000 }).toBe(1);
    const mail = mailsTo('team@univerbal.test')[0]!;
    expect(mail).toContain('http://registry.test/account/initiatives/univerbal/messages');
    expect(mail).toContain('Nuovo messaggio per');
    expect(mail).not.toMatch(/secret\.sender|Tigrinya|470 00/);
  });
});

describe('a review decision', () => {
  it("tells the initiative's editors that changes are asked, with the moderator's note, then that it was approved", async () => {
    await node.registry.settings.update({ editsRequireReview: true });
    const edit = await editor.gql(
      'mutation($v: Int!) { updateInitiative(id: "univerbal", version: $v, changes: { summary: [{ language: "en", text: "Social interpreting by interpreters of migrant origin, in 33 languages." }] }) { record { ... on InitiativeDraft { version } } error { code message } } }',
      { v: await versionOf(editor) },
    );
    expect(edit.data.updateInitiative.error).toBeNull();
    await editor.gql(workflow('submitForReview'), { id: 'univerbal', v: await versionOf(editor) });
    const note = 'Please add the year in your sources, then send it again.';
    const rejected = await moderator.gql(workflow('reject', true), { id: 'univerbal', v: await versionOf(moderator), reason: note });
    expect(rejected.data.reject.error).toBeNull();
    const changes = (await editor.gql(NOTICES)).data.myNotifications[0];
    expect(changes).toMatchObject({
      kind: 'REVIEW_DECIDED',
      initiative: 'univerbal',
      decision: 'CHANGES_REQUESTED',
      note,
      path: '/account/initiatives/univerbal',
    });
    expect(JSON.stringify(changes)).not.toMatch(/@/);

    await editor.gql(workflow('submitForReview'), { id: 'univerbal', v: await versionOf(editor) });
    const approved = await moderator.gql(workflow('approve'), { id: 'univerbal', v: await versionOf(moderator) });
    expect(approved.data.approve.error).toBeNull();
    const latest = (await editor.gql(NOTICES)).data.myNotifications[0];
    expect(latest).toMatchObject({ kind: 'REVIEW_DECIDED', decision: 'APPROVED', note: null });
    expect((await otherEditor.gql(NOTICES)).data.myNotifications).toEqual([]);

    await expect.poll(() => mailsTo('team@univerbal.test').length, { timeout: 5_000 }).toBe(3);
    const [, changesMail, approvedMail] = mailsTo('team@univerbal.test');
    expect(changesMail).toContain(note);
    expect(changesMail).toContain('sono richieste modifiche');
    expect(approvedMail).toContain('http://registry.test/account/initiatives/univerbal');
    expect(`${changesMail}${approvedMail}`).not.toContain('moderator@liege.test');
  });
});

describe('a disabled editor', () => {
  it('is told nothing', async () => {
    const disabled = await createAccount(node, 'gone@univerbal.test', 'editor', ['univerbal']);
    const id = (await disabled.gql('{ me { account { id } } }')).data.me.account.id;
    await admin.gql('mutation($id: ID!) { disableAccount(id: $id) { error { code } } }', { id });
    await anonymous(node).gql(SEND, { s: 'Another request' });
    await expect.poll(async () => (await editor.gql(UNREAD)).data.me.unreadNotifications, { timeout: 5_000 }).toBe(4);
    expect(await node.registry.notifications.listFor(id)).toEqual([]);
  });
});

describe('a report', () => {
  it('is announced once per Flag, however often it is delivered', async () => {
    const report = {
      reporter: 'https://milan.test/actor',
      reporterHost: 'milan.test',
      objects: [],
      reason: 'Spam',
      receivedAt: new Date().toISOString(),
    };
    expect(await node.registry.reports.receive('https://milan.test/flags/once', report)).toBe(true);
    expect(await node.registry.reports.receive('https://milan.test/flags/once', report)).toBe(false);
  });

  it('tells moderators and admins, not editors, without the reporter nor their text', async () => {
    node.registry.events.emit({
      type: 'report.received',
      reportId: 'https://milan.test/flags/1',
      objects: ['http://registry.test/initiatives/atemos'],
    });
    await expect.poll(async () => (await moderator.gql(UNREAD)).data.me.unreadNotifications, { timeout: 5_000 }).toBe(1);
    for (const staff of [moderator, admin]) {
      const notices = (await staff.gql(NOTICES)).data.myNotifications;
      expect(notices).toEqual([expect.objectContaining({ kind: 'REPORT_RECEIVED', path: '/admin/reports', initiative: null })]);
      expect(JSON.stringify(notices)).not.toMatch(/milan|flags/);
    }
    expect((await otherEditor.gql(NOTICES)).data.myNotifications).toEqual([]);
    for (const to of ['moderator@liege.test', 'admin@liege.test']) {
      await expect.poll(() => mailsTo(to).length, { timeout: 5_000 }).toBe(1);
      expect(mailsTo(to)[0]).toContain('http://registry.test/admin/reports');
      expect(mailsTo(to)[0]).not.toMatch(/milan|atemos/);
    }
  });
});

describe('reading notices', () => {
  it('marks all of them read for the account itself only', async () => {
    const before = (await editor.gql(UNREAD)).data.me.unreadNotifications;
    expect(before).toBeGreaterThan(1);
    const marked = await editor.gql('mutation { markAllNotificationsRead { marked error { code } } }');
    expect(marked.data.markAllNotificationsRead).toEqual({ marked: before, error: null });
    expect((await editor.gql(UNREAD)).data.me.unreadNotifications).toBe(0);
    // Other accounts' notices are left as they were.
    expect((await moderator.gql(UNREAD)).data.me.unreadNotifications).toBe(1);
    const anonymousMark = await anonymous(node).gql('mutation { markAllNotificationsRead { marked error { code } } }');
    expect(anonymousMark.data.markAllNotificationsRead).toEqual({ marked: 0, error: { code: 'SIGN_IN_REQUIRED' } });
  });
});
