// Several nodes on loopback, each with its own store: follow and approval, backfill of an
// existing catalogue, and propagation of creates, updates and deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port.ts';
import { eventually, startFederatedNode } from '../testing/federated-nodes.ts';
import { OPERATOR as operator } from '../federation/partners/partner-service.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { ANONYMOUS, type Actor } from '../accounts/actor.ts';

let liege: TestNode;
let milan: TestNode;
beforeAll(async () => {
  liege = await startFederatedNode('liege');
  milan = await startFederatedNode('milan');
});
afterAll(async () => {
  await milan?.close();
  await liege?.close();
});

describe('two city nodes', () => {
  it('serves the node actor, WebFinger and NodeInfo', async () => {
    const actor = await fetch(`${liege.url}/nodes/liege`, { headers: { accept: 'application/activity+json' } });
    expect(actor.status).toBe(200);
    const json = (await actor.json()) as Record<string, any>;
    expect(json.type).toBe('Service');
    expect(json.preferredUsername).toBe('registry');
    expect(json.publicKey.publicKeyPem).toMatch(/BEGIN PUBLIC KEY/);
    const host = new URL(liege.url).host;
    const finger = await fetch(`${liege.url}/.well-known/webfinger?resource=acct:registry@${host}`);
    expect(((await finger.json()) as any).links.find((l: any) => l.rel === 'self').href).toBe(`${liege.url}/nodes/liege`);
    const nodeinfo = await fetch(`${liege.url}/nodeinfo/2.1`);
    expect(((await nodeinfo.json()) as any).software.name).toBe('umn-registry');
    const initiative = await fetch(`${liege.url}/initiatives/univerbal`, { headers: { accept: 'application/activity+json' } });
    expect(((await initiative.json()) as any).type).toContain('Organization');
  });

  it('follows a partner, which approves, and then copies its whole catalogue, page after page', async () => {
    // More listings than one outbox page (50), so the copy must follow `next` to the end.
    const template = (await liege.registry.initiatives.findById('atemos'))!.record;
    for (let i = 0; i < 55; i++) {
      const handle = `synthetic-initiative-${i}`;
      await liege.registry.initiatives.insert(
        {
          ...template,
          handle,
          name: { en: `Synthetic initiative ${i} (test data)` },
          summary: { en: 'Synthetic test data.' },
          originalLanguage: 'en',
        },
        { origin: { kind: 'local' }, state: 'published', now: new Date().toISOString() },
      );
    }
    await milan.federation.partners.follow(operator, `${liege.url}/nodes/liege`);
    const pending = await eventually(async () => (await liege.federation.partners.list(operator)).find((p) => p.followedBy === 'pending'));
    expect(pending.actor).toBe(`${milan.url}/nodes/milan`);
    // Nothing flows before the admin approves.
    expect(await milan.registry.store.collection('initiatives').countDocuments({ 'origin.kind': 'remote' })).toBe(0);
    await expect(liege.federation.partners.decide(ANONYMOUS, pending.actor, true)).rejects.toThrow(/Sign in/);
    await liege.federation.partners.decide(operator, pending.actor, true);
    await eventually(async () => (await milan.federation.partners.list(operator)).find((p) => p.following === 'accepted'));
    await milan.federation.settled();
    await eventually(async () => (await milan.registry.store.collection('initiatives').countDocuments({ 'origin.kind': 'remote' })) >= 65);
    // 65 initiatives and 10 practices, then Liège's 11 seeded needs and offers (ADR 0038, 0039).
    expect((await milan.federation.partners.list(operator))[0]?.lastBackfill?.records).toBe(86);
    expect(await milan.registry.store.collection('goodPractices').countDocuments({ 'origin.kind': 'remote' })).toBe(10);
    const copy = await milan.query(
      '{ initiatives(first: 100, filter: { node: ["liege"] }) { totalCount edges { node { slug origin { isLocal url } } } } }',
    );
    expect(copy.body.data.initiatives.totalCount).toBeGreaterThanOrEqual(65);
    const univerbal = copy.body.data.initiatives.edges.find((e: any) => e.node.slug === 'univerbal').node;
    expect(univerbal.origin).toEqual({ isLocal: false, url: `${liege.url}/initiatives/univerbal` });
  });
});

describe('moderation across nodes', () => {
  it('forwards a report about a received listing to its origin, where moderators see it', async () => {
    const official = await milan.registry.accountService.createAccount({
      email: 'official@milan.test',
      password: 'a long test password 1',
      role: 'moderator',
      initiatives: [],
      createdBy: null,
    });
    const reporter: Actor = { kind: 'account', accountId: official._id, role: 'moderator', initiatives: [], sessionId: 's', via: 'bearer' };
    await milan.federation.partners.report(reporter, `${liege.url}/initiatives/univerbal`, 'The phone number is out of date.');
    const reports = liege.registry.store.collection<{ _id: string; objects: string[]; reason: string; reporterHost: string }>('reports');
    const report = await eventually(async () => (await reports.find({}))[0]);
    expect(report.objects).toEqual([`${liege.url}/initiatives/univerbal`]);
    expect(report.reason).toBe('The phone number is out of date.');
    expect(report.reporterHost).toBe(new URL(milan.url).host);
    await expect(milan.federation.partners.report(reporter, 'univerbal', 'x'.repeat(10))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets the operator command list partners through the running node', async () => {
    const { execFile } = await import('node:child_process');
    const { join } = await import('node:path');
    const admin = await milan.registry.accountService.createAccount({
      email: 'admin@milan.test',
      password: 'a long test password 1',
      role: 'admin',
      initiatives: [],
      createdBy: null,
    });
    const signedIn = await milan.registry.accountService.signIn({
      email: admin.email,
      password: 'a long test password 1',
      via: 'bearer',
      address: 'cli-test',
    });
    const cli = join(import.meta.dirname, '..', 'cli', 'main.ts');
    // Asynchronous: the node answering the command runs in this very process.
    const run = (args: string[], token: string) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [cli, ...args, '--url', milan.url],
          { env: { ...process.env, UMN_TOKEN: token }, timeout: 20_000 },
          (error, stdout, stderr) => resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    const list = await run(['partners', 'list'], signedIn.token);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(`${liege.url}/nodes/liege`);
    expect(list.stdout).toMatch(/we follow: accepted/);
    const queue = await run(['queue'], signedIn.token);
    expect(queue.stdout).toMatch(/Deliveries queued: \d+/);
    const refused = await run(['partners', 'list'], 'forged-token-forged-token-forged');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Sign in/);
  });
});

describe('automatic approval and unfollowing', () => {
  it('approves follows from allowlisted domains without an admin, and an unfollow removes the copies', async () => {
    const port = await freePort();
    const athens = await startTestNode({
      port,
      nodeHandle: 'athens',
      publicUrl: new URL(`http://127.0.0.1:${port}`),
      autoApproveDomains: [new URL(milan.url).host],
    });
    try {
      // Athens publishes one listing of its own, so there is something to copy.
      const template = (await milan.registry.initiatives.findById(`${liege.url}/initiatives/atemos`))!.record;
      await athens.registry.initiatives.insert(
        {
          ...template,
          handle: 'athens-kitchen',
          node: 'athens',
          practices: [],
          partOf: undefined,
          name: { el: 'Κουζίνα (test data)' },
          summary: { en: 'Synthetic test data.' },
          originalLanguage: 'el',
          location: { locality: 'Αθήνα', country: 'GR', precision: 'city' },
        },
        { origin: { kind: 'local' }, state: 'published', now: new Date().toISOString() },
      );
      await milan.federation.partners.follow(operator, `${athens.url}/nodes/athens`);
      await eventually(async () =>
        (await milan.federation.partners.list(operator)).find(
          (p) => p.actor === `${athens.url}/nodes/athens` && p.following === 'accepted',
        ),
      );
      expect((await athens.federation.partners.list(operator)).find((p) => p.actor === `${milan.url}/nodes/milan`)?.followedBy).toBe(
        'accepted',
      );
      await eventually(async () => milan.registry.initiatives.findById(`${athens.url}/initiatives/athens-kitchen`));
      await milan.federation.partners.unfollow(operator, `${athens.url}/nodes/athens`);
      expect(await milan.registry.initiatives.findById(`${athens.url}/initiatives/athens-kitchen`)).toBeNull();
      await eventually(async () => !(await athens.federation.partners.list(operator)).some((p) => p.actor === `${milan.url}/nodes/milan`));
    } finally {
      await athens.close();
    }
  });
});

describe('propagation between partners', () => {
  const summaryOn = async (node: TestNode, id: string) => (await node.registry.initiatives.findById(id))?.record.summary.en;

  it('carries an update of a published initiative to the partner', async () => {
    const doc = (await liege.registry.initiatives.findById('atemos'))!;
    await liege.registry.initiativeEditorial.update(operator, 'atemos', doc.version, {
      summary: { ...doc.record.summary, en: 'Sewing and cooking workshops, updated for the partners.' },
    });
    expect(
      await eventually(
        async () =>
          (await summaryOn(milan, `${liege.url}/initiatives/atemos`)) === 'Sewing and cooking workshops, updated for the partners.',
      ),
    ).toBe(true);
  });

  it('stores a changed version once, and does not rewrite it when the same Update arrives again', async () => {
    const id = `${liege.url}/initiatives/atemos`;
    const ctx = liege.federation.federation.createContext(liege.registry.config.publicUrl, liege.federation.data);
    const { Update } = await import('@fedify/vocab');
    const recipient = { id: new URL(`${milan.url}/nodes/milan`), inboxId: new URL(`${milan.url}/ap/inbox`) };
    const deliverUpdate = async () => {
      await ctx.sendActivity(
        { identifier: '_node' },
        recipient,
        new Update({
          id: new URL(`${liege.url}/ap/activities/repeated-update-${Date.now()}`),
          actor: ctx.getActorUri('_node'),
          object: new URL(id),
        }),
      );
      // The message leaves the queue once milan answered, and milan answers once it has handled
      // the activity (no inbox queue), so the copy is final then.
      await eventually(async () => (await liege.registry.store.collection('fedifyQueue').countDocuments({})) === 0);
    };
    // A change on the origin that was not announced: only the Updates below carry it.
    const origin = (await liege.registry.initiatives.findById('atemos'))!;
    await liege.registry.store.collection('initiatives').updateOne(
      { _id: 'atemos' },
      {
        $set: {
          'record.summary.en': 'Changed quietly, then announced twice.',
          version: origin.version + 1,
          updatedAt: new Date().toISOString(),
        },
      },
    );
    const before = (await milan.registry.initiatives.findById(id))!;
    await deliverUpdate();
    const stored = (await milan.registry.initiatives.findById(id))!;
    expect(stored.record.summary.en).toBe('Changed quietly, then announced twice.');
    expect(stored.version).toBe(before.version + 1);
    await deliverUpdate();
    const again = (await milan.registry.initiatives.findById(id))!;
    expect(again.version).toBe(stored.version);
    expect(again.updatedAt).toBe(stored.updatedAt);
  });

  it('removes the copies of an unpublished or deleted record', async () => {
    const parallax = (await liege.registry.initiatives.findById('parallax'))!;
    await liege.registry.initiativeEditorial.unpublish(operator, 'parallax', parallax.version);
    expect(await eventually(async () => (await milan.registry.initiatives.findById(`${liege.url}/initiatives/parallax`)) === null)).toBe(
      true,
    );
    const practice = (await liege.registry.practices.findById('liege-pt1-welcoming-city'))!;
    await liege.registry.practiceEditorial.delete(operator, 'liege-pt1-welcoming-city', practice.version);
    expect(
      await eventually(async () => (await milan.registry.practices.findById(`${liege.url}/practices/liege-pt1-welcoming-city`)) === null),
    ).toBe(true);
  });

  it('refuses an Update or Delete of a listing sent by another node than its origin', async () => {
    const sofia = await startFederatedNode('sofia');
    try {
      await milan.federation.partners.follow(operator, `${sofia.url}/nodes/sofia`);
      const request = await eventually(async () =>
        (await sofia.federation.partners.list(operator)).find((p) => p.followedBy === 'pending'),
      );
      await sofia.federation.partners.decide(operator, request.actor, true);
      await eventually(async () =>
        (await milan.federation.partners.list(operator)).find((p) => p.actor === `${sofia.url}/nodes/sofia` && p.following === 'accepted'),
      );
      const target = `${liege.url}/initiatives/univerbal`;
      const before = await milan.registry.initiatives.findById(target);
      expect(before).not.toBeNull();
      const ctx = sofia.federation.federation.createContext(sofia.registry.config.publicUrl, sofia.federation.data);
      const { Update, Delete } = await import('@fedify/vocab');
      const recipient = { id: new URL(`${milan.url}/nodes/milan`), inboxId: new URL(`${milan.url}/ap/inbox`) };
      await ctx.sendActivity(
        { identifier: '_node' },
        recipient,
        new Update({ id: new URL(`${sofia.url}/ap/activities/forged-update`), actor: ctx.getActorUri('_node'), object: new URL(target) }),
      );
      await ctx.sendActivity(
        { identifier: '_node' },
        recipient,
        new Delete({ id: new URL(`${sofia.url}/ap/activities/forged-delete`), actor: ctx.getActorUri('_node'), object: new URL(target) }),
      );
      // Let both activities arrive and be handled, then check nothing changed.
      await eventually(async () => (await sofia.federation.queue.getDepth()).queued === 0);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const after = await milan.registry.initiatives.findById(target);
      expect(after?.origin).toEqual(before?.origin);
      expect(after?.record).toEqual(before?.record);
    } finally {
      await sofia.close();
    }
  });

  it('delivers to a partner that was down once it is back', async () => {
    const port = Number(new URL(milan.url).port);
    const dataDir = milan.dataDir;
    await milan.close({ keepData: true });
    const doc = (await liege.registry.initiatives.findById('siriuschool'))!;
    await liege.registry.initiativeEditorial.update(operator, 'siriuschool', doc.version, {
      summary: { ...doc.record.summary, en: 'Free coding school, changed while Milan was down.' },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    milan = await startTestNode({ port, nodeHandle: 'milan', publicUrl: new URL(`http://127.0.0.1:${port}`), dataDir });
    expect(
      await eventually(
        async () =>
          (await summaryOn(milan, `${liege.url}/initiatives/siriuschool`)) === 'Free coding school, changed while Milan was down.',
        40_000,
      ),
    ).toBe(true);
  }, 60_000);

  it('blocks a domain: its listings are removed and what it sends is ignored', async () => {
    const host = new URL(liege.url).host;
    const removed = await milan.federation.partners.block(operator, host, 'test');
    expect(removed).toBeGreaterThan(0);
    expect(await milan.registry.store.collection('initiatives').countDocuments({ 'origin.kind': 'remote' })).toBe(0);
    const doc = (await liege.registry.initiatives.findById('univerbal'))!;
    await liege.registry.initiativeEditorial.update(operator, 'univerbal', doc.version, { website: 'https://example.org/after-block' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await milan.registry.store.collection('initiatives').countDocuments({ 'origin.kind': 'remote' })).toBe(0);
  });
});
