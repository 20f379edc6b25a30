// Market records over real HTTP on a node with a test clock: who may write which kind, the
// shared review (create → submit → approve → public), history and the version check, the
// domain events, and expiry: at the day after `expiresOn` a record leaves every public answer
// (by id, by slug, in lists, in cached GET answers) while its writers still see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events/domain-events.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let univerbalEditor: Session;
let atemosEditor: Session;
let clock = new Date('2027-01-15T10:00:00.000Z');
const events: DomainEvent[] = [];

beforeAll(async () => {
  node = await startTestNode({}, { now: () => clock });
  // The node seeds Liège's needs and offers (ADR 0039); these tests count the records they write.
  await node.registry.store.collection('marketRecords').deleteMany({});
  node.registry.events.subscribe((event) => {
    if ('kind' in event && event.kind === 'marketRecord') events.push(event);
  });
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  univerbalEditor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
  atemosEditor = await createAccount(node, 'editor@atemos.test', 'editor', ['atemos']);
});
afterAll(() => node?.close());

const ERROR = 'error { code message ... on ValidationFailed { fields { field code message } } ... on VersionConflict { currentVersion } }';
const DRAFT = '... on MarketRecordDraft { id slug version state expired record revisions { action } preview { kind title { text } } }';
const CREATE = `mutation($i: MarketRecordInput!) { createMarketRecord(input: $i) { record { ${DRAFT} } ${ERROR} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $c: MarketRecordInput!) { updateMarketRecord(id: $id, version: $v, changes: $c) { record { ${DRAFT} } ${ERROR} } }`;
const step = (name: string) => `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { record { ${DRAFT} } ${ERROR} } }`;
const PUBLIC = `id slug kind title(lang: "fr") { text } ownerInitiative { slug } ownerOrganisation expiresOn open
  area { country { code } locality } sectors { code }
  request { requestKind intent cpvCodes budgetBand { code label(lang: "fr") } deadline }
  need { needKinds { code } frequency { text } }`;
const one = async (slug: string) => (await anonymous(node).gql(`{ marketRecord(slug: "${slug}") { ${PUBLIC} } }`)).data.marketRecord;
const list = async (filter: Record<string, unknown> = {}) =>
  (
    await anonymous(node).gql(`query($f: MarketRecordFilter) { marketRecords(filter: $f) { totalCount edges { node { slug } } } }`, {
      f: filter,
    })
  ).data.marketRecords.edges.map((e: { node: { slug: string } }) => e.node.slug);
const stored = (slug: string) => node.registry.marketRecords.findById(slug);

const need = (handle: string, initiative: string, extra: Record<string, unknown> = {}) => ({
  handle,
  kind: 'NEED',
  title: [{ language: 'fr', text: 'Une salle de réunion deux soirs par semaine' }],
  summary: [{ language: 'fr', text: "L'équipe cherche une salle pour ses réunions d'interprètes." }],
  originalLanguage: 'fr',
  owner: { initiative },
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: '2027-06-30',
  need: { needKinds: ['meeting-room'], frequency: [{ language: 'fr', text: 'Deux soirs par semaine' }] },
  ...extra,
});
const request = (handle: string, extra: Record<string, unknown> = {}) => ({
  handle,
  kind: 'REQUEST',
  title: [{ language: 'fr', text: 'Traiteur pour les réunions du conseil communal' }],
  summary: [{ language: 'fr', text: 'Repas pour 40 personnes une fois par mois.' }],
  originalLanguage: 'fr',
  owner: { organisation: 'Ville de Liège, service des marchés publics' },
  sectors: ['AM40'],
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: '2027-01-20',
  request: {
    requestKind: 'SOURCING',
    intent: 'RESERVED_CONTRACT',
    cpvCodes: ['55520000-1'],
    budgetBand: '30k-140k',
    deadline: '2027-01-18',
  },
  ...extra,
});

describe('who may write market records', () => {
  it('asks the anonymous public to sign in, and stores nothing', async () => {
    const answer = await anonymous(node).gql(CREATE, { i: request('anonymous-request') });
    expect(answer.data.createMarketRecord.error.code).toBe('SIGN_IN_REQUIRED');
    expect(await stored('anonymous-request')).toBeNull();
    const step1 = await anonymous(node).gql(step('submitForReview'), { id: 'anonymous-request', v: 1 });
    expect(step1.data.submitForReview.error.code).toBe('SIGN_IN_REQUIRED');
  });

  it('refuses an editor a need or an opening for another initiative, and any request or offer', async () => {
    const other = await atemosEditor.gql(CREATE, { i: need('atemos-writes-for-univerbal', 'univerbal') });
    expect(other.data.createMarketRecord.error).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(other.data.createMarketRecord.error.message).toContain('univerbal');
    const asBuyer = await univerbalEditor.gql(CREATE, { i: request('editor-request') });
    expect(asBuyer.data.createMarketRecord.error.code).toBe('NOT_AUTHORIZED');
    const offer = await univerbalEditor.gql(CREATE, {
      i: {
        ...request('editor-offer'),
        kind: 'OFFER',
        request: null,
        offer: { offerKind: 'premises', premisesKinds: ['storage'], lendingForms: ['precarious-occupation'] },
      },
    });
    expect(offer.data.createMarketRecord.error.code).toBe('NOT_AUTHORIZED');
    for (const slug of ['atemos-writes-for-univerbal', 'editor-request', 'editor-offer']) expect(await stored(slug)).toBeNull();
  });

  it("lets an initiative's editor write its need, but not edit another's nor move its own to another initiative", async () => {
    const created = await univerbalEditor.gql(CREATE, { i: need('univerbal-meeting-room', 'univerbal') });
    expect(created.data.createMarketRecord.error).toBeNull();
    const draft = created.data.createMarketRecord.record;
    expect(draft).toMatchObject({ slug: 'univerbal-meeting-room', state: 'DRAFT', version: 1, preview: { kind: 'NEED' } });
    expect(draft.id).toBe('http://registry.test/market/univerbal-meeting-room');

    // A draft is not public, and another initiative's editor cannot even learn it exists.
    expect(await one('univerbal-meeting-room')).toBeNull();
    const peek = await atemosEditor.gql(`{ editableMarketRecord(slug: "univerbal-meeting-room") { ${DRAFT} } }`);
    expect(peek.data.editableMarketRecord).toBeNull();
    const foreign = await atemosEditor.gql(UPDATE, { id: draft.id, v: 1, c: { expiresOn: '2027-05-31' } });
    expect(foreign.data.updateMarketRecord.error.code).toBe('NOT_FOUND');

    const moved = await univerbalEditor.gql(UPDATE, { id: draft.id, v: 1, c: { owner: { initiative: 'atemos' } } });
    expect(moved.data.updateMarketRecord.error.code).toBe('NOT_AUTHORIZED');
    expect((await stored('univerbal-meeting-room'))!.record.owner.initiative).toBe('univerbal');
  });
});

describe('review, history and publication', () => {
  it('publishes a need once a moderator approves it, with its history and its events', async () => {
    const before = events.length;
    const submitted = await univerbalEditor.gql(step('submitForReview'), { id: 'univerbal-meeting-room', v: 1 });
    expect(submitted.data.submitForReview.record.state).toBe('IN_REVIEW');
    const selfApproval = await univerbalEditor.gql(step('approve'), { id: 'univerbal-meeting-room', v: 2 });
    expect(selfApproval.data.approve.error.code).toBe('NOT_AUTHORIZED');
    const queue = await moderator.gql('{ reviewQueue { ... on MarketRecordDraft { slug version } } }');
    expect(queue.data.reviewQueue).toContainEqual({ slug: 'univerbal-meeting-room', version: 2 });
    const approved = await moderator.gql(step('approve'), { id: 'univerbal-meeting-room', v: 2 });
    expect(approved.data.approve.record).toMatchObject({ state: 'PUBLISHED', version: 3 });
    expect(approved.data.approve.record.revisions.map((r: { action: string }) => r.action)).toEqual(['approve', 'submit', 'create']);

    expect(await one('univerbal-meeting-room')).toMatchObject({
      kind: 'NEED',
      ownerInitiative: { slug: 'univerbal' },
      ownerOrganisation: null,
      need: { needKinds: [{ code: 'meeting-room' }], frequency: { text: 'Deux soirs par semaine' } },
      open: true,
    });
    expect(await list({ kind: ['NEED'], initiative: ['univerbal'] })).toEqual(['univerbal-meeting-room']);
    expect(await list({ kind: ['OFFER'] })).toEqual([]);
    expect(events.slice(before)).toContainEqual({
      type: 'record.published',
      kind: 'marketRecord',
      id: 'univerbal-meeting-room',
      version: 3,
    });
  });

  it("refuses a published record's editor from another initiative as a right, and a stale version", async () => {
    const other = await atemosEditor.gql(UPDATE, { id: 'univerbal-meeting-room', v: 3, c: { expiresOn: '2027-05-31' } });
    expect(other.data.updateMarketRecord.error.code).toBe('NOT_AUTHORIZED');
    const unpublishByOther = await atemosEditor.gql(step('unpublish'), { id: 'univerbal-meeting-room', v: 3 });
    expect(unpublishByOther.data.unpublish.error.code).toBe('NOT_AUTHORIZED');
    const stale = await univerbalEditor.gql(UPDATE, { id: 'univerbal-meeting-room', v: 1, c: { expiresOn: '2027-05-31' } });
    expect(stale.data.updateMarketRecord.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 3 });
    expect((await stored('univerbal-meeting-room'))!.record.expiresOn).toBe('2027-06-30');
  });

  it('refuses an expiry more than a year ahead or in the past, naming the field, and keeps the record', async () => {
    const far = await univerbalEditor.gql(UPDATE, { id: 'univerbal-meeting-room', v: 3, c: { expiresOn: '2028-01-16' } });
    expect(far.data.updateMarketRecord.error.fields).toEqual([expect.objectContaining({ field: 'expiresOn', code: 'TOO_FAR' })]);
    const past = await moderator.gql(CREATE, {
      i: request('past-request', { expiresOn: '2027-01-14', request: { requestKind: 'QUOTE', intent: 'NONE' } }),
    });
    expect(past.data.createMarketRecord.error.fields).toEqual([expect.objectContaining({ field: 'expiresOn', code: 'IN_THE_PAST' })]);
    const badCode = await moderator.gql(CREATE, { i: request('bad-code', { sectors: ['AM999'] }) });
    expect(badCode.data.createMarketRecord.error.fields).toEqual([expect.objectContaining({ field: 'sectors.0', code: 'UNKNOWN_CODE' })]);
    expect(await stored('past-request')).toBeNull();
    expect((await stored('univerbal-meeting-room'))!.version).toBe(3);
  });
});

describe('expiry', () => {
  it('takes an expired request out of every public answer, tells it once, and keeps it for its writers', async () => {
    const created = await moderator.gql(CREATE, { i: request('catering-sourcing') });
    expect(created.data.createMarketRecord.error).toBeNull();
    await moderator.gql(step('submitForReview'), { id: 'catering-sourcing', v: 1 });
    const approved = await moderator.gql(step('approve'), { id: 'catering-sourcing', v: 2 });
    expect(approved.data.approve.record.state).toBe('PUBLISHED');

    expect(await one('catering-sourcing')).toMatchObject({
      kind: 'REQUEST',
      ownerOrganisation: 'Ville de Liège, service des marchés publics',
      request: { requestKind: 'SOURCING', intent: 'RESERVED_CONTRACT', cpvCodes: ['55520000-1'], budgetBand: { code: '30k-140k' } },
      open: true,
    });
    const get = () =>
      fetch(
        `${node.url}/graphql?query=${encodeURIComponent('{ marketRecords(filter: { kind: [REQUEST] }) { edges { node { slug } } } }')}`,
      ).then((r) => r.text());
    expect(await get()).toContain('catering-sourcing');
    expect(await get()).toContain('catering-sourcing'); // the second answer may come from the response cache

    // The deadline (18 January) passed: still public, but no longer open.
    clock = new Date('2027-01-19T09:00:00.000Z');
    expect((await one('catering-sourcing')).open).toBe(false);
    expect(await list({ kind: ['REQUEST'], openOnly: true })).toEqual([]);
    expect(await list({ kind: ['REQUEST'] })).toEqual(['catering-sourcing']);

    // The last public day was 20 January.
    clock = new Date('2027-01-21T00:00:00.000Z');
    expect(await one('catering-sourcing')).toBeNull();
    const byId = await anonymous(node).gql('{ marketRecord(id: "http://registry.test/market/catering-sourcing") { slug } }');
    expect(byId.data.marketRecord).toBeNull();
    expect(await list()).not.toContain('catering-sourcing');
    expect(await get()).not.toContain('catering-sourcing');

    await node.registry.marketExpiry.sweep();
    await node.registry.marketExpiry.sweep();
    expect(events.filter((e) => e.type === 'record.expired')).toEqual([
      { type: 'record.expired', kind: 'marketRecord', id: 'catering-sourcing', version: 3 },
    ]);

    const mine = await moderator.gql(`{ editableMarketRecord(slug: "catering-sourcing") { ${DRAFT} } }`);
    expect(mine.data.editableMarketRecord).toMatchObject({ state: 'PUBLISHED', expired: true, version: 3 });
  });

  it('brings an expired record back only with a new expiry', async () => {
    const unpublished = await moderator.gql(step('unpublish'), { id: 'catering-sourcing', v: 3 });
    expect(unpublished.data.unpublish.record.state).toBe('UNPUBLISHED');
    const submitted = await moderator.gql(step('submitForReview'), { id: 'catering-sourcing', v: 4 });
    expect(submitted.data.submitForReview.error.fields).toEqual([expect.objectContaining({ field: 'expiresOn', code: 'IN_THE_PAST' })]);
    const renewed = await moderator.gql(UPDATE, {
      id: 'catering-sourcing',
      v: 4,
      c: { expiresOn: '2027-03-31', request: { requestKind: 'SOURCING', intent: 'RESERVED_CONTRACT', deadline: '2027-03-15' } },
    });
    expect(renewed.data.updateMarketRecord.error).toBeNull();
    await moderator.gql(step('submitForReview'), { id: 'catering-sourcing', v: 5 });
    await moderator.gql(step('approve'), { id: 'catering-sourcing', v: 6 });
    expect(await one('catering-sourcing')).toMatchObject({ expiresOn: '2027-03-31', open: true });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['record.unpublished', 'record.published']));
  });
});

describe('owners', () => {
  it("hides an initiative's needs while the initiative itself is not public", async () => {
    const initiative = (await moderator.gql('{ editableInitiative(slug: "univerbal") { version } }')).data.editableInitiative;
    const unpublish = `mutation($id: ID!, $v: Int!) { unpublish(id: $id, version: $v) { record { ... on InitiativeDraft { version state } } error { code } } }`;
    const hidden = await moderator.gql(unpublish, { id: 'http://registry.test/initiatives/univerbal', v: initiative.version });
    expect(hidden.data.unpublish.record.state).toBe('UNPUBLISHED');
    expect(await one('univerbal-meeting-room')).toBeNull();
    expect(await list({ kind: ['NEED'] })).not.toContain('univerbal-meeting-room');
    expect(await list()).not.toContain('univerbal-meeting-room');

    const back = `mutation($id: ID!, $v: Int!) { approve(id: $id, version: $v) { record { ... on InitiativeDraft { state } } error { code } } }`;
    await moderator.gql(step('submitForReview').replace(DRAFT, '... on InitiativeDraft { version }'), {
      id: 'http://registry.test/initiatives/univerbal',
      v: hidden.data.unpublish.record.version,
    });
    const republished = await moderator.gql(back, {
      id: 'http://registry.test/initiatives/univerbal',
      v: hidden.data.unpublish.record.version + 1,
    });
    expect(republished.data.approve.record.state).toBe('PUBLISHED');
    expect(await one('univerbal-meeting-room')).toMatchObject({ ownerInitiative: { slug: 'univerbal' } });
  });

  it('refuses a moderator an owner initiative that does not exist, and a change of kind', async () => {
    const none = await moderator.gql(CREATE, { i: need('ghost-need', 'no-such-initiative') });
    expect(none.data.createMarketRecord.error.fields).toEqual([
      expect.objectContaining({ field: 'owner.initiative', code: 'UNKNOWN_REFERENCE' }),
    ]);
    const current = (await univerbalEditor.gql(`{ editableMarketRecord(slug: "univerbal-meeting-room") { version } }`)).data
      .editableMarketRecord;
    const kind = await univerbalEditor.gql(UPDATE, {
      id: 'univerbal-meeting-room',
      v: current.version,
      c: { kind: 'OPENING', need: null, opening: { openingKind: 'volunteering' } },
    });
    expect(kind.data.updateMarketRecord.error.fields).toEqual([expect.objectContaining({ field: 'kind', code: 'IMMUTABLE' })]);
    expect((await stored('univerbal-meeting-room'))!.record.kind).toBe('need');
  });

  it('refuses filters with unknown codes, saying what to send', async () => {
    const answer = await anonymous(node).gql('{ marketRecords(filter: { sector: ["AM999"] }) { totalCount } }');
    expect(answer.errors?.[0]?.message).toMatch(/AM999.*not a sector code/);
  });
});

describe('offers and openings', () => {
  it("publishes a city's offer of premises and an initiative's opening, naming their codes in the reader's language", async () => {
    const offer = await moderator.gql(CREATE, {
      i: {
        handle: 'liege-rooms-during-renovation',
        kind: 'OFFER',
        title: [{ language: 'fr', text: 'Locaux prêtés à titre précaire pendant les rénovations' }],
        summary: [{ language: 'fr', text: 'La Régie foncière prête des locaux vides en attendant leur rénovation.' }],
        originalLanguage: 'fr',
        owner: { organisation: 'Ville de Liège, Régie foncière', organisationUrl: 'https://www.liege.be' },
        area: { country: 'BE', locality: 'Liège' },
        expiresOn: '2027-12-31',
        offer: {
          offerKind: 'premises',
          premisesKinds: ['storage', 'meeting-room'],
          lendingForms: ['precarious-occupation'],
          conditions: [{ language: 'fr', text: "Le temps des travaux, sur convention d'occupation." }],
        },
      },
    });
    expect(offer.data.createMarketRecord.error).toBeNull();
    const opening = await univerbalEditor.gql(CREATE, {
      i: {
        handle: 'univerbal-interpreter-training',
        kind: 'OPENING',
        title: [{ language: 'fr', text: "Formation d'interprètes sociaux" }],
        summary: [{ language: 'fr', text: 'Douze places pour devenir interprète social.' }],
        originalLanguage: 'fr',
        owner: { initiative: 'univerbal' },
        area: { country: 'BE', locality: 'Liège' },
        expiresOn: '2027-09-30',
        opening: { openingKind: 'training-place', places: 12, languages: ['fr', 'ar'] },
      },
    });
    expect(opening.data.createMarketRecord.error).toBeNull();
    for (const slug of ['liege-rooms-during-renovation', 'univerbal-interpreter-training']) {
      const draft = (await moderator.gql(`{ editableMarketRecord(slug: "${slug}") { version } }`)).data.editableMarketRecord;
      await moderator.gql(step('submitForReview'), { id: slug, v: draft.version });
      const approved = await moderator.gql(step('approve'), { id: slug, v: draft.version + 1 });
      expect(approved.data.approve.record.state).toBe('PUBLISHED');
    }
    const read = await anonymous(node).gql(`{
      offer: marketRecord(slug: "liege-rooms-during-renovation") { kind ownerOrganisationUrl offer {
        offerKind { label(lang: "ar") } premisesKinds { code } lendingForms { label(lang: "fr") } conditions(lang: "fr") { text } } }
      opening: marketRecord(slug: "univerbal-interpreter-training") { kind ownerInitiative { slug } opening {
        openingKind { label(lang: "de") } places languages { code } } }
    }`);
    expect(read.data).toEqual({
      offer: {
        kind: 'OFFER',
        ownerOrganisationUrl: 'https://www.liege.be',
        offer: {
          offerKind: { label: 'مقرّات' },
          premisesKinds: [{ code: 'storage' }, { code: 'meeting-room' }],
          lendingForms: [{ label: 'Occupation à titre précaire' }],
          conditions: { text: "Le temps des travaux, sur convention d'occupation." },
        },
      },
      opening: {
        kind: 'OPENING',
        ownerInitiative: { slug: 'univerbal' },
        opening: { openingKind: { label: 'Ausbildungsplatz' }, places: 12, languages: [{ code: 'fr' }, { code: 'ar' }] },
      },
    });
    expect(await list({ kind: ['OFFER', 'OPENING'] })).toEqual(['univerbal-interpreter-training', 'liege-rooms-during-renovation']);
  });
});
