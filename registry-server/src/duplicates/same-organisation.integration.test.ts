// Same organisation on two nodes, on loopback (issue 17 point 8, ADR 0052): Milano lists
// initiatives that Liège lists too; both nodes propose the likely duplicates (same website; close
// name in the same city) and not a namesake in another country; a Milano moderator confirms, and
// the link is served as `sameAs` and taken up by Liège, whose search then shows one entry with
// both cities; a rejected pair is never proposed again; Liège undoes the link and Milano follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/actor.ts';
import { OPERATOR } from '../federation/partners/partner-service.ts';
import { eventually } from '../testing/federated-nodes.ts';
import { freePort } from '../testing/free-port.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let liege: TestNode;
let milano: TestNode;
let liegeStaff: Session;
let milanoStaff: Session;
let milanoEditor: Session;
const operator: Actor = { kind: 'account', accountId: 'operator', role: 'admin', initiatives: [], sessionId: 'test', via: 'cli' };

const PAIRS = `query($s: DuplicateStatus) { duplicatePairs(status: $s) { id status byPartner reasons { code detail }
  listings { slug url node { slug } location { locality } } } }`;
const DECIDE = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { pair { id status } error { code message } } }`;
const SEARCH = `query($t: String) { search(input: { text: $t, kinds: [INITIATIVE] }, first: 20) { totalCount
  edges { nodeHandle node { ... on Initiative { slug } } sameAs { id nodeHandle locality url } }
  facets { name values { value count } } } }`;

async function start(name: string): Promise<TestNode> {
  const port = await freePort();
  return startTestNode({ port, nodeHandle: name, publicUrl: new URL(`http://127.0.0.1:${port}`) });
}
const actorOf = (node: TestNode) => `${node.url}/nodes/${node.registry.config.nodeHandle}`;
const iriOf = (node: TestNode, handle: string) => `${node.url}/initiatives/${handle}`;

async function follow(follower: TestNode, followed: TestNode) {
  await follower.federation.partners.follow(OPERATOR, actorOf(followed));
  const asked = await eventually(async () =>
    (await followed.federation.partners.list(OPERATOR)).find((p) => p.actor === actorOf(follower) && p.followedBy === 'pending'),
  );
  await followed.federation.partners.decide(OPERATOR, asked.actor, true);
  await eventually(async () =>
    (await follower.federation.partners.list(OPERATOR)).find((p) => p.actor === actorOf(followed) && p.following === 'accepted'),
  );
  await follower.federation.settled();
}

async function publish(node: TestNode, record: Record<string, unknown>) {
  const created = await node.registry.initiativeEditorial.create(operator, {
    summary: { it: 'Dati di prova.' },
    originalLanguage: 'it',
    legalForm: 'L1',
    primarySector: 'AM10',
    ...record,
  } as never);
  await node.registry.initiativeEditorial.approve(operator, created._id, created.version);
}

async function served(node: TestNode, handle: string): Promise<Record<string, unknown>> {
  const response = await fetch(iriOf(node, handle), { headers: { accept: 'application/activity+json' } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const pairsOf = async (staff: Session, status = 'PROPOSED') => (await staff.gql(PAIRS, { s: status })).data.duplicatePairs as any[];
const slugsOf = (pair: any) => pair.listings.map((l: any) => l.slug).sort();
const settled = async (node: TestNode) => {
  await node.registry.search.settled();
  await node.registry.duplicateFinder.settled();
};

beforeAll(async () => {
  [liege, milano] = await Promise.all([start('liege'), start('milan')]);
  await follow(milano, liege);
  await follow(liege, milano);
  await eventually(async () => (await milano.registry.initiatives.findById(iriOf(liege, '100pap-liege'))) !== null);
  liegeStaff = await createAccount(liege, 'moderator@liege.test', 'moderator');
  milanoStaff = await createAccount(milano, 'moderatore@comune-milano.test', 'moderator');
  milanoEditor = await createAccount(milano, 'editor@cucina.test', 'editor');
  await settled(milano);
  await publish(milano, {
    handle: 'cento-pap',
    name: { it: '100PAP Milano' },
    website: 'http://www.100pap.be',
    location: { locality: 'Milano', country: 'IT', precision: 'city' },
  });
  // A namesake of a Liège initiative, in another country.
  await publish(milano, {
    handle: 'atemos-milano',
    name: { it: 'Atemos' },
    location: { locality: 'Milano', country: 'IT', precision: 'city' },
  });
  // A close name in the same city (Milano lists an initiative of Liège).
  await publish(milano, {
    handle: 'redemarts-bis',
    name: { it: 'Redemarts ASBL' },
    location: { locality: 'Liège', country: 'BE', precision: 'city' },
  });
  await settled(milano);
}, 90_000);

afterAll(async () => {
  await milano?.close();
  await liege?.close();
});

describe('proposals', () => {
  it('proposes the same website and a close name in the same city, with the reasons, and not the namesake abroad', async () => {
    const pairs = await pairsOf(milanoStaff);
    const bySlugs = new Map(pairs.map((p) => [slugsOf(p).join(' '), p]));
    expect([...bySlugs.keys()].sort()).toEqual(['100pap-liege cento-pap', 'redemarts redemarts-bis']);
    expect(bySlugs.get('100pap-liege cento-pap').reasons).toEqual([{ code: 'SAME_WEBSITE', detail: '100pap.be' }]);
    expect(bySlugs.get('redemarts redemarts-bis').reasons.map((r: any) => r.code)).toEqual(['SIMILAR_NAME', 'SAME_CITY']);
    expect(pairs.every((p) => p.listings.length === 2 && p.status === 'PROPOSED')).toBe(true);
  });

  it('are computed on the partner too, when it receives the listing', async () => {
    const pairs = await eventually(async () => {
      await settled(liege);
      const found = await pairsOf(liegeStaff);
      return found.length >= 2 ? found : null;
    });
    expect(pairs.map((p) => slugsOf(p).join(' ')).sort()).toEqual(['100pap-liege cento-pap', 'redemarts redemarts-bis']);
  });

  it('are for moderators only', async () => {
    const { errors } = await milanoEditor.gql(PAIRS, {});
    expect(errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const { data } = await milanoEditor.gql(DECIDE('confirmDuplicate'), { id: 'x' });
    expect(data.confirmDuplicate.error.code).toBe('NOT_AUTHORIZED');
  });

  it('once rejected, is never proposed again (also after the listing changes)', async () => {
    const pair = (await pairsOf(milanoStaff)).find((p) => slugsOf(p).includes('redemarts-bis'));
    const { data } = await milanoStaff.gql(DECIDE('rejectDuplicate'), { id: pair.id });
    expect(data.rejectDuplicate.pair.status).toBe('REJECTED');
    const doc = (await milano.registry.initiatives.findById('redemarts-bis'))!;
    await milano.registry.initiativeEditorial.update(operator, 'redemarts-bis', doc.version, { name: { it: "Redém'arts" } } as never);
    await settled(milano);
    expect(await milano.registry.duplicateFinder.proposeFor('redemarts-bis')).toBe(0);
    expect((await pairsOf(milanoStaff)).some((p) => slugsOf(p).includes('redemarts-bis'))).toBe(false);
    expect((await pairsOf(milanoStaff, 'REJECTED')).map((p) => p.id)).toContain(pair.id);
    // Deciding twice is refused with a message, not a second decision.
    const again = await milanoStaff.gql(DECIDE('confirmDuplicate'), { id: pair.id });
    expect(again.data.confirmDuplicate.error.code).toBe('INVALID_STATE');
  });
});

describe('a confirmed link', () => {
  it('is served as sameAs and taken up by the partner, whose search shows one entry with both cities', async () => {
    await settled(liege);
    const before = (await liegeStaff.gql(SEARCH, { t: '100PAP' })).data.search;
    expect(before.edges.map((e: any) => e.node.slug)).toEqual(expect.arrayContaining(['100pap-liege', 'cento-pap']));
    const pair = (await pairsOf(milanoStaff)).find((p) => slugsOf(p).includes('cento-pap'));
    const { data } = await milanoStaff.gql(DECIDE('confirmDuplicate'), { id: pair.id });
    expect(data.confirmDuplicate.pair.status).toBe('CONFIRMED');
    expect((await served(milano, 'cento-pap')).sameAs).toEqual([iriOf(liege, '100pap-liege')]);
    // Liège receives the Update, links the two and serves the link back.
    await eventually(async () =>
      ((await served(liege, '100pap-liege')).sameAs as string[] | undefined)?.includes(iriOf(milano, 'cento-pap')),
    );
    const linked = await pairsOf(liegeStaff, 'CONFIRMED');
    expect(linked.map(slugsOf)).toEqual([['100pap-liege', 'cento-pap']]);
    expect(linked[0].byPartner).toBe(true);

    await settled(liege);
    const { data: found } = await liegeStaff.gql(SEARCH, { t: '100PAP' });
    expect(found.search.totalCount).toBe(before.totalCount - 1);
    const slugs = found.search.edges.map((e: any) => e.node.slug);
    expect(slugs).toContain('100pap-liege');
    expect(slugs).not.toContain('cento-pap');
    const entry = found.search.edges.find((e: any) => e.node.slug === '100pap-liege');
    expect(entry.sameAs).toEqual([
      { id: iriOf(milano, 'cento-pap'), nodeHandle: 'milan', locality: 'Milano', url: iriOf(milano, 'cento-pap') },
    ]);
    // The organisation counts once: under Liège and under Milan, but once in the total.
    const nodeCount = (result: any, node: string) =>
      result.facets.find((f: any) => f.name === 'NODE').values.find((v: any) => v.value === node)?.count ?? 0;
    expect(nodeCount(found.search, 'liege')).toBe(nodeCount(before, 'liege'));
    expect(nodeCount(found.search, 'milan')).toBe(nodeCount(before, 'milan'));
    // Found by the words of the other city's listing too.
    expect((await liegeStaff.gql(SEARCH, { t: 'Milano' })).data.search.edges.map((e: any) => e.node.slug)).toContain('100pap-liege');
  });

  it('once undone, federates its removal: the partner undoes it too and search shows both again', async () => {
    const [pair] = await pairsOf(liegeStaff, 'CONFIRMED');
    const { data } = await liegeStaff.gql(DECIDE('unlinkDuplicate'), { id: pair.id });
    expect(data.unlinkDuplicate.pair.status).toBe('REJECTED');
    expect((await served(liege, '100pap-liege')).sameAs).toBeUndefined();
    await eventually(async () => (await served(milano, 'cento-pap')).sameAs === undefined);
    expect(await pairsOf(milanoStaff, 'CONFIRMED')).toEqual([]);
    await settled(milano);
    const { data: found } = await milanoStaff.gql(SEARCH, { t: '100PAP' });
    expect(found.search.edges.map((e: any) => e.node.slug)).toEqual(expect.arrayContaining(['100pap-liege', 'cento-pap']));
    expect(found.search.edges.every((e: any) => e.sameAs.length === 0)).toBe(true);
  });
});
