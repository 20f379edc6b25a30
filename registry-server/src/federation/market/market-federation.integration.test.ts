// Market records across nodes on loopback (issue 15 point 5, ADR 0038): a partner copies the
// open requests, needs, offers and openings of the nodes it follows (backfill, then Create,
// Update, Delete), drops a copy at its expiry instant by itself and on the origin's Delete,
// refuses what a partner may not say, and carries an editor's answer back to the record's origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../events/domain-events.ts';
import type { MarketRecord } from '../../market/market-record.ts';
import { OPERATOR } from '../partners/partner-service.ts';
import { eventually } from '../../testing/federated-nodes.ts';
import { freePort } from '../../testing/free-port.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import type { RemoteMarketAnswer, RemoteMarketSeen } from './market-answers-port.ts';

const DAY = 86_400_000;
const offsets = { liege: 0, milan: 0, sofia: 0 };
const clockOf = (name: keyof typeof offsets) => () => new Date(Date.now() + offsets[name]);
const dayFrom = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function start(name: keyof typeof offsets): Promise<TestNode> {
  const port = await freePort();
  return startTestNode({ port, nodeHandle: name, publicUrl: new URL(`http://127.0.0.1:${port}`) }, { now: clockOf(name) });
}

let liege: TestNode;
let milan: TestNode;
let sofia: TestNode;
const milanEvents: DomainEvent[] = [];
const received: RemoteMarketAnswer[] = [];
const seen: RemoteMarketSeen[] = [];

const request = (handle: string, extra: Partial<MarketRecord> = {}): Partial<MarketRecord> => ({
  handle,
  kind: 'request',
  title: { fr: 'Traiteur pour les réunions du conseil communal' },
  summary: { fr: 'Repas pour 40 personnes une fois par mois.' },
  originalLanguage: 'fr',
  owner: { organisation: 'Ville de Liège, service des marchés publics' },
  sectors: ['AM40'],
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: dayFrom(10),
  request: { requestKind: 'sourcing', intent: 'reserved-contract', cpvCodes: ['55520000-1'], budgetBand: '30k-140k' },
  ...extra,
});
const need = (handle: string, initiative: string): Partial<MarketRecord> => ({
  handle,
  kind: 'need',
  title: { fr: 'Une salle de réunion deux soirs par semaine' },
  summary: { fr: "L'équipe cherche une salle pour ses réunions." },
  originalLanguage: 'fr',
  owner: { initiative },
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: dayFrom(20),
  need: { needKinds: ['meeting-room'] },
});

/** Creates, submits and approves a record on `node` as its operator (an admin). */
async function publish(node: TestNode, input: Partial<MarketRecord>) {
  const editorial = node.registry.marketEditorial;
  let doc = await editorial.create(OPERATOR, input as never);
  doc = await editorial.submit(OPERATOR, doc._id, doc.version);
  return editorial.approve(OPERATOR, doc._id, doc.version);
}

/** Writes a record on `node` as it is, past every local check (a hostile or broken partner), and announces it. */
async function forge(node: TestNode, record: Record<string, unknown>) {
  const doc = await node.registry.marketRecords.insert(record as never, {
    origin: { kind: 'local' },
    state: 'published',
    now: new Date().toISOString(),
  });
  node.registry.events.emit({ type: 'record.published', kind: 'marketRecord', id: doc._id, version: doc.version });
}

async function follow(follower: TestNode, followed: TestNode, handle: string) {
  await follower.federation.partners.follow(OPERATOR, `${followed.url}/nodes/${handle}`);
  const asked = await eventually(async () =>
    (await followed.federation.partners.list(OPERATOR)).find(
      (p) => p.actor === `${follower.url}/nodes/${follower.registry.config.nodeHandle}`,
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

const copyOn = (node: TestNode, origin: TestNode, handle: string) => node.registry.marketRecords.findById(`${origin.url}/market/${handle}`);
const publicIdsOn = async (node: TestNode) =>
  ((await node.query('{ marketRecords(first: 100) { edges { node { id } } } }')).body.data?.marketRecords.edges ?? []).map(
    (e: { node: { id: string } }) => e.node.id,
  );
const queueEmpty = async (node: TestNode) => (await node.federation.queue.getDepth()).queued === 0;

beforeAll(async () => {
  liege = await start('liege');
  milan = await start('milan');
  sofia = await start('sofia');
  milan.registry.events.subscribe((event) => {
    if ('kind' in event && event.kind === 'marketRecord') milanEvents.push(event);
  });
  liege.federation.data.marketAnswers = {
    async receiveRemote(answer) {
      received.push(answer);
      return 'stored';
    },
    async receiveSeen(mark) {
      seen.push(mark);
    },
  };
  // Published before anyone follows Liège: it reaches Milan by backfill.
  await publish(liege, request('catering-liege'));
  await publish(liege, request('quote-liege', { expiresOn: dayFrom(5) }));
  await follow(milan, liege, 'liege');
  await follow(milan, sofia, 'sofia');
}, 60_000);
afterAll(async () => {
  await sofia?.close();
  await milan?.close();
  await liege?.close();
});

describe('a market record as an ActivityPub object', () => {
  it('answers its IRI with the record as a Page to ActivityPub clients, and leaves the web page to the site', async () => {
    const iri = `${liege.url}/market/catering-liege`;
    const response = await fetch(iri, { headers: { accept: 'application/activity+json' } });
    expect(response.status).toBe(200);
    const json = (await response.json()) as Record<string, any>;
    expect(json.id).toBe(iri);
    expect(json.type).toBe('Page');
    expect(json.attributedTo).toBe(`${liege.url}/nodes/liege`);
    expect(json.name).toBe('Traiteur pour les réunions du conseil communal');
    expect(json.marketRecord).toMatchObject({ handle: 'catering-liege', kind: 'request', node: 'liege' });
    const page = await fetch(iri, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/activity\+json/);
  });

  it('answers a draft like a name nobody uses', async () => {
    await liege.registry.marketEditorial.create(OPERATOR, request('draft-liege') as never);
    const response = await fetch(`${liege.url}/market/draft-liege`, { headers: { accept: 'application/activity+json' } });
    expect(response.status).toBe(404);
  });
});

describe('market records across partners', () => {
  it('copies the open records of a partner it starts following, public on the follower', async () => {
    const copy = await eventually(() => copyOn(milan, liege, 'catering-liege'));
    expect(copy.origin).toMatchObject({ kind: 'remote', node: `${liege.url}/nodes/liege` });
    expect(copy.record.node).toBe('liege');
    expect(await publicIdsOn(milan)).toContain(`${liege.url}/market/catering-liege`);
    expect(milanEvents).toContainEqual(expect.objectContaining({ type: 'record.published', id: `${liege.url}/market/catering-liege` }));
    // The draft never leaves its node.
    expect(await copyOn(milan, liege, 'draft-liege')).toBeNull();
  });

  it('carries a new need of an initiative to the partner', async () => {
    await publish(liege, need('atemos-meeting-room', 'atemos'));
    const copy = await eventually(() => copyOn(milan, liege, 'atemos-meeting-room'));
    expect(copy.record.owner).toEqual({ initiative: 'atemos' });
    const owner = await milan.query(`{ marketRecord(id: "${liege.url}/market/atemos-meeting-room") { ownerInitiative { id } } }`);
    expect(owner.body.data.marketRecord.ownerInitiative.id).toBe(`${liege.url}/initiatives/atemos`);
  });

  it('carries an update, and the partner tells its own node it was updated', async () => {
    const editorial = liege.registry.marketEditorial;
    const doc = (await liege.registry.marketRecords.findById('catering-liege'))!;
    // A moderator's edit of a published record goes live at once.
    await editorial.update(OPERATOR, 'catering-liege', doc.version, { title: { fr: 'Traiteur pour 60 personnes' } } as never);
    await eventually(async () => (await copyOn(milan, liege, 'catering-liege'))?.record.title.fr === 'Traiteur pour 60 personnes');
    expect(milanEvents).toContainEqual(expect.objectContaining({ type: 'record.updated', id: `${liege.url}/market/catering-liege` }));
  });

  it('removes the copy of a record its origin withdrew', async () => {
    const doc = (await liege.registry.marketRecords.findById('atemos-meeting-room'))!;
    await liege.registry.marketEditorial.unpublish(OPERATOR, 'atemos-meeting-room', doc.version);
    await eventually(async () => (await copyOn(milan, liege, 'atemos-meeting-room')) === null);
    expect(milanEvents).toContainEqual(expect.objectContaining({ type: 'record.deleted', id: `${liege.url}/market/atemos-meeting-room` }));
  });

  it('drops the needs of a partner initiative whose copy goes, which the origin no longer serves either', async () => {
    await publish(liege, need('atemos-storage', 'atemos'));
    await eventually(() => copyOn(milan, liege, 'atemos-storage'));
    const atemos = (await liege.registry.initiatives.findById('atemos'))!;
    await liege.registry.initiativeEditorial.unpublish(OPERATOR, 'atemos', atemos.version);
    await eventually(async () => (await copyOn(milan, liege, 'atemos-storage')) === null);
    expect(milanEvents).toContainEqual(expect.objectContaining({ type: 'record.deleted', id: `${liege.url}/market/atemos-storage` }));
    const served = await fetch(`${liege.url}/market/atemos-storage`, { headers: { accept: 'application/activity+json' } });
    expect(served.headers.get('content-type') ?? '').not.toMatch(/activity\+json/);
  });

  it('removes the copy when the origin says the record expired', async () => {
    const iri = `${liege.url}/market/quote-liege`;
    expect(await copyOn(milan, liege, 'quote-liege')).not.toBeNull();
    offsets.liege = 6 * DAY;
    try {
      await liege.registry.marketExpiry.sweep();
      await eventually(async () => (await milan.registry.marketRecords.findById(iri)) === null);
    } finally {
      offsets.liege = 0;
    }
  });
  it("drops a copy at its expiry instant by the partner's own clock, without waiting for the origin", async () => {
    const iri = `${liege.url}/market/catering-liege`;
    offsets.milan = 11 * DAY;
    try {
      // Gone from every public answer at once: the read filters on the expiry instant.
      expect(await publicIdsOn(milan)).not.toContain(iri);
      await milan.registry.marketExpiry.sweep();
      await eventually(async () => (await milan.registry.marketRecords.findById(iri)) === null);
      expect(milanEvents).toContainEqual(expect.objectContaining({ type: 'record.expired', id: iri }));
      // The origin's clock has not moved: it still publishes it.
      expect(await publicIdsOn(liege)).toContain(iri);
    } finally {
      offsets.milan = 0;
    }
  });
});

describe('what a partner may not say', () => {
  const base = (handle: string) => ({ ...request(handle), node: 'sofia' });

  it('refuses records of another node, a need of an initiative that is not the sender’s, a far expiry and an invalid record', async () => {
    await publish(liege, request('target-liege'));
    const target = `${liege.url}/market/target-liege`;
    await eventually(() => copyOn(milan, liege, 'target-liege'));
    const before = (await milan.registry.marketRecords.findById(target))!;
    // Sofia claims Liège's record: an Update and a Delete of an object on another host.
    const ctx = sofia.federation.federation.createContext(sofia.registry.config.publicUrl, sofia.federation.data);
    const { Update, Delete } = await import('@fedify/vocab');
    const recipient = { id: new URL(`${milan.url}/nodes/milan`), inboxId: new URL(`${milan.url}/ap/inbox`) };
    await ctx.sendActivity(
      { identifier: '_node' },
      recipient,
      new Update({
        id: new URL(`${sofia.url}/ap/activities/forged-market-update`),
        actor: ctx.getActorUri('_node'),
        object: new URL(target),
      }),
    );
    await ctx.sendActivity(
      { identifier: '_node' },
      recipient,
      new Delete({
        id: new URL(`${sofia.url}/ap/activities/forged-market-delete`),
        actor: ctx.getActorUri('_node'),
        object: new URL(target),
      }),
    );
    // A need of Liège's initiative, a record a year and more ahead, a record with a field the schema does not have.
    await forge(sofia, {
      ...base('sofia-need-of-atemos'),
      kind: 'need',
      owner: { initiative: 'atemos' },
      request: undefined,
      need: { needKinds: ['storage'] },
    });
    await forge(sofia, { ...base('sofia-far-request'), expiresOn: dayFrom(400) });
    await forge(sofia, { ...base('sofia-invalid-request'), contactEmail: 'someone@example.org' });
    // And one good record, so the test shows what does arrive.
    await forge(sofia, base('sofia-good-request'));
    await eventually(() => copyOn(milan, sofia, 'sofia-good-request'));
    await eventually(() => queueEmpty(sofia));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = (await milan.registry.marketRecords.findById(target))!;
    expect(after.origin).toEqual(before.origin);
    expect(after.record).toEqual(before.record);
    expect(await copyOn(milan, sofia, 'sofia-need-of-atemos')).toBeNull();
    expect(await copyOn(milan, sofia, 'sofia-far-request')).toBeNull();
    expect(await copyOn(milan, sofia, 'sofia-invalid-request')).toBeNull();
  });
});

describe('answers travel back to the origin', () => {
  const answerEvent = (id: string, initiativeIri: string, recordIri = `${liege.url}/market/catering-liege`): DomainEvent => ({
    type: 'market.answer.sent',
    answer: {
      id,
      recordIri,
      recordOrigin: `${liege.url}/nodes/liege`,
      initiativeIri,
      initiativeName: 'Cucina Milano (test data)',
      verdict: 'interested',
      message: 'We cook for 60 people <every> month.',
      sentAt: new Date().toISOString(),
    },
  });

  it("delivers a partner editor's answer to the record's origin, which hands it to its answers", async () => {
    milan.registry.events.emit(answerEvent('answer-1', `${milan.url}/initiatives/cucina`));
    const answer = await eventually(async () => received.find((a) => a.initiativeIri === `${milan.url}/initiatives/cucina`));
    expect(answer).toMatchObject({
      fromNode: `${milan.url}/nodes/milan`,
      recordIri: `${liege.url}/market/catering-liege`,
      initiativeName: 'Cucina Milano (test data)',
      verdict: 'interested',
      message: 'We cook for 60 people <every> month.',
    });
    expect(answer.activityId).toMatch(new RegExp(`^${milan.url}/`));
  });

  it('refuses an answer for an initiative of another node, and one from a node that does not follow the origin', async () => {
    milan.registry.events.emit(answerEvent('answer-2', `${sofia.url}/initiatives/someone-else`));
    // Sofia does not follow Liège: it never received the request, so it cannot answer it.
    const ctx = sofia.federation.federation.createContext(sofia.registry.config.publicUrl, sofia.federation.data);
    const { answerActivity } = await import('./market-answer-activity.ts');
    const { Create } = await import('@fedify/vocab');
    const event = answerEvent('answer-3', `${sofia.url}/initiatives/sofia-kitchen`) as Extract<DomainEvent, { type: 'market.answer.sent' }>;
    const activity = await Create.fromJsonLd(
      answerActivity({ publicUrl: ctx.data.services.config.publicUrl, actor: ctx.getActorUri('_node').href }, event.answer),
    );
    await ctx.sendActivity(
      { identifier: '_node' },
      { id: new URL(`${liege.url}/nodes/liege`), inboxId: new URL(`${liege.url}/ap/inbox`) },
      activity,
    );
    // A good answer sent after both, so the wait has an end.
    milan.registry.events.emit(answerEvent('answer-4', `${milan.url}/initiatives/cucina-bis`));
    await eventually(async () => received.some((a) => a.initiativeIri === `${milan.url}/initiatives/cucina-bis`));
    await eventually(() => queueEmpty(sofia));
    await eventually(() => queueEmpty(milan));
    expect(received.map((a) => a.initiativeIri)).not.toContain(`${sofia.url}/initiatives/someone-else`);
    expect(received.map((a) => a.initiativeIri)).not.toContain(`${sofia.url}/initiatives/sofia-kitchen`);
  });

  it('refuses answers a partner shapes wrongly: a verdict of its own, a reply to something else, a Note not embedded or elsewhere, too long', async () => {
    const { answerActivity } = await import('./market-answer-activity.ts');
    const { queueForInbox } = await import('../fanout/follower-deliveries.ts');
    // A record partners never received: its IRI is guessable, but an answer to it is not taken.
    await liege.registry.marketEditorial.create(OPERATOR, request('draft-for-answers') as never);
    const ctx = milan.federation.federation.createContext(milan.registry.config.publicUrl, milan.federation.data);
    const to = { actor: `${liege.url}/nodes/liege`, inbox: `${liege.url}/ap/inbox` };
    const base = (id: string, initiative: string) =>
      answerActivity(
        { publicUrl: milan.registry.config.publicUrl, actor: `${milan.url}/nodes/milan` },
        (answerEvent(id, `${milan.url}/initiatives/${initiative}`) as Extract<DomainEvent, { type: 'market.answer.sent' }>).answer,
      );
    const withNote = (id: string, initiative: string, changes: Record<string, unknown>) => {
      const activity = base(id, initiative);
      return { ...activity, object: { ...(activity.object as object), ...changes } };
    };
    const forged = [
      withNote('shape-1', 'verdict-of-its-own', { answerVerdict: 'maybe' }),
      withNote('shape-2', 'reply-to-an-initiative', { inReplyTo: `${liege.url}/initiatives/atemos` }),
      withNote('shape-3', 'reply-to-no-record', { inReplyTo: `${liege.url}/market/no-such-record` }),
      withNote('shape-4', 'reply-to-a-copy-elsewhere', { inReplyTo: `${milan.url}/market/catering-liege` }),
      withNote('shape-5', 'note-elsewhere', { id: `${sofia.url}/ap/market-answers/shape-5` }),
      withNote('shape-6', 'far-too-long', { content: `<p>${'x'.repeat(4_001)}</p>` }),
      withNote('shape-7', 'no-name', { name: '' }),
      withNote('shape-10', 'reply-to-a-draft', { inReplyTo: `${liege.url}/market/draft-for-answers` }),
      { ...base('shape-8', 'not-embedded'), object: `${milan.url}/ap/market-answers/shape-8` },
      { ...base('shape-9', 'activity-elsewhere'), id: `${sofia.url}/ap/market-answers/shape-9/create` },
    ];
    for (const activity of forged) await queueForInbox(ctx, milan.federation.queue, '_node', activity, to);
    await queueForInbox(ctx, milan.federation.queue, '_node', base('shape-ok', 'well-shaped'), to);
    await eventually(async () => received.some((a) => a.initiativeIri === `${milan.url}/initiatives/well-shaped`));
    await eventually(() => queueEmpty(milan));
    const from = received.map((a) => a.initiativeIri.split('/').at(-1));
    for (const refused of [
      'verdict-of-its-own',
      'reply-to-an-initiative',
      'reply-to-no-record',
      'reply-to-a-copy-elsewhere',
      'note-elsewhere',
      'far-too-long',
      'no-name',
      'not-embedded',
      'activity-elsewhere',
      'reply-to-a-draft',
    ])
      expect(from).not.toContain(refused);
  });
});

describe('the seen mark travels back to the origin', () => {
  const seenEvent = (initiativeIri: string): DomainEvent => ({
    type: 'market.seen',
    recordIri: `${liege.url}/market/catering-liege`,
    recordOrigin: `${liege.url}/nodes/liege`,
    initiativeIri,
    seenAt: '2026-12-07T10:00:00.000Z',
  });

  it('tells the origin once that an editor of a partner opened the request, and refuses a mark for an initiative elsewhere', async () => {
    milan.registry.events.emit(seenEvent(`${sofia.url}/initiatives/someone-else`));
    milan.registry.events.emit(seenEvent(`${milan.url}/initiatives/cucina`));
    milan.registry.events.emit(seenEvent(`${milan.url}/initiatives/cucina`));
    const mark = await eventually(async () => seen.find((s) => s.initiativeIri === `${milan.url}/initiatives/cucina`));
    expect(mark).toMatchObject({
      fromNode: `${milan.url}/nodes/milan`,
      recordIri: `${liege.url}/market/catering-liege`,
      seenAt: '2026-12-07T10:00:00.000Z',
    });
    await eventually(() => queueEmpty(milan));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.filter((s) => s.initiativeIri === `${milan.url}/initiatives/cucina`)).toHaveLength(1);
    expect(seen.map((s) => s.initiativeIri)).not.toContain(`${sofia.url}/initiatives/someone-else`);
  });
});

describe('a partner this node stops following', () => {
  it('leaves no market record of it behind', async () => {
    expect(await copyOn(milan, sofia, 'sofia-good-request')).not.toBeNull();
    await milan.federation.partners.unfollow(OPERATOR, `${sofia.url}/nodes/sofia`);
    expect(await copyOn(milan, sofia, 'sofia-good-request')).toBeNull();
    expect(milanEvents).toContainEqual(expect.objectContaining({ type: 'record.deleted', id: `${sofia.url}/market/sofia-good-request` }));
  });
});
