// Adoption records in search, as their own kind (issue 16 point 5): words in any language, and the
// facets stage, practice type and city, over the synthetic demo set and a record published here;
// unknown values are refused with what to send instead, and the listings' search is left as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';
import { writeSyntheticAdoptions } from '../synthetic/synthetic-adoptions.ts';

let node: TestNode;
let moderator: Session;
const SEARCH = `query($i: AdoptionSearchInput, $first: Int, $offset: Int) { searchAdoptions(input: $i, first: $first, offset: $offset, lang: "en") {
  totalCount records { slug stage node { slug } }
  facets { stage { value count } practiceType { value count label } city { value count label } } } }`;
const search = async (input: Record<string, unknown> = {}, more: Record<string, unknown> = {}) =>
  (await anonymous(node).gql(SEARCH, { i: input, ...more })).data.searchAdoptions;

beforeAll(async () => {
  node = await startTestNode();
  const practices = ['liege-pt4-one-stop-shop', 'liege-pt7-third-place'].map((h) => `${node.url}/practices/${h}`);
  // The node's own IRIs: its public URL's.
  const iris = practices.map((p) => node.registry.iris.local('practices', p.split('/').pop()!));
  expect(await writeSyntheticAdoptions(node.registry, iris)).toBe(4);
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
});
afterAll(() => node?.close());

describe('searching adoption records', () => {
  it('finds every record with no input, with counts by stage, practice type and city', async () => {
    const all = await search();
    expect(all.totalCount).toBe(4);
    expect(all.facets.stage.map((f: { value: string }) => f.value).sort()).toEqual(['ADAPTING', 'ADOPTING', 'DROPPED', 'REUSED']);
    expect(all.facets.practiceType).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 'PT4', count: 2 }), expect.objectContaining({ value: 'PT7', count: 2 })]),
    );
    expect(all.facets.practiceType.find((f: { value: string }) => f.value === 'PT4').label).toMatch(/one-stop shop/i);
    // The practices' city is a city of every record; each adopting city of one.
    expect(all.facets.city).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'liege', count: 4, label: 'Liège' })]));
    expect(all.facets.city.find((f: { value: string }) => f.value === 'synthetic-milano').count).toBe(1);
  });

  it('finds words in any language, accents and case aside, and the start of a word', async () => {
    expect((await search({ text: 'SABATO' })).records.map((r: { slug: string }) => r.slug)).toEqual(['demo-adoption-1']);
    expect((await search({ text: 'διερμηνεια' })).records.map((r: { node: { slug: string } }) => r.node.slug)).toEqual([
      'synthetic-athina',
    ]);
    expect((await search({ text: 'financ' })).totalCount).toBe(1);
    expect((await search({ text: 'nothing-like-this' })).totalCount).toBe(0);
  });

  it('filters by stage, practice type and city; each facet counts without its own filter', async () => {
    const reused = await search({ stage: ['REUSED'] });
    expect(reused.records.map((r: { stage: string }) => r.stage)).toEqual(['REUSED']);
    expect(reused.facets.stage).toHaveLength(4);
    expect((await search({ practiceType: ['PT7'] })).totalCount).toBe(2);
    expect((await search({ city: ['synthetic-sofia'] })).records.map((r: { slug: string }) => r.slug)).toEqual(['demo-adoption-3']);
    expect((await search({ city: ['liege'], stage: ['ADAPTING', 'DROPPED'] })).totalCount).toBe(2);
    const page = await search({}, { first: 1, offset: 1 });
    expect(page.totalCount).toBe(4);
    expect(page.records).toHaveLength(1);
  });

  it('refuses unknown values and oversized input, saying what to send', async () => {
    const badType = await anonymous(node).gql(SEARCH, { i: { practiceType: ['PT99'] } });
    expect(badType.errors?.[0]?.message).toMatch(/PT99.*practice-type/);
    // A stage the enum does not have is refused by GraphQL itself, before any resolver runs.
    await expect(anonymous(node).gql(SEARCH, { i: { stage: ['FINISHED'] } })).rejects.toThrow(/FINISHED.*AdoptionStage/);
    const long = await anonymous(node).gql(SEARCH, { i: { text: 'x'.repeat(201) } });
    expect(long.errors?.[0]?.message).toMatch(/200/);
    const tooMany = await anonymous(node).gql(SEARCH, { i: {}, first: 101 });
    expect(tooMany.errors?.[0]?.message).toMatch(/100/);
  });

  it('follows a record published here, and leaves the listings’ search as it was', async () => {
    const listingsBefore = (await anonymous(node).gql('{ search(input: {}) { totalCount } }')).data.search.totalCount;
    // GET answers are cached: one computed before the index caught up must not outlive it.
    const cached = async () =>
      (
        (await fetch(
          `${node.url}/graphql?query=${encodeURIComponent('{ searchAdoptions(input: { text: "quartiers" }) { totalCount } }')}`,
        ).then((r) => r.json())) as { data: { searchAdoptions: { totalCount: number } } }
      ).data.searchAdoptions.totalCount;
    expect(await cached()).toBe(0);
    const generation = node.registry.adoptionSearch.generation;
    const created = await moderator.gql(
      `mutation($i: AdoptionRecordInput!) { createAdoptionRecord(input: $i) { record { ... on AdoptionRecordDraft { id version } } error { code message } } }`,
      {
        i: {
          handle: 'liege-learns-from-itself',
          practice: node.registry.iris.local('practices', 'liege-pt2-city-union-partnership'),
          stage: 'ADAPTING',
          title: [{ language: 'fr', text: 'Partenariat ville-syndicat élargi aux quartiers' }],
          originalLanguage: 'fr',
        },
      },
    );
    expect(created.data.createAdoptionRecord.error).toBeNull();
    const { id } = created.data.createAdoptionRecord.record;
    let { version } = created.data.createAdoptionRecord.record;
    for (const step of ['submitForReview', 'approve']) {
      const answer = await moderator.gql(
        `mutation($id: ID!, $v: Int!) { ${step}(id: $id, version: $v) { record { ... on AdoptionRecordDraft { version } } error { code } } }`,
        { id, v: version },
      );
      expect(answer.data[step].error).toBeNull();
      version = answer.data[step].record.version;
    }
    expect(await cached()).toBeLessThanOrEqual(1);
    await expect.poll(async () => (await search({ text: 'quartiers' })).totalCount).toBe(1);
    expect(await cached()).toBe(1);
    // The response cache's generation moves with the index, not only with the store's write.
    expect(node.registry.adoptionSearch.generation).toBeGreaterThan(generation);
    expect((await search({ practiceType: ['PT2'] })).records.map((r: { slug: string }) => r.slug)).toEqual(['liege-learns-from-itself']);
    const deleted = await moderator.gql(`mutation($id: ID!, $v: Int!) { delete(id: $id, version: $v) { error { code } } }`, {
      id,
      v: version,
    });
    expect(deleted.data.delete.error).toBeNull();
    expect(await cached()).toBeLessThanOrEqual(1);
    await expect.poll(async () => (await search({ text: 'quartiers' })).totalCount).toBe(0);
    expect(await cached()).toBe(0);
    expect((await anonymous(node).gql('{ search(input: {}) { totalCount } }')).data.search.totalCount).toBe(listingsBefore);
  });
});
