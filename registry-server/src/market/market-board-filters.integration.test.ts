// What the market pages ask over real HTTP (issue 15 point 6): the board's filters by node and
// by the day records stop taking answers, and the lists of records one may edit, on a node that
// seeded Liège's needs and offers (ADR 0039) on its first day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let atemosEditor: Session;
const clock = new Date('2027-01-15T10:00:00.000Z');

beforeAll(async () => {
  node = await startTestNode({}, { now: () => clock });
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  atemosEditor = await createAccount(node, 'editor@atemos.test', 'editor', ['atemos']);
});
afterAll(() => node?.close());

const list = async (filter: Record<string, unknown>) =>
  anonymous(node).gql(
    `query($f: MarketRecordFilter) { marketRecords(first: 100, filter: $f) { totalCount edges { node { slug expiresOn } } } }`,
    {
      f: filter,
    },
  );
const slugs = async (filter: Record<string, unknown>) =>
  (await list(filter)).data.marketRecords.edges.map((e: { node: { slug: string } }) => e.node.slug).sort();

async function publishRequest(handle: string, deadline: string): Promise<void> {
  const create = await moderator.gql(
    `mutation($i: MarketRecordInput!) { createMarketRecord(input: $i) { record { ... on MarketRecordDraft { id version } } error { code message } } }`,
    {
      i: {
        handle,
        kind: 'REQUEST',
        title: [{ language: 'fr', text: `Demande ${handle}` }],
        summary: [{ language: 'fr', text: 'Un traiteur pour une réception.' }],
        originalLanguage: 'fr',
        owner: { organisation: 'Ville de Liège' },
        sectors: ['AM60'],
        area: { country: 'BE', locality: 'Liège' },
        expiresOn: '2027-06-30',
        request: { requestKind: 'QUOTE', intent: 'SOCIAL_CLAUSE', deadline },
      },
    },
  );
  const { id, version } = create.data.createMarketRecord.record;
  const submitted = await moderator.gql(
    `mutation($id: ID!, $v: Int!) { submitForReview(id: $id, version: $v) { record { ... on MarketRecordDraft { version } } } }`,
    {
      id,
      v: version,
    },
  );
  await moderator.gql(`mutation($id: ID!, $v: Int!) { approve(id: $id, version: $v) { record { ... on MarketRecordDraft { state } } } }`, {
    id,
    v: submitted.data.submitForReview.record.version,
  });
}

describe('seeded market records', () => {
  it("are public on the node's first day, expiring 90 days after it", async () => {
    const answer = await list({ node: ['liege'] });
    expect(answer.data.marketRecords.totalCount).toBe(11);
    for (const edge of answer.data.marketRecords.edges) expect(edge.node.expiresOn).toBe('2027-04-15');
    expect(await slugs({ kind: ['NEED'], initiative: ['atemos'] })).toEqual(['atemos-workshop-premises']);
  });

  it('are matched at the first start: a seeded need meets the City of Liège’s seeded offers of premises', async () => {
    const answer = await moderator.gql(
      `{ marketRecord(slug: "atemos-workshop-premises") { matches(first: 20) { marketRecord { slug } } } }`,
    );
    const slugsMatched = (answer.data.marketRecord.matches ?? []).map(
      (m: { marketRecord: { slug: string } | null }) => m.marketRecord?.slug,
    );
    expect(slugsMatched).toEqual(expect.arrayContaining(['ville-de-liege-precarious-occupation']));
  });
});

describe('board filters', () => {
  it('keeps the records of the nodes asked for, and none of a node that has none', async () => {
    expect((await slugs({ node: ['liege'], kind: ['OFFER'] })).length).toBe(7);
    expect(await slugs({ node: ['milan'] })).toEqual([]);
  });

  it('keeps the records that close on or before a day: the deadline for requests, else the expiry', async () => {
    await publishRequest('catering-soon', '2027-01-31');
    await publishRequest('catering-later', '2027-05-31');
    expect(await slugs({ kind: ['REQUEST'], closingBy: '2027-02-01' })).toEqual(['catering-soon']);
    expect(await slugs({ kind: ['REQUEST'], closingBy: '2027-01-31' })).toEqual(['catering-soon']);
    expect(await slugs({ kind: ['REQUEST'], closingBy: '2027-01-30' })).toEqual([]);
    expect(await slugs({ kind: ['REQUEST'], closingBy: '2027-06-01' })).toEqual(['catering-later', 'catering-soon']);
    // Seeded offers have no deadline: they close at their expiry, 15 April.
    expect((await slugs({ kind: ['OFFER'], closingBy: '2027-04-15' })).length).toBe(7);
    expect(await slugs({ kind: ['OFFER'], closingBy: '2027-04-14' })).toEqual([]);
  });

  it('refuses a day the calendar does not have or a text that is not a day, saying what to send', async () => {
    for (const bad of ['2027-02-30', '31/01/2027', '2027-1-5', '', 'x'.repeat(5000)]) {
      const answer = await list({ closingBy: bad });
      expect(answer.errors?.[0]?.message, bad).toMatch(/closingBy.*YYYY-MM-DD/);
      expect(answer.errors?.[0]?.message.length, bad).toBeLessThan(300);
    }
  });
});

describe('editableMarketRecords', () => {
  const EDITABLE = `query($i: String) { editableMarketRecords(initiative: $i) { slug state record } }`;
  const editable = async (session: Session, initiative?: string) => session.gql(EDITABLE, initiative ? { i: initiative } : {});

  it("lists an initiative's needs and openings to its editors, drafts included, and nothing else", async () => {
    const draft = await atemosEditor.gql(
      `mutation($i: MarketRecordInput!) { createMarketRecord(input: $i) { record { ... on MarketRecordDraft { slug } } error { code message } } }`,
      {
        i: {
          handle: 'atemos-sewing-volunteers',
          kind: 'OPENING',
          title: [{ language: 'fr', text: 'Bénévoles pour l’atelier couture' }],
          summary: [{ language: 'fr', text: 'Deux après-midi par semaine.' }],
          originalLanguage: 'fr',
          owner: { initiative: 'atemos' },
          area: { country: 'BE', locality: 'Liège' },
          expiresOn: '2027-03-31',
          opening: { openingKind: 'volunteering', places: 3 },
        },
      },
    );
    expect(draft.data.createMarketRecord.error).toBeNull();
    const answer = await editable(atemosEditor, 'atemos');
    expect(answer.data.editableMarketRecords.map((d: { slug: string; state: string }) => `${d.slug}:${d.state}`)).toEqual([
      'atemos-workshop-premises:PUBLISHED',
      'atemos-sewing-volunteers:DRAFT',
    ]);
  });

  it("refuses an editor another initiative's records and the staff's, and asks the anonymous to sign in", async () => {
    for (const answer of [await editable(atemosEditor, 'univerbal'), await editable(atemosEditor)]) {
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    }
    expect((await editable(anonymous(node), 'atemos')).errors?.[0]?.extensions?.code).toBe('SIGN_IN_REQUIRED');
  });

  it("lists to moderators the records written for organisations, and any initiative's", async () => {
    const staff = (await editable(moderator)).data.editableMarketRecords.map((d: { slug: string }) => d.slug);
    expect(staff).toContain('ville-de-liege-long-lease');
    expect(staff).toContain('catering-soon');
    expect(staff.some((slug: string) => slug.includes('atemos') || slug.includes('third-place'))).toBe(false);
    expect((await editable(moderator, 'univerbal')).data.editableMarketRecords.map((d: { slug: string }) => d.slug)).toEqual([
      'univerbal-third-place',
    ]);
  });
});
