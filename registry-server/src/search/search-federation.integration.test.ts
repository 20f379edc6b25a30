// Search over received listings: a node that follows a partner finds the partner's listings
// with their provenance, and a partner's Update or Delete is searchable within a second of
// reaching the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFederatedNode } from '../testing/federated-nodes.ts';
import { OPERATOR as operator } from '../federation/partners/partner-service.ts';
import type { TestNode } from '../testing/test-node.ts';

const SEARCH =
  'query($input: SearchInput) { search(input: $input, first: 50) { totalCount edges { nodeHandle received node { ... on Initiative { id slug } ... on GoodPractice { id slug } } } facets { name values { value count } } } }';

let liege: TestNode;
let milan: TestNode;
const hits = async (text: string, extra: Record<string, unknown> = {}) => {
  const response = await milan.query(SEARCH, { input: { text, ...extra } });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data.search as {
    totalCount: number;
    edges: Array<{ nodeHandle: string; received: boolean; node: { id: string; slug: string } }>;
    facets: Array<{ name: string; values: Array<{ value: string; count: number }> }>;
  };
};

/** Waits until Milan's store holds `check`, then measures how long until its search agrees. */
async function searchableAfterStore(storeHas: () => Promise<boolean>, searchAgrees: () => Promise<boolean>): Promise<number> {
  await eventually(async () => storeHas());
  const started = Date.now();
  await eventually(async () => searchAgrees(), 5_000);
  return Date.now() - started;
}

beforeAll(async () => {
  liege = await startFederatedNode('liege');
  milan = await startFederatedNode('milan');
  await milan.federation.partners.follow(operator, `${liege.url}/nodes/liege`);
  const pending = await eventually(async () => (await liege.federation.partners.list(operator)).find((p) => p.followedBy === 'pending'));
  await liege.federation.partners.decide(operator, pending.actor, true);
  await eventually(async () => (await milan.federation.partners.list(operator)).find((p) => p.following === 'accepted'));
  await milan.federation.settled();
  await eventually(async () => (await milan.registry.store.collection('initiatives').countDocuments({ 'origin.kind': 'remote' })) >= 10);
  await eventually(async () => (await milan.registry.store.collection('goodPractices').countDocuments({ 'origin.kind': 'remote' })) >= 10);
}, 60_000);

afterAll(async () => {
  await milan?.close();
  await liege?.close();
});

describe('search over received listings', () => {
  it("finds the partner's listings, with the node they come from", async () => {
    await milan.registry.search.settled();
    const result = await hits('διερμηνεία');
    const univerbal = result.edges.find((e) => e.node.slug === 'univerbal');
    expect(univerbal).toEqual({
      nodeHandle: 'liege',
      received: true,
      node: { id: `${liege.url}/initiatives/univerbal`, slug: 'univerbal' },
    });
    expect(result.facets.find((f) => f.name === 'NODE')!.values.map((v) => v.value)).toEqual(['liege']);
    const pt6 = await milan.query(SEARCH, { input: { practiceType: ['PT6'], node: ['liege'] } });
    expect(pt6.body.data.search.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain('univerbal');
  });

  it("finds a partner's Update within a second of it reaching the store", async () => {
    const doc = (await liege.registry.initiatives.findById('siriuscoop'))!;
    await liege.registry.initiativeEditorial.update(operator, 'siriuscoop', doc.version, {
      summary: { ...doc.record.summary, en: 'Web development cooperative, now also teaching typography.' },
    });
    const id = `${liege.url}/initiatives/siriuscoop`;
    const ms = await searchableAfterStore(
      async () => Boolean((await milan.registry.initiatives.findById(id))?.record.summary.en?.includes('typography')),
      async () => (await hits('typography')).edges.some((e) => e.node.slug === 'siriuscoop'),
    );
    expect(ms).toBeLessThan(1_000);
  });

  it('forgets a listing the partner deleted or unpublished within a second', async () => {
    const parallax = (await liege.registry.initiatives.findById('parallax'))!;
    expect((await hits('Parallax')).edges.some((e) => e.node.slug === 'parallax')).toBe(true);
    await liege.registry.initiativeEditorial.unpublish(operator, 'parallax', parallax.version);
    const ms = await searchableAfterStore(
      async () => (await milan.registry.initiatives.findById(`${liege.url}/initiatives/parallax`)) === null,
      async () => !(await hits('Parallax')).edges.some((e) => e.node.slug === 'parallax'),
    );
    expect(ms).toBeLessThan(1_000);
    const practice = (await liege.registry.practices.findById('liege-pt7-third-place'))!;
    await liege.registry.practiceEditorial.delete(operator, 'liege-pt7-third-place', practice.version);
    await searchableAfterStore(
      async () => (await milan.registry.practices.findById(`${liege.url}/practices/liege-pt7-third-place`)) === null,
      async () => !(await hits('', { practiceType: ['PT7'], kinds: ['GOOD_PRACTICE'] })).edges.length,
    );
  });

  it('forgets everything from a partner it stops following', async () => {
    await milan.federation.partners.unfollow(operator, `${liege.url}/nodes/liege`);
    await milan.registry.search.settled();
    expect((await hits('', { node: ['liege'] })).totalCount).toBe(0);
  });
});
