// The first admin while the node runs (issue 14 point 8, ADR 0032): a node that starts with no
// admin logs a one-time setup link (random, one hour, single use) that makes the first admin
// account; once any admin exists the link is refused, and so is a used or expired one.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, PASSWORD, signInBearer } from '../testing/graphql-client.ts';

const USABLE = 'query($t: String!) { firstAdminSetupLinkUsable(token: $t) }';
const CREATE =
  'mutation($t: String!, $e: String!, $p: String!) { createFirstAdmin(token: $t, email: $e, password: $p) { account { id email role } error { code message ... on ValidationFailed { fields { field code } } } } }';
const tokenOf = (url: string) => url.split('/setup/')[1]!;

const nodes: TestNode[] = [];
async function start(options: Parameters<typeof startTestNode>[1] = {}, dataDir?: string): Promise<TestNode> {
  const node = await startTestNode(dataDir ? { dataDir } : {}, options);
  nodes.push(node);
  return node;
}
afterEach(async () => {
  while (nodes.length) await nodes.pop()!.close();
});
afterAll(async () => {
  while (nodes.length) await nodes.pop()!.close();
});

async function admins(node: TestNode): Promise<number> {
  return node.registry.accounts.countAdmins();
}

describe('the first-admin setup link', () => {
  it('is offered by a node with no admin, works once, and is refused the second time', async () => {
    const node = await start();
    expect(node.firstAdminSetupUrl).toMatch(/^http:\/\/registry\.test\/setup\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(node.firstAdminSetupUrl!);
    const visitor = anonymous(node);
    expect((await visitor.gql(USABLE, { t: token })).data.firstAdminSetupLinkUsable).toBe(true);

    // A refused password costs nothing: the link still works.
    const weak = (await visitor.gql(CREATE, { t: token, e: 'first@setup.test', p: 'short' })).data.createFirstAdmin;
    expect(weak.error).toMatchObject({ code: 'WEAK_PASSWORD', fields: [{ field: 'password', code: 'WEAK_PASSWORD' }] });
    const notEmail = (await visitor.gql(CREATE, { t: token, e: 'not an address', p: PASSWORD })).data.createFirstAdmin;
    expect(notEmail.error.code).toBe('INVALID_EMAIL');
    expect((await visitor.gql(USABLE, { t: token })).data.firstAdminSetupLinkUsable).toBe(true);

    const made = (await visitor.gql(CREATE, { t: token, e: 'First@Setup.test', p: PASSWORD })).data.createFirstAdmin;
    expect(made).toMatchObject({ account: { email: 'first@setup.test', role: 'ADMIN' }, error: null });
    const signedIn = await signInBearer(node, 'first@setup.test', PASSWORD);
    expect((await signedIn.gql('{ me { isAdmin } }')).data.me.isAdmin).toBe(true);
    expect((await signedIn.gql('{ auditLog(first: 5) { action target } }')).data.auditLog).toContainEqual({
      action: 'account.createFirstAdmin',
      target: `account:${made.account.id}`,
    });

    // Second use: refused, and no second admin.
    const again = (await visitor.gql(CREATE, { t: token, e: 'second@setup.test', p: PASSWORD })).data.createFirstAdmin;
    expect(again).toMatchObject({ account: null, error: { code: 'LINK_INVALID' } });
    expect((await visitor.gql(USABLE, { t: token })).data.firstAdminSetupLinkUsable).toBe(false);
    expect(await admins(node)).toBe(1);
    expect(await node.registry.accounts.findByEmail('second@setup.test')).toBeNull();
  });

  it('is refused once it has expired (one hour)', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const node = await start({ now: () => new Date(now) });
    const token = tokenOf(node.firstAdminSetupUrl!);
    now += 61 * 60_000;
    expect((await anonymous(node).gql(USABLE, { t: token })).data.firstAdminSetupLinkUsable).toBe(false);
    const late = (await anonymous(node).gql(CREATE, { t: token, e: 'late@setup.test', p: PASSWORD })).data.createFirstAdmin;
    expect(late).toMatchObject({ account: null, error: { code: 'LINK_INVALID', message: expect.stringMatching(/restart/i) } });
    expect(await admins(node)).toBe(0);
  });

  it('is refused as soon as an admin exists some other way (the operator command), and creates none', async () => {
    const node = await start();
    const token = tokenOf(node.firstAdminSetupUrl!);
    await node.registry.accountService.createAccount({
      email: 'cli-admin@setup.test',
      password: PASSWORD,
      role: 'admin',
      initiatives: [],
      createdBy: null,
    });
    expect((await anonymous(node).gql(USABLE, { t: token })).data.firstAdminSetupLinkUsable).toBe(false);
    const late = (await anonymous(node).gql(CREATE, { t: token, e: 'link-admin@setup.test', p: PASSWORD })).data.createFirstAdmin;
    expect(late.error.code).toBe('LINK_INVALID');
    expect(await admins(node)).toBe(1);
    expect(await node.registry.accounts.findByEmail('link-admin@setup.test')).toBeNull();
  });

  it('makes one admin only when the link is used twice at the same moment', async () => {
    const node = await start();
    const token = tokenOf(node.firstAdminSetupUrl!);
    const answers = await Promise.all(
      ['a', 'b', 'c', 'd'].map((who) => anonymous(node).gql(CREATE, { t: token, e: `${who}@race.setup.test`, p: PASSWORD })),
    );
    expect(answers.filter((a) => a.data.createFirstAdmin.error === null)).toHaveLength(1);
    expect(await admins(node)).toBe(1);
  });

  it('refuses tokens that are not the one logged, whatever their shape', async () => {
    const node = await start();
    const token = tokenOf(node.firstAdminSetupUrl!);
    for (const t of ['', 'x', token.slice(0, -1), `${token}x`, token.toUpperCase(), 'x'.repeat(5000), '{"$ne":null}']) {
      expect((await anonymous(node).gql(USABLE, { t })).data.firstAdminSetupLinkUsable).toBe(false);
      expect((await anonymous(node).gql(CREATE, { t, e: 'guess@setup.test', p: PASSWORD })).data.createFirstAdmin.error.code).toBe(
        'LINK_INVALID',
      );
    }
    expect(await admins(node)).toBe(0);
  });

  it('is not offered by a node that has an admin, and a restart without one replaces the old link', async () => {
    const first = await start({ keepData: true });
    const oldToken = tokenOf(first.firstAdminSetupUrl!);
    const dataDir = first.dataDir;
    await nodes.pop()!.close({ keepData: true });

    const restarted = await start({ keepData: true }, dataDir);
    expect(restarted.firstAdminSetupUrl).not.toBeNull();
    expect(restarted.firstAdminSetupUrl).not.toContain(oldToken);
    expect((await anonymous(restarted).gql(USABLE, { t: oldToken })).data.firstAdminSetupLinkUsable).toBe(false);
    const made = await anonymous(restarted).gql(CREATE, {
      t: tokenOf(restarted.firstAdminSetupUrl!),
      e: 'restart@setup.test',
      p: PASSWORD,
    });
    expect(made.data.createFirstAdmin.error).toBeNull();
    await nodes.pop()!.close({ keepData: true });

    const withAdmin = await start({}, dataDir);
    expect(withAdmin.firstAdminSetupUrl).toBeNull();
  });
});
