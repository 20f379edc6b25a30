// Re-matching open records when an initiative is published or changed (ADR 0055), on a seeded
// Liège node with a test clock: a request published first is matched with an initiative
// published later, whose editors are told; an initiative that moves into a request's sector is
// told, one that moves out leaves the matches untold, an unchanged re-publish tells nobody twice;
// expired and withdrawn records are not re-matched; a partner's copy of a request is re-matched
// only against this node's own initiatives; an initiative that starts to need what an offer lends
// is told of the offer; an unpublished initiative leaves the stored matches.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../events/domain-events.ts';
import type { StoredInitiative } from '../../initiatives/initiative-repository.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { createAccount, type Session } from '../../testing/graphql-client.ts';
import type { MarketRecord } from '../market-record.ts';

let node: TestNode;
let moderator: Session;
let siriusEditor: Session;
let parallaxEditor: Session;
const clock = new Date('2027-01-15T10:00:00.000Z');
const matched: Array<Extract<DomainEvent, { type: 'market.matched' }>> = [];

const ERROR = 'error { code message ... on ValidationFailed { fields { field message } } }';
const CREATE = `mutation($i: MarketRecordInput!) { createMarketRecord(input: $i) { record { ... on MarketRecordDraft { slug } } ${ERROR} } }`;
const step = (name: string) =>
  `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { record { ... on MarketRecordDraft { state version } ... on InitiativeDraft { state version } } ${ERROR} } }`;
const EDIT = `mutation($id: ID!, $v: Int!, $c: InitiativeInput!) { updateInitiative(id: $id, version: $v, changes: $c) { record { ... on InitiativeDraft { version pendingChanges } } ${ERROR} } }`;
const NOTICES = '{ myNotifications { kind initiative path } }';
const PARTNER_REQUEST = 'https://milano.test/market/cerca-pulizie';
const PARTNER_CLEANER = 'https://milano.test/initiatives/pulizie-liegi';
const iri = (handle: string) => `http://registry.test/initiatives/${handle}`;
const ids = (doc: { matches: Array<{ counterpart: { iri: string } }> } | null) => (doc?.matches ?? []).map((m) => m.counterpart.iri);
const stored = (id: string) => node.registry.marketMatches.find(id);
const toldOf = (initiativeIri: string, from: number) =>
  matched.slice(from).filter((e) => e.matches.some((m) => m.counterpart.iri === initiativeIri));
const matchedNotices = async (session: Session) =>
  (await session.gql(NOTICES)).data.myNotifications.filter((n: { kind: string }) => n.kind === 'MARKET_MATCHED');

/** A request for Liège in a sector no seeded initiative works in (AM50), so only what the tests change can match it. */
const request = (handle: string, extra: Record<string, unknown> = {}) => ({
  handle,
  kind: 'REQUEST',
  title: [{ language: 'fr', text: 'Nettoyage de bureaux' }],
  summary: [{ language: 'fr', text: 'Un marché de nettoyage de locaux communaux.' }],
  originalLanguage: 'fr',
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: '2027-03-31',
  owner: { organisation: 'Ville de Liège' },
  sectors: ['AM50'],
  request: { requestKind: 'SOURCING', intent: 'NONE' },
  ...extra,
});

async function publishRecord(input: Record<string, unknown>): Promise<void> {
  expect((await moderator.gql(CREATE, { i: input })).data.createMarketRecord.error).toBeNull();
  expect((await moderator.gql(step('submitForReview'), { id: input.handle, v: 1 })).data.submitForReview.error).toBeNull();
  expect((await moderator.gql(step('approve'), { id: input.handle, v: 2 })).data.approve.record.state).toBe('PUBLISHED');
  await settled();
}

/** A moderator's change to a published initiative goes live at once (record.updated). */
async function changeInitiative(handle: string, changes: Record<string, unknown>): Promise<void> {
  const current = (await node.registry.initiatives.findById(handle))!;
  const edited = await moderator.gql(EDIT, { id: handle, v: current.version, c: changes });
  expect(edited.data.updateInitiative.error).toBeNull();
  expect(edited.data.updateInitiative.record.pendingChanges).toBeNull();
  await settled();
}

async function settled(): Promise<void> {
  await node.registry.search.settled();
  await node.registry.marketMatching.settled();
}

beforeAll(async () => {
  node = await startTestNode({}, { now: () => clock });
  // The node seeds Liège's needs and offers (ADR 0039); these tests match against the records they write.
  await node.registry.store.collection('marketRecords').deleteMany({});
  node.registry.events.subscribe((event) => {
    if (event.type === 'market.matched') matched.push(event);
  });
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  siriusEditor = await createAccount(node, 'editor@siriuscoop.test', 'editor', ['siriuscoop']);
  parallaxEditor = await createAccount(node, 'editor@parallax.test', 'editor', ['parallax']);
  await publishRecord(request('nettoyage'));
  expect(ids(await stored('nettoyage'))).toEqual([]);
});
afterAll(() => node?.close());

describe('an initiative published after the request', () => {
  it('is matched with the open request, which lists it, and its editors are told', async () => {
    const newcomer = await createAccount(node, 'proprete@collective.test', 'editor', []);
    const from = matched.length;
    const created = await newcomer.gql(`mutation { createInitiative(input: {
      handle: "proprete-solidaire", originalLanguage: "fr", legalForm: "L1", primarySector: "AM50",
      name: [{ language: "fr", text: "Propreté solidaire" }], summary: [{ language: "fr", text: "Nettoyage de locaux." }],
      location: { locality: "Liège", country: "BE" } }) { record { ... on InitiativeDraft { version } } ${ERROR} } }`);
    expect(created.data.createInitiative.error).toBeNull();
    await settled();
    // A draft is nobody's match yet.
    expect(ids(await stored('nettoyage'))).toEqual([]);
    const submitted = await newcomer.gql(step('submitForReview'), {
      id: 'proprete-solidaire',
      v: created.data.createInitiative.record.version,
    });
    const approved = await moderator.gql(step('approve'), { id: 'proprete-solidaire', v: submitted.data.submitForReview.record.version });
    expect(approved.data.approve.error).toBeNull();
    await settled();
    const doc = await stored('nettoyage');
    expect(ids(doc)).toEqual([iri('proprete-solidaire')]);
    expect(doc!.matches[0]).toMatchObject({
      recordIri: 'http://registry.test/market/nettoyage',
      counterpart: { kind: 'initiative', local: true },
      reasons: [
        { code: 'same-sector', params: { sector: 'AM50' } },
        { code: 'same-locality', params: { locality: 'Liège' } },
      ],
    });
    expect(toldOf(iri('proprete-solidaire'), from)).toEqual([
      {
        type: 'market.matched',
        record: { iri: 'http://registry.test/market/nettoyage', handle: 'nettoyage', kind: 'request', local: true },
        matches: doc!.matches,
      },
    ]);
    expect(await matchedNotices(newcomer)).toEqual([
      expect.objectContaining({ initiative: 'proprete-solidaire', path: '/market/nettoyage/answer?initiative=proprete-solidaire' }),
    ]);
  });
});

describe('an initiative that changes', () => {
  it('is told when it moves into the sector of an open request, and kept in order with the others', async () => {
    const from = matched.length;
    await changeInitiative('siriuscoop', { primarySector: 'AM50' });
    const doc = await stored('nettoyage');
    expect(ids(doc).sort()).toEqual([iri('proprete-solidaire'), iri('siriuscoop')].sort());
    // Best first, then by IRI, as matching orders them.
    const scores = doc!.matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const told = toldOf(iri('siriuscoop'), from);
    expect(told).toHaveLength(1);
    // Only the new match is emitted: the one already told is not told again.
    expect(told[0]!.matches.map((m) => m.counterpart.iri)).toEqual([iri('siriuscoop')]);
    expect(await matchedNotices(siriusEditor)).toEqual([
      expect.objectContaining({ initiative: 'siriuscoop', path: '/market/nettoyage/answer?initiative=siriuscoop' }),
    ]);
  });

  it('tells nobody twice when it is published again with nothing that matters changed', async () => {
    const from = matched.length;
    await changeInitiative('siriuscoop', {
      summary: [{ language: 'fr', text: 'Coopérative numérique qui nettoie aussi des bureaux.' }],
    });
    node.registry.events.emit({ type: 'record.updated', kind: 'initiative', id: 'siriuscoop', version: 99, fields: [] });
    await settled();
    expect(matched.slice(from)).toEqual([]);
    expect(await matchedNotices(siriusEditor)).toHaveLength(1);
    expect(ids(await stored('nettoyage'))).toContain(iri('siriuscoop'));
  });

  it('leaves the matches, untold, when it moves out of the sector', async () => {
    const from = matched.length;
    await changeInitiative('siriuscoop', { primarySector: 'AM70' });
    expect(ids(await stored('nettoyage'))).toEqual([iri('proprete-solidaire')]);
    expect(matched.slice(from)).toEqual([]);
    expect(await matchedNotices(siriusEditor)).toHaveLength(1);
  });

  it('is told of an open offer when it starts to need what the offer lends', async () => {
    await publishRecord({
      handle: 'materiel-prete',
      kind: 'OFFER',
      title: [{ language: 'fr', text: 'Du matériel à prêter' }],
      summary: [{ language: 'fr', text: 'Tables, chaises et sono.' }],
      originalLanguage: 'fr',
      area: { country: 'BE', locality: 'Liège' },
      expiresOn: '2027-03-31',
      owner: { organisation: 'Ville de Liège' },
      offer: { offerKind: 'equipment' },
    });
    expect(ids(await stored('materiel-prete'))).not.toContain(iri('parallax'));
    const from = matched.length;
    await changeInitiative('parallax', { needs: [{ type: 'equipment' }] });
    expect(ids(await stored('materiel-prete'))).toContain(iri('parallax'));
    expect(toldOf(iri('parallax'), from)).toHaveLength(1);
    expect(await matchedNotices(parallaxEditor)).toEqual([
      expect.objectContaining({ initiative: 'parallax', path: '/market/materiel-prete/answer?initiative=parallax' }),
    ]);
  });
});

describe('records that are not re-matched', () => {
  it('leaves an expired record and a withdrawn one alone', async () => {
    // Expired at the node's clock, though still marked published (the sweep has not run yet).
    const expired = request('nettoyage-ancien', {
      kind: 'request',
      expiresOn: '2027-01-10',
      request: { requestKind: 'sourcing', intent: 'none' },
    });
    await node.registry.marketRecords.insert(
      { ...expired, title: { fr: 'Ancien' }, summary: { fr: 'Ancien marché.' }, node: 'liege' } as unknown as MarketRecord,
      { origin: { kind: 'local' }, state: 'published', now: '2026-12-01T00:00:00.000Z', id: 'nettoyage-ancien' },
    );
    await publishRecord(request('nettoyage-retire'));
    const doc = (await node.registry.marketRecords.findById('nettoyage-retire'))!;
    expect((await moderator.gql(step('unpublish'), { id: 'nettoyage-retire', v: doc.version })).data.unpublish.error).toBeNull();
    await settled();
    const from = matched.length;
    await changeInitiative('siriuscoop', { primarySector: 'AM50' });
    expect(await stored('nettoyage-ancien')).toBeNull();
    expect(await stored('nettoyage-retire')).toBeNull();
    expect(matched.slice(from).map((e) => e.record.handle)).toEqual(['nettoyage']);
    // Back in the request's matches, but told once only: its editors were told of it before.
    expect(await matchedNotices(siriusEditor)).toHaveLength(1);
    await changeInitiative('siriuscoop', { primarySector: 'AM70' });
  });
});

describe("a partner's copy of a request", () => {
  it("is re-matched only against this node's own initiatives; a local request also against the partner's", async () => {
    const record = {
      ...(await node.registry.marketRecords.findById('nettoyage'))!.record,
      handle: 'cerca-pulizie',
      node: 'milano',
    } satisfies MarketRecord;
    const origin = (id: string) => ({
      kind: 'remote' as const,
      node: 'milano',
      objectId: id,
      url: id,
      receivedAt: clock.toISOString(),
      remoteUpdatedAt: clock.toISOString(),
    });
    await node.registry.marketRecords.upsertReceived(PARTNER_REQUEST, record, origin(PARTNER_REQUEST));
    node.registry.events.emit({ type: 'record.published', kind: 'marketRecord', id: PARTNER_REQUEST, version: 1 });
    await settled();
    expect(ids(await stored(PARTNER_REQUEST))).toEqual([iri('proprete-solidaire')]);
    // A partner's initiative cleaning in Liège arrives (as federation stores it).
    const base = (await node.registry.initiatives.findById('proprete-solidaire'))!.record;
    const from = matched.length;
    await node.registry.initiatives.upsertReceived(
      PARTNER_CLEANER,
      { ...base, handle: 'pulizie-liegi', node: 'milano' } as StoredInitiative['record'],
      origin(PARTNER_CLEANER),
    );
    node.registry.events.emit({ type: 'listing.received', kind: 'initiative', id: PARTNER_CLEANER });
    await settled();
    expect(ids(await stored(PARTNER_REQUEST))).toEqual([iri('proprete-solidaire')]);
    expect(ids(await stored('nettoyage'))).toContain(PARTNER_CLEANER);
    expect(toldOf(PARTNER_CLEANER, from).map((e) => e.record.handle)).toEqual(['nettoyage']);
    // A change to one of this node's initiatives re-matches the partner's copy too.
    await changeInitiative('siriuscoop', { primarySector: 'AM50' });
    expect(ids(await stored(PARTNER_REQUEST))).toContain(iri('siriuscoop'));
    // The partner's initiative leaves: it leaves the stored matches with it.
    await node.registry.store.collection('initiatives').deleteOne({ _id: PARTNER_CLEANER });
    node.registry.events.emit({ type: 'listing.removed', ids: [PARTNER_CLEANER] });
    await settled();
    expect(ids(await stored('nettoyage'))).not.toContain(PARTNER_CLEANER);
  });
});

describe('an initiative that leaves the public', () => {
  it('leaves the stored matches of every record', async () => {
    const doc = (await node.registry.initiatives.findById('siriuscoop'))!;
    expect((await moderator.gql(step('unpublish'), { id: 'siriuscoop', v: doc.version })).data.unpublish.error).toBeNull();
    await settled();
    expect(ids(await stored('nettoyage'))).not.toContain(iri('siriuscoop'));
    expect(ids(await stored(PARTNER_REQUEST))).not.toContain(iri('siriuscoop'));
  });
});

describe('a burst of changes', () => {
  it('re-matches an initiative once for changes that arrive while it waits in the queue', async () => {
    await settled();
    const spy = vi.spyOn(node.registry.marketMatching, 'rematchInitiative');
    try {
      // A partner sending the same listing over and over, or a flurry of edits.
      for (let i = 0; i < 50; i++) node.registry.events.emit({ type: 'listing.received', kind: 'initiative', id: PARTNER_CLEANER });
      for (let i = 0; i < 50; i++)
        node.registry.events.emit({ type: 'record.updated', kind: 'initiative', id: 'parallax', version: i, fields: [] });
      await settled();
      expect(spy.mock.calls.filter(([id]) => id === PARTNER_CLEANER)).toHaveLength(1);
      expect(spy.mock.calls.filter(([id]) => id === 'parallax')).toHaveLength(1);
      // A change after the work started is queued again (it may have been read before the change).
      node.registry.events.emit({ type: 'record.updated', kind: 'initiative', id: 'parallax', version: 51, fields: [] });
      await settled();
      expect(spy.mock.calls.filter(([id]) => id === 'parallax')).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
  });
});
