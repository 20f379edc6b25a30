// The buyer sees whom a partner node told (ADR 0055), on loopback: Liège publishes a request, Milan
// (which follows Liège, and which Liège follows) matches its copy with one of its own initiatives
// and tells its editors, and sends Liège a "told" mark; Liège's follow-up then lists Milan's
// initiative as told, under the name of the copy Liège holds, before anyone opened it; the seen
// mark comes after. What a partner may not say is refused: a mark for an initiative of another
// origin, for a record partners never received, an activity minted elsewhere; a replay counts once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../partners/partner-service.ts';
import { eventually } from '../../testing/federated-nodes.ts';
import { freePort } from '../../testing/free-port.ts';
import { createAccount, type Session } from '../../testing/graphql-client.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import type { MarketRecord } from '../../market/market-record.ts';

const dayFrom = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let liege: TestNode;
let milan: TestNode;
let buyer: Session;

async function start(name: string): Promise<TestNode> {
  const port = await freePort();
  return startTestNode({ port, nodeHandle: name, publicUrl: new URL(`http://127.0.0.1:${port}`) });
}

async function follow(follower: TestNode, followed: TestNode, handle: string) {
  await follower.federation.partners.follow(OPERATOR, `${followed.url}/nodes/${handle}`);
  const asked = await eventually(async () =>
    (await followed.federation.partners.list(OPERATOR)).find(
      (p) => p.actor === `${follower.url}/nodes/${follower.registry.config.nodeHandle}` && p.followedBy !== null,
    ),
  );
  await followed.federation.partners.decide(OPERATOR, asked.actor, true);
  await eventually(async () =>
    (await follower.federation.partners.list(OPERATOR)).find(
      (p) => p.actor === `${followed.url}/nodes/${handle}` && p.following === 'accepted',
    ),
  );
  await follower.federation.settled();
}

const request = (handle: string): Partial<MarketRecord> => ({
  handle,
  kind: 'request',
  title: { fr: 'Repas pour les réunions du conseil' },
  summary: { fr: 'Un traiteur pour 40 personnes une fois par mois.' },
  originalLanguage: 'fr',
  owner: { organisation: 'Ville de Liège, service des marchés publics' },
  sectors: ['AM60'],
  // Anywhere in Italy (a buyer sourcing for an event there): Milan's initiative is in reach.
  area: { country: 'IT' },
  expiresOn: dayFrom(30),
  request: { requestKind: 'sourcing', intent: 'none' },
});

async function publish(node: TestNode, input: Partial<MarketRecord>) {
  const editorial = node.registry.marketEditorial;
  let doc = await editorial.create(OPERATOR, input as never);
  doc = await editorial.submit(OPERATOR, doc._id, doc.version);
  return editorial.approve(OPERATOR, doc._id, doc.version);
}

const FOLLOW = 'query($r: ID!) { marketFollowUp(record: $r) { told seen entries { partyId name local toldAt seenAt } } }';
const followUp = async (record: string) => (await buyer.gql(FOLLOW, { r: record })).data.marketFollowUp;
const entryOf = async (record: string, initiativeIri: string) =>
  (await followUp(record)).entries.find((e: { partyId: string }) => e.partyId === initiativeIri);
const queueEmpty = async (node: TestNode) => (await node.federation.queue.getDepth()).queued === 0;

let cook: string;
const COPY_NAME = 'Plats solidaires (la copie tenue à Liège)';

beforeAll(async () => {
  liege = await start('liege');
  milan = await start('milan');
  // Milan's own food initiative in Milano (a Liège seed, written as Milan's own and published there).
  const seed = (await liege.registry.initiatives.findById('migrations-libres-plats-solidaires'))!.record;
  const location = { locality: 'Milano', country: 'IT', precision: 'city' as const };
  const now = new Date().toISOString();
  await milan.registry.initiatives.insert(
    { ...seed, handle: 'cucina', node: 'milan', location },
    { origin: { kind: 'local' }, state: 'published', now, id: 'cucina' },
  );
  milan.registry.events.emit({ type: 'record.published', kind: 'initiative', id: 'cucina', version: 1 });
  await milan.registry.search.settled();
  await follow(milan, liege, 'liege');
  await follow(liege, milan, 'milan');
  buyer = await createAccount(liege, 'marches@liege.test', 'moderator');
  // Liège holds a copy of Milan's initiative, under a name of its own here.
  cook = `${milan.url}/initiatives/cucina`;
  await eventually(() => liege.registry.initiatives.findById(cook));
  await liege.registry.store.collection('initiatives').updateOne({ _id: cook }, { $set: { 'record.name': { fr: COPY_NAME } } });
}, 60_000);
afterAll(async () => {
  await milan?.close();
  await liege?.close();
});

describe('whom a partner told', () => {
  it("lists the partner's initiative as told, under the copy's name, before anyone opened it, then as seen", async () => {
    await publish(liege, request('repas-conseil'));
    const record = `${liege.url}/market/repas-conseil`;
    await new Promise((r) => setTimeout(r, 3000));
    // Milan tells the editors of its own initiative of its copy, and Liège hears whom it told.
    const told = await eventually(() => entryOf(record, cook));
    expect(told).toMatchObject({ name: COPY_NAME, local: false, seenAt: null });
    expect(told.toldAt).toEqual(expect.any(String));
    expect((await followUp(record)).told).toBeGreaterThanOrEqual(1);
    // The editor on Milan opens it: seen follows told.
    milan.registry.events.emit({
      type: 'market.seen',
      recordIri: record,
      recordOrigin: `${liege.url}/nodes/liege`,
      initiativeIri: cook,
      seenAt: new Date().toISOString(),
    });
    const seen = await eventually(async () => {
      const entry = await entryOf(record, cook);
      return entry?.seenAt ? entry : undefined;
    });
    expect(seen).toMatchObject({ name: COPY_NAME, toldAt: told.toldAt });
  });
});

describe('what a partner may not say about whom it told', () => {
  it('refuses a mark for an initiative elsewhere, for a draft, minted elsewhere; a replay counts once', async () => {
    const { toldActivity } = await import('./market-answer-activity.ts');
    const { queueForInbox } = await import('../fanout/follower-deliveries.ts');
    await liege.registry.marketEditorial.create(OPERATOR, request('brouillon-repas') as never);
    const record = `${liege.url}/market/repas-conseil`;
    const ctx = milan.federation.federation.createContext(milan.registry.config.publicUrl, milan.federation.data);
    const to = { actor: `${liege.url}/nodes/liege`, inbox: `${liege.url}/ap/inbox` };
    const mark = (initiativeIri: string, recordIri = record) =>
      toldActivity(
        { publicUrl: milan.registry.config.publicUrl, actor: `${milan.url}/nodes/milan` },
        {
          recordIri,
          recordOrigin: `${liege.url}/nodes/liege`,
          initiativeIri,
          initiativeName: 'Said by Milan',
          toldAt: new Date().toISOString(),
        },
      );
    const forged = [
      mark(`${liege.url}/initiatives/atemos`),
      mark('http://127.0.0.9:1/initiatives/elsewhere'),
      mark(`${milan.url}/initiatives/to-a-draft`, `${liege.url}/market/brouillon-repas`),
      mark(`${milan.url}/initiatives/to-no-record`, `${liege.url}/market/no-such-record`),
      { ...mark(`${milan.url}/initiatives/minted-elsewhere`), id: `${liege.url}/ap/market-told/forged` },
    ];
    for (const activity of forged) await queueForInbox(ctx, milan.federation.queue, '_node', activity, to);
    // The same mark twice, then a good one so the wait has an end.
    await queueForInbox(ctx, milan.federation.queue, '_node', mark(`${milan.url}/initiatives/twice`), to);
    await queueForInbox(ctx, milan.federation.queue, '_node', mark(`${milan.url}/initiatives/twice`), to);
    await queueForInbox(ctx, milan.federation.queue, '_node', mark(`${milan.url}/initiatives/well-told`), to);
    await eventually(() => entryOf(record, `${milan.url}/initiatives/well-told`));
    await eventually(() => queueEmpty(milan));
    const entries = (await followUp(record)).entries as Array<{ partyId: string; name: string }>;
    const parties = entries.map((e) => e.partyId);
    for (const refused of [
      `${liege.url}/initiatives/atemos`,
      'http://127.0.0.9:1/initiatives/elsewhere',
      `${milan.url}/initiatives/to-a-draft`,
      `${milan.url}/initiatives/to-no-record`,
      `${milan.url}/initiatives/minted-elsewhere`,
    ])
      expect(parties).not.toContain(refused);
    expect(parties.filter((p) => p === `${milan.url}/initiatives/twice`)).toHaveLength(1);
    // No copy held here: the partner's name stands for it.
    expect(entries.find((e) => e.partyId === `${milan.url}/initiatives/well-told`)!.name).toBe('Said by Milan');
    expect((await followUp(`${liege.url}/market/brouillon-repas`)).entries).toEqual([]);
  });
});
