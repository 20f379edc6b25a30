// Transfers of practices over real HTTP (issue 16 point 2, ADR 0045), from the synthetic demo set
// received on Liège's node: who learned from whom for a practice type, what a city took and gave,
// and the ranking of the most transferred practices. Drafts, records of unknown practices and
// practices taken down never show; unknown types and out-of-range sizes are refused.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';
import { syntheticAdoptions, writeSyntheticAdoptions } from '../synthetic/synthetic-adoptions.ts';

let node: TestNode;
let moderator: Session;
const TRANSFER = 'fromCity { slug } practice { slug } toCity { slug } stage since outcomesCount record { slug }';
const gql = async (query: string, variables: Record<string, unknown> = {}) => anonymous(node).gql(query, variables);
const pairs = (transfers: Array<{ fromCity: { slug: string }; toCity: { slug: string }; stage: string }>) =>
  transfers.map((t) => `${t.fromCity.slug}>${t.toCity.slug}:${t.stage}`);

beforeAll(async () => {
  node = await startTestNode();
  const iris = ['liege-pt4-one-stop-shop', 'liege-pt7-third-place'].map((h) => node.registry.iris.local('practices', h));
  // Milano adapting PT4, Athina re-using PT7, Sofia adopting PT4, Ljubljana having dropped PT7.
  expect(await writeSyntheticAdoptions(node.registry, iris)).toBe(4);
  // A record of a practice this node does not know: no "from" city, so no transfer.
  const [unknown] = syntheticAdoptions(['https://elsewhere.synthetic.invalid/practices/unknown']);
  const objectId = `${unknown!.objectId}-of-unknown`;
  await node.registry.adoptionRecords.upsertReceived(
    objectId,
    { ...unknown!.record, handle: 'demo-adoption-unknown' },
    {
      kind: 'remote',
      node: unknown!.actor,
      objectId,
      url: objectId,
      receivedAt: new Date().toISOString(),
      remoteUpdatedAt: new Date().toISOString(),
    },
  );
  // Liège's own draft of a PT4 practice of its own: not public, so in no view.
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  const draft = await moderator.gql('mutation($i: AdoptionRecordInput!) { createAdoptionRecord(input: $i) { error { code } } }', {
    i: {
      handle: 'draft-of-liege',
      practice: node.registry.iris.local('practices', 'liege-pt4-one-stop-shop'),
      stage: 'ADOPTING',
      title: [{ language: 'fr', text: 'Brouillon' }],
      originalLanguage: 'fr',
    },
  });
  expect(draft.data.createAdoptionRecord.error).toBeNull();
});
afterAll(() => node?.close());

describe('practiceTransfers', () => {
  it('says who learned from whom for one practice type, with stage, since and outcomes', async () => {
    const { data, errors } = await gql(`query($t: String!) { practiceTransfers(practiceType: $t) { ${TRANSFER} } }`, { t: 'PT4' });
    expect(errors).toBeUndefined();
    expect(data.practiceTransfers).toEqual([
      {
        fromCity: { slug: 'liege' },
        practice: { slug: 'liege-pt4-one-stop-shop' },
        toCity: { slug: 'synthetic-milano' },
        stage: 'ADAPTING',
        since: '2026-09',
        outcomesCount: 1,
        record: { slug: 'demo-adoption-1' },
      },
      {
        fromCity: { slug: 'liege' },
        practice: { slug: 'liege-pt4-one-stop-shop' },
        toCity: { slug: 'synthetic-sofia' },
        stage: 'ADOPTING',
        since: '2026-03',
        outcomesCount: 0,
        record: { slug: 'demo-adoption-3' },
      },
    ]);
    const pt7 = await gql('{ practiceTransfers(practiceType: "PT7") { fromCity { slug } toCity { slug } stage } }');
    expect(pairs(pt7.data.practiceTransfers)).toEqual(['liege>synthetic-athina:REUSED', 'liege>synthetic-ljubljana:DROPPED']);
    expect((await gql('{ practiceTransfers(practiceType: "PT1") { stage } }')).data.practiceTransfers).toEqual([]);
  });

  it('refuses a code that is not a practice type, saying which codes exist', async () => {
    for (const code of ['PT11', 'pt4', '', 'x'.repeat(5000), "PT4' OR 1=1"]) {
      const { errors } = await gql('query($t: String!) { practiceTransfers(practiceType: $t) { stage } }', { t: code });
      expect(errors?.[0]?.message, code.slice(0, 20)).toMatch(/practiceType.*not a practice-type code.*PT1/s);
    }
  });
});

describe('a city’s transfers', () => {
  it('lists what a city took from others and what others took from it', async () => {
    const query = `query($s: String!) { cityNode(slug: $s) { adoptionsTaken { ${TRANSFER} } adoptionsGiven { ${TRANSFER} } } }`;
    const liege = (await gql(query, { s: 'liege' })).data.cityNode;
    expect(liege.adoptionsTaken).toEqual([]);
    expect(pairs(liege.adoptionsGiven)).toEqual([
      'liege>synthetic-athina:REUSED',
      'liege>synthetic-ljubljana:DROPPED',
      'liege>synthetic-milano:ADAPTING',
      'liege>synthetic-sofia:ADOPTING',
    ]);
    // A partner city this node holds no profile of is still named, by handle, as a transfer's city.
    const reached = await gql(
      `{ practiceTransfers(practiceType: "PT4") { toCity { slug adoptionsTaken { ${TRANSFER} } adoptionsGiven { stage } } } }`,
    );
    const milano = reached.data.practiceTransfers[0].toCity;
    expect(milano.slug).toBe('synthetic-milano');
    // Milano's record of an unknown practice is not a transfer: only the one of Liège's practice.
    expect(milano.adoptionsTaken.map((t: { record: { slug: string } }) => t.record.slug)).toEqual(['demo-adoption-1']);
    expect(milano.adoptionsGiven).toEqual([]);
  });
  it('reads a list of cities’ transfers in one batch per direction, each city with its own', async () => {
    const taken = vi.spyOn(node.registry.adoptionRecords, 'findPublishedOfNodes');
    const given = vi.spyOn(node.registry.practices, 'findPublished');
    try {
      const { data } = await gql('{ cityNodes { slug adoptionsTaken { stage } adoptionsGiven { toCity { slug } } } }');
      expect(data.cityNodes.length).toBeGreaterThan(2);
      for (const city of data.cityNodes) {
        expect(city.adoptionsTaken, city.slug).toEqual([]);
        expect(city.adoptionsGiven.length, city.slug).toBe(city.slug === 'liege' ? 4 : 0);
      }
      expect(taken).toHaveBeenCalledTimes(1);
      expect(given).toHaveBeenCalledTimes(1);
    } finally {
      taken.mockRestore();
      given.mockRestore();
    }
  });
});

describe('mostTransferredPractices', () => {
  it('ranks by adopting cities (a city that dropped it does not count), then by outcomes in figures', async () => {
    const { data } = await gql(
      '{ mostTransferredPractices { practice { slug } adoptingCities outcomesCount transfers { toCity { slug } } } }',
    );
    expect(data.mostTransferredPractices).toEqual([
      {
        practice: { slug: 'liege-pt4-one-stop-shop' },
        adoptingCities: 2,
        outcomesCount: 1,
        transfers: [{ toCity: { slug: 'synthetic-milano' } }, { toCity: { slug: 'synthetic-sofia' } }],
      },
      {
        practice: { slug: 'liege-pt7-third-place' },
        adoptingCities: 1,
        outcomesCount: 2,
        transfers: [{ toCity: { slug: 'synthetic-athina' } }, { toCity: { slug: 'synthetic-ljubljana' } }],
      },
    ]);
    expect((await gql('{ mostTransferredPractices(first: 1) { practice { slug } } }')).data.mostTransferredPractices).toHaveLength(1);
  });

  it('refuses a size out of 1 to 100', async () => {
    for (const first of [0, -1, 101, 2_000_000_000]) {
      const { errors } = await gql('query($f: Int) { mostTransferredPractices(first: $f) { adoptingCities } }', { f: first });
      expect(errors?.[0]?.message, String(first)).toMatch(/first.*between 1 and 100/);
    }
  });

  it('does not count a city taking up its own practice: no city learns from itself', async () => {
    // Liège publishes its record of its own one-stop shop (allowed: it names a practice known here).
    const draft = (await moderator.gql('{ editableAdoptionRecord(slug: "draft-of-liege") { id version } }')).data.editableAdoptionRecord;
    const submitted = await moderator.gql('mutation($id: ID!, $v: Int!) { submitForReview(id: $id, version: $v) { error { code } } }', {
      id: draft.id,
      v: draft.version,
    });
    expect(submitted.data.submitForReview.error).toBeNull();
    const again = (await moderator.gql('{ editableAdoptionRecord(slug: "draft-of-liege") { id version } }')).data.editableAdoptionRecord;
    const approved = await moderator.gql('mutation($id: ID!, $v: Int!) { approve(id: $id, version: $v) { error { code } } }', {
      id: again.id,
      v: again.version,
    });
    expect(approved.data.approve.error).toBeNull();
    expect((await gql('{ adoptionRecord(slug: "draft-of-liege") { slug } }')).data.adoptionRecord).toEqual({ slug: 'draft-of-liege' });

    const { data } = await gql(`{
      mostTransferredPractices { practice { slug } adoptingCities }
      practiceTransfers(practiceType: "PT4") { toCity { slug } }
      cityNode(slug: "liege") { adoptionsTaken { stage } adoptionsGiven { toCity { slug } } } }`);
    expect(data.mostTransferredPractices[0]).toEqual({ practice: { slug: 'liege-pt4-one-stop-shop' }, adoptingCities: 2 });
    expect(data.practiceTransfers.map((t: { toCity: { slug: string } }) => t.toCity.slug)).toEqual(['synthetic-milano', 'synthetic-sofia']);
    expect(data.cityNode.adoptionsTaken).toEqual([]);
    expect(data.cityNode.adoptionsGiven).toHaveLength(4);
  });

  it('drops the transfers of a practice taken down, everywhere', async () => {
    const practice = (await node.registry.practices.findById('liege-pt7-third-place'))!;
    await node.registry.practices.applyChange(practice._id, practice.version, {
      publicationFields: { state: 'unpublished' },
      updatedAt: new Date().toISOString(),
    });
    const { data } = await gql(
      '{ mostTransferredPractices { practice { slug } } practiceTransfers(practiceType: "PT7") { stage } cityNode(slug: "liege") { adoptionsGiven { toCity { slug } } } }',
    );
    expect(data.mostTransferredPractices).toEqual([{ practice: { slug: 'liege-pt4-one-stop-shop' } }]);
    expect(data.practiceTransfers).toEqual([]);
    expect(data.cityNode.adoptionsGiven.map((t: { toCity: { slug: string } }) => t.toCity.slug)).toEqual([
      'synthetic-milano',
      'synthetic-sofia',
    ]);
  });

  it('counts a city once however many records it has for a practice', async () => {
    const [milano] = syntheticAdoptions([node.registry.iris.local('practices', 'liege-pt4-one-stop-shop')]);
    const objectId = `${milano!.objectId}-again`;
    const now = new Date().toISOString();
    await node.registry.adoptionRecords.upsertReceived(
      objectId,
      { ...milano!.record, handle: 'demo-adoption-again' },
      { kind: 'remote', node: milano!.actor, objectId, url: objectId, receivedAt: now, remoteUpdatedAt: now },
    );
    const { data } = await gql('{ mostTransferredPractices { practice { slug } adoptingCities outcomesCount transfers { stage } } }');
    expect(data.mostTransferredPractices).toEqual([
      expect.objectContaining({ practice: { slug: 'liege-pt4-one-stop-shop' }, adoptingCities: 2, outcomesCount: 2 }),
    ]);
    expect(data.mostTransferredPractices[0].transfers).toHaveLength(3);
  });
});
