// What a partner's `sameAs` may and may not do here (ADR 0052), on a registry with a real store:
// it links one of its listings to one of ours (and undoing it undoes it here), but it cannot
// link two other partners' listings on its own word, nor undo our moderators' rejection, nor
// name listings we do not hold or itself; a listing its origin deletes takes its links along.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/actor.ts';
import { seedInitiative } from '../federation/jsonld/jsonld-test-fixtures.ts';
import type { InitiativeRecord } from '../records/record-types.ts';
import { createRegistry, type Registry } from '../registry.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { testConfig } from '../testing/test-node.ts';

const config = testConfig();
let store: Store;
let registry: Registry;
let moderator: Actor;
const MILAN = 'https://milan.example/nodes/milan';
const SOFIA = 'https://sofia.example/nodes/sofia';
const milanCopy = 'https://milan.example/initiatives/cento-pap';
const sofiaCopy = 'https://sofia.example/initiatives/sto-pap';
const ours = '100pap-liege';

async function receive(id: string, sender: string, node: string, record: Partial<InitiativeRecord>) {
  const base = seedInitiative('100pap-liege');
  await registry.initiatives.upsertReceived(id, { ...base, ...record, node } as InitiativeRecord, {
    kind: 'remote',
    node: sender,
    objectId: id,
    url: id,
    receivedAt: '2026-12-07T10:00:00.000Z',
    remoteUpdatedAt: '2026-12-07T10:00:00.000Z',
  });
}
const statusOf = async (a: string, b: string) =>
  (await registry.sameOrganisation.list(moderator, 'confirmed')).some((v) => v.pair.ids.includes(a) && v.pair.ids.includes(b));
const searchIds = async (text: string) => {
  await registry.search.settled();
  return registry.search.search({ text, first: 20, filters: { kind: ['INITIATIVE'] } }).hits.map((h) => h.id);
};

beforeAll(async () => {
  store = await openStore(config);
  registry = await createRegistry(config, store);
  const record = seedInitiative('100pap-liege');
  await registry.initiatives.insert(record, { origin: { kind: 'local' }, state: 'published', now: '2026-12-01T10:00:00.000Z', id: ours });
  await receive(milanCopy, MILAN, 'milan', { handle: 'cento-pap', name: { it: '100PAP Milano' } });
  await receive(sofiaCopy, SOFIA, 'sofia', { handle: 'sto-pap', name: { bg: '100PAP София' } });
  await registry.search.rebuild();
  const account = await registry.accountService.createAccount({
    email: 'moderator@liege.test',
    password: 'a long test password 1',
    role: 'moderator',
    initiatives: [],
    createdBy: null,
  });
  moderator = { kind: 'account', accountId: account._id, role: 'moderator', initiatives: [], sessionId: 'test', via: 'cli' };
});
afterAll(async () => {
  registry.search.stop();
  await store?.close();
  rmSync(config.dataDir, { recursive: true, force: true });
});

describe('a partner’s sameAs', () => {
  it('names only listings this node holds, never itself, at most 20', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `https://elsewhere.example/initiatives/${i}`);
    await registry.sameOrganisation.claimsReceived(milanCopy, [milanCopy, ...many]);
    expect(await registry.sameOrganisation.sameAsOf(milanCopy)).toEqual([]);
    expect(await store.collection('duplicatePairs').countDocuments({})).toBe(0);
  });

  it('between two partners’ listings, links them only once both origins name each other', async () => {
    await registry.sameOrganisation.claimsReceived(milanCopy, [sofiaCopy]);
    expect(await statusOf(milanCopy, sofiaCopy)).toBe(false);
    expect(await searchIds('100PAP')).toEqual(expect.arrayContaining([milanCopy, sofiaCopy]));
    await registry.sameOrganisation.claimsReceived(sofiaCopy, [milanCopy]);
    expect(await statusOf(milanCopy, sofiaCopy)).toBe(true);
    const ids = await searchIds('100PAP');
    expect(ids.filter((id) => id === milanCopy || id === sofiaCopy)).toHaveLength(1);
  });

  it('with one of ours, links them here and is undone here when the partner withdraws it', async () => {
    await registry.sameOrganisation.claimsReceived(milanCopy, [sofiaCopy, `${config.publicUrl.origin}/initiatives/${ours}`]);
    expect(await statusOf(ours, milanCopy)).toBe(true);
    // Ours represents the whole group of three in search, naming both partners' listings.
    await registry.search.settled();
    const hit = registry.search.search({ text: '100PAP', first: 20 }).hits.find((h) => h.id === ours);
    expect(hit?.sameAs?.map((m) => m.id).sort()).toEqual([milanCopy, sofiaCopy]);
    expect(await registry.sameOrganisation.sameAsOf(ours)).toEqual([milanCopy]);
    await registry.sameOrganisation.claimsReceived(milanCopy, [sofiaCopy]);
    expect(await statusOf(ours, milanCopy)).toBe(false);
    expect(await registry.sameOrganisation.sameAsOf(ours)).toEqual([]);
    expect(await searchIds('100PAP')).toContain(ours);
  });

  it('does not undo our moderators’ rejection', async () => {
    await registry.duplicateFinder.proposeFor(sofiaCopy);
    const proposed = await registry.sameOrganisation.list(moderator, 'proposed');
    const pair = proposed.find((v) => v.pair.ids.includes(ours) && v.pair.ids.includes(sofiaCopy))!;
    expect(pair.pair.reasons.map((r) => r.code)).toContain('SAME_WEBSITE');
    await registry.sameOrganisation.reject(moderator, pair.pair._id);
    await registry.sameOrganisation.claimsReceived(sofiaCopy, [milanCopy, `${config.publicUrl.origin}/initiatives/${ours}`]);
    expect(await statusOf(ours, sofiaCopy)).toBe(false);
    expect(await registry.sameOrganisation.sameAsOf(ours)).toEqual([]);
  });

  it('goes with a listing its origin deletes, and search regroups', async () => {
    expect(await statusOf(milanCopy, sofiaCopy)).toBe(true);
    await registry.initiatives.deleteReceivedFrom(sofiaCopy, SOFIA);
    registry.events.emit({ type: 'listing.removed', ids: [sofiaCopy] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await statusOf(milanCopy, sofiaCopy)).toBe(false);
    expect(await store.collection('duplicatePairs').countDocuments({ ids: sofiaCopy })).toBe(0);
    const ids = await searchIds('100PAP');
    expect(ids).toContain(milanCopy);
    expect(ids).not.toContain(sofiaCopy);
  });

  it('refuses a made-up pair, and a pair decided already, saying what to do', async () => {
    await expect(registry.sameOrganisation.confirm(moderator, `${ours} https://nowhere.example/x`)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [rejected] = await registry.sameOrganisation.list(moderator, 'rejected');
    await expect(registry.sameOrganisation.confirm(moderator, rejected!.pair._id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(registry.sameOrganisation.unlink(moderator, rejected!.pair._id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('cannot be decided by someone who is not a moderator', async () => {
    const editor: Actor = { kind: 'account', accountId: 'e', role: 'editor', initiatives: [ours], sessionId: 's', via: 'cli' };
    await expect(registry.sameOrganisation.list(editor, 'proposed')).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(registry.sameOrganisation.confirm({ kind: 'anonymous' } as Actor, 'x')).rejects.toMatchObject({
      code: 'SIGN_IN_REQUIRED',
    });
  });
});
