// Matching on a seeded Liège node with a test clock: publishing a request stores its matches and
// emits `market.matched` with the expected initiatives and reasons; a reserved-contract request
// keeps only eligible initiatives; a partner's copy is matched only against this node's own
// initiatives; needs and offers find each other; matches are seen only by the record's writers
// and staff; an unpublished or expired record's matches are withdrawn and not shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../events/domain-events.ts';
import type { StoredInitiative } from '../../initiatives/initiative-repository.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../../testing/graphql-client.ts';
import type { MarketRecord } from '../market-record.ts';

let node: TestNode;
let moderator: Session;
let atemosEditor: Session;
let clock = new Date('2027-01-15T10:00:00.000Z');
const matched: Array<Extract<DomainEvent, { type: 'market.matched' }>> = [];
const PARTNER_COOK = 'https://milano.test/initiatives/cucina-liegi';

const ERROR = 'error { code message ... on ValidationFailed { fields { field message } } }';
const CREATE = `mutation($i: MarketRecordInput!) { createMarketRecord(input: $i) { record { ... on MarketRecordDraft { slug } } ${ERROR} } }`;
const step = (name: string) =>
  `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { record { ... on MarketRecordDraft { state version } } ${ERROR} } }`;
const MATCHES = `query($slug: String!) { marketRecord(slug: $slug) { matches { counterpartKind counterpartId local score
  explanation(lang: "fr") reasons { code params text(lang: "en") } initiative { slug } marketRecord { slug } } } }`;

const base = (handle: string, kind: string, extra: Record<string, unknown>) => ({
  handle,
  kind,
  title: [{ language: 'fr', text: 'Un titre' }],
  summary: [{ language: 'fr', text: 'Un résumé.' }],
  originalLanguage: 'fr',
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: '2027-03-31',
  ...extra,
});
const request = (handle: string, request: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  base(handle, 'REQUEST', {
    owner: { organisation: 'Ville de Liège' },
    request: { requestKind: 'SOURCING', intent: 'NONE', ...request },
    ...extra,
  });

/** Creates, submits and approves a record as `author` (a moderator approves), then waits for matching. */
async function publish(author: Session, input: Record<string, unknown>): Promise<void> {
  const created = await author.gql(CREATE, { i: input });
  expect(created.data.createMarketRecord.error).toBeNull();
  const slug = input.handle as string;
  expect((await author.gql(step('submitForReview'), { id: slug, v: 1 })).data.submitForReview.error).toBeNull();
  expect((await moderator.gql(step('approve'), { id: slug, v: 2 })).data.approve.record.state).toBe('PUBLISHED');
  await node.registry.marketMatching.settled();
}
const matchesOf = async (session: Session, slug: string) => (await session.gql(MATCHES, { slug })).data.marketRecord?.matches;
const stored = (slug: string) => node.registry.marketMatches.find(slug);
const ids = (matches: Array<{ counterpart: { iri: string } }> | undefined) => (matches ?? []).map((m) => m.counterpart.iri);
const iri = (handle: string) => `http://registry.test/initiatives/${handle}`;

beforeAll(async () => {
  node = await startTestNode({}, { now: () => clock });
  // The node seeds Liège's needs and offers (ADR 0039); these tests match against the records they write.
  await node.registry.store.collection('marketRecords').deleteMany({});
  node.registry.events.subscribe((event) => {
    if (event.type === 'market.matched') matched.push(event);
  });
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  atemosEditor = await createAccount(node, 'editor@atemos.test', 'editor', ['atemos']);
  const initiatives = node.registry.store.collection<StoredInitiative>('initiatives');
  // Contract A's fields, written as the eligibility helper's form will: Le Monde des Possibles is
  // eligible under Article 20 (a Belgian social enterprise, say) and lists a team band.
  await initiatives.updateOne(
    { _id: 'le-monde-des-possibles' },
    { $set: { 'record.eligibility': [{ basis: 'eu-art20', evidenceDate: '2026-06-01' }], 'record.teamSize': '10-19' } },
  );
  node.registry.events.emit({
    type: 'record.updated',
    kind: 'initiative',
    id: 'le-monde-des-possibles',
    version: 1,
    fields: ['eligibility'],
  });
  // A partner's copy of an initiative cooking in Liège (as federation stores it).
  const cook = (await node.registry.initiatives.findById('migrations-libres-plats-solidaires'))!.record;
  await node.registry.initiatives.upsertReceived(
    PARTNER_COOK,
    { ...cook, handle: 'cucina-liegi', node: 'milano' },
    {
      kind: 'remote',
      node: 'milano',
      objectId: PARTNER_COOK,
      url: PARTNER_COOK,
      receivedAt: clock.toISOString(),
      remoteUpdatedAt: clock.toISOString(),
    },
  );
  node.registry.events.emit({ type: 'listing.received', kind: 'initiative', id: PARTNER_COOK });
  await node.registry.search.settled();
  await node.registry.declaredFacts.settled();
});
afterAll(() => node?.close());

describe('a published request is matched, stored and told', () => {
  it("matches a catering request with the food initiatives of Liège, its own and a partner's, saying why", async () => {
    const before = matched.length;
    await publish(moderator, request('traiteur-conseil', { budgetBand: 'under-30k' }, { sectors: ['AM60'] }));
    const doc = (await stored('traiteur-conseil'))!;
    expect(ids(doc.matches).sort()).toEqual([iri('migrations-libres-plats-solidaires'), PARTNER_COOK].sort());
    const own = doc.matches.find((m) => m.counterpart.iri === iri('migrations-libres-plats-solidaires'))!;
    expect(own).toMatchObject({
      recordIri: 'http://registry.test/market/traiteur-conseil',
      counterpart: { kind: 'initiative', local: true },
      reasons: [
        { code: 'same-sector', params: { sector: 'AM60' } },
        { code: 'same-locality', params: { locality: 'Liège' } },
      ],
    });
    expect(doc.matches.find((m) => m.counterpart.iri === PARTNER_COOK)!.counterpart.local).toBe(false);
    // Told once, with the same matches.
    expect(matched.slice(before)).toEqual([
      {
        type: 'market.matched',
        record: { iri: 'http://registry.test/market/traiteur-conseil', handle: 'traiteur-conseil', kind: 'request', local: true },
        matches: doc.matches,
      },
    ]);
  });

  it('reaches education initiatives through a CPV code alone, and keeps only eligible ones for a reserved contract', async () => {
    await publish(
      moderator,
      request('formation-reservee', { intent: 'RESERVED_CONTRACT', cpvCodes: ['80500000-9'], budgetBand: '30k-140k' }),
    );
    const doc = (await stored('formation-reservee'))!;
    expect(ids(doc.matches)).toEqual([iri('le-monde-des-possibles')]);
    expect(doc.matches[0]!.reasons).toEqual([
      { code: 'cpv-sector', params: { cpv: '80500000-9', sector: 'AM40' } },
      { code: 'distance-km', params: { km: expect.any(Number) } },
      { code: 'reserved-eligible', params: { basis: 'eu-art20', article: '20' } },
      { code: 'capacity', params: { teamSize: '10-19', budgetBand: '30k-140k' } },
    ]);
    // Without the reservation, every education initiative of Liège answers.
    await publish(moderator, request('formation-ouverte', { cpvCodes: ['80500000-9'] }));
    expect((await stored('formation-ouverte'))!.matches.length).toBeGreaterThanOrEqual(5);
  });

  it('re-tells only new or changed matches when a published request is changed', async () => {
    const before = matched.length;
    await node.registry.marketMatching.matchRecord('traiteur-conseil');
    expect(matched.length).toBe(before);
  });

  it('shows matches in words to staff, and never to the public nor to an editor of another initiative', async () => {
    const seen = await matchesOf(moderator, 'formation-reservee');
    expect(seen).toEqual([
      expect.objectContaining({
        counterpartKind: 'INITIATIVE',
        counterpartId: iri('le-monde-des-possibles'),
        local: true,
        initiative: { slug: 'le-monde-des-possibles' },
        marketRecord: null,
      }),
    ]);
    expect(seen[0].explanation).toMatch(
      /^le code CPV 80500000-9 relève de son secteur : Éducation ; à \d+ km ; éligible à un marché réservé au titre de l'article 20 ; une équipe de 10-19 personnes/,
    );
    expect(seen[0].reasons[2]).toEqual({
      code: 'reserved-eligible',
      params: { basis: 'eu-art20', article: '20' },
      text: 'eligible for a contract reserved under Article 20',
    });
    expect(await matchesOf(anonymous(node), 'formation-reservee')).toBeNull();
    expect(await matchesOf(atemosEditor, 'formation-reservee')).toBeNull();
  });
});

describe("a partner's copy", () => {
  it("is matched only against this node's own initiatives, and told as a remote record", async () => {
    const record = {
      ...(await node.registry.marketRecords.findById('traiteur-conseil'))!.record,
      handle: 'catering-liegi',
      node: 'milano',
    } satisfies MarketRecord;
    const id = 'https://milano.test/market/catering-liegi';
    await node.registry.marketRecords.upsertReceived(id, record, {
      kind: 'remote',
      node: 'milano',
      objectId: id,
      url: id,
      receivedAt: clock.toISOString(),
      remoteUpdatedAt: clock.toISOString(),
    });
    const before = matched.length;
    node.registry.events.emit({ type: 'record.published', kind: 'marketRecord', id, version: 1 });
    await node.registry.marketMatching.settled();
    expect(ids((await stored(id))!.matches)).toEqual([iri('migrations-libres-plats-solidaires')]);
    expect(matched.slice(before).map((e) => e.record)).toEqual([{ iri: id, handle: 'catering-liegi', kind: 'request', local: false }]);
    // Only staff see the matches of a partner's copy (an editor's initiative of the same handle is not its owner).
    expect(await matchesOf(atemosEditor, id)).toBeNull();
    expect((await matchesOf(moderator, id)).map((m: { counterpartId: string }) => m.counterpartId)).toEqual([
      iri('migrations-libres-plats-solidaires'),
    ]);
  });
});

describe("who sees the matches of a partner's need", () => {
  it("refuses an editor of a local initiative that has the same handle as the need's owner on the partner", async () => {
    const id = 'https://milano.test/market/atemos-magazzino';
    const need = {
      handle: 'atemos-magazzino',
      kind: 'need',
      title: { it: 'Un magazzino' },
      summary: { it: 'Cerchiamo un magazzino.' },
      originalLanguage: 'it',
      owner: { initiative: 'atemos' },
      area: { country: 'BE', locality: 'Liège' },
      expiresOn: '2027-03-31',
      need: { needKinds: ['storage'] },
      node: 'milano',
    } satisfies MarketRecord;
    const origin = {
      kind: 'remote' as const,
      node: 'milano',
      objectId: id,
      url: id,
      receivedAt: clock.toISOString(),
      remoteUpdatedAt: clock.toISOString(),
    };
    await node.registry.marketRecords.upsertReceived(id, need, origin);
    node.registry.events.emit({ type: 'record.published', kind: 'marketRecord', id, version: 1 });
    await node.registry.marketMatching.settled();
    expect(await matchesOf(atemosEditor, id)).toBeNull();
    expect(await matchesOf(moderator, id)).toEqual([]);
  });
});

describe('needs and offers', () => {
  it("matches an initiative's need with a city's offer of the same kind, both ways", async () => {
    await publish(
      atemosEditor,
      base('atemos-cuisine', 'NEED', { owner: { initiative: 'atemos' }, need: { needKinds: ['kitchen', 'storage'] } }),
    );
    await publish(
      moderator,
      base('ville-cuisine', 'OFFER', {
        owner: { organisation: 'Ville de Liège' },
        offer: { offerKind: 'premises', premisesKinds: ['kitchen'], lendingForms: ['precarious-occupation'] },
      }),
    );
    const offer = (await stored('ville-cuisine'))!;
    expect(offer.matches.find((m) => m.counterpart.kind === 'marketRecord')).toMatchObject({
      counterpart: { kind: 'marketRecord', iri: 'http://registry.test/market/atemos-cuisine', local: true },
      reasons: [
        { code: 'need-offer-kind', params: { kind: 'kitchen' } },
        { code: 'same-locality', params: { locality: 'Liège' } },
      ],
    });
    // The need, published first, is matched again when asked (its editors see the offer).
    await node.registry.marketMatching.matchRecord('atemos-cuisine');
    expect(ids((await stored('atemos-cuisine'))!.matches)).toEqual(['http://registry.test/market/ville-cuisine']);
    const seen = await matchesOf(atemosEditor, 'atemos-cuisine');
    expect(seen).toEqual([expect.objectContaining({ counterpartKind: 'MARKET_RECORD', marketRecord: { slug: 'ville-cuisine' } })]);
    expect(seen[0].explanation).toBe('ce qui est demandé est proposé : Cuisine ; à Liège');
  });

  it("leaves out the need of an initiative that is no longer public, and withdraws the need's own matches", async () => {
    const atemos = (await node.registry.initiatives.findById('atemos'))!;
    expect(
      (await moderator.gql(`mutation($v: Int!) { unpublish(id: "atemos", version: $v) { ${ERROR} } }`, { v: atemos.version })).data
        .unpublish.error,
    ).toBeNull();
    await node.registry.marketMatching.matchRecord('ville-cuisine');
    expect(ids((await stored('ville-cuisine'))!.matches)).not.toContain('http://registry.test/market/atemos-cuisine');
    await node.registry.marketMatching.matchRecord('atemos-cuisine');
    expect(await stored('atemos-cuisine')).toBeNull();
  });

  it('matches an opening with nothing: openings are for people, shown on the board', async () => {
    await publish(
      moderator,
      base('siriuscoop-stage', 'OPENING', { owner: { initiative: 'siriuscoop' }, opening: { openingKind: 'training-place' } }),
    );
    expect((await stored('siriuscoop-stage'))!.matches).toEqual([]);
  });
});

describe('matches leave with their record', () => {
  it('withdraws the matches of an unpublished record', async () => {
    const doc = await node.registry.marketRecords.findById('formation-ouverte');
    expect((await moderator.gql(step('unpublish'), { id: 'formation-ouverte', v: doc!.version })).data.unpublish.error).toBeNull();
    await node.registry.marketMatching.settled();
    expect(await stored('formation-ouverte')).toBeNull();
  });

  it('shows no match of an expired record, and withdraws them when the expiry is told', async () => {
    clock = new Date('2027-04-01T00:00:00.000Z');
    // Sessions end with time too: a moderator signs in afresh, at the new date.
    const later = await createAccount(node, 'moderator2@liege.test', 'moderator');
    const draft = await later.gql(
      `{ editableMarketRecord(slug: "traiteur-conseil") { ... on MarketRecordDraft { preview { matches { counterpartId } } } } }`,
    );
    expect(await matchesOf(later, 'traiteur-conseil')).toBeUndefined(); // the record itself is no longer public
    expect(draft.data.editableMarketRecord.preview.matches).toEqual([]);
    await node.registry.marketExpiry.sweep();
    await node.registry.marketMatching.settled();
    expect(await stored('traiteur-conseil')).toBeNull();
  });
});
