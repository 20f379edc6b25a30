// No flood (issue 17 point 6, ADR 0051): a city publishing a thousand listings at once (an import)
// puts a handful of Notes in a follower's timeline, then one digest Note after the hour, however
// many records there were. Measured at the follower's inbox, with the node's clock held still
// and then moved on by an hour.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { OPERATOR } from '../registry-server/src/federation/partners/partner-service.ts';
import { NODE_ACTOR } from '../registry-server/src/federation/federation-context.ts';
import { ACTOR_NOTES_PER_HOUR, NODE_NOTES_PER_HOUR } from '../registry-server/src/federation/notes/posting-budget-repository.ts';
import { initiativeNote } from '../registry-server/src/federation/notes/note-content.ts';
import { startMinimalPeer, type MinimalPeer, type ReceivedActivity } from './support/minimal-peer.ts';

const AS = 'https://www.w3.org/ns/activitystreams';
const PUBLISHED = 1000;

let node: TestNode;
let peer: MinimalPeer;
let clock = new Date('2026-12-07T10:05:00Z');
let nodeActorId: string;

beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) }, { now: () => clock });
  peer = await startMinimalPeer();
  nodeActorId = node.federation.federation.createContext(node.registry.config.publicUrl, node.federation.data).getActorUri(NODE_ACTOR).href;
  const id = `${peer.actorId}/follows/${randomUUID()}`;
  await peer.signedPost(`${node.url}/ap/inbox`, { '@context': AS, id, type: 'Follow', actor: peer.actorId, object: nodeActorId });
  await peer.waitForActivity((a) => a.body.type === 'Accept');
}, 60_000);
afterAll(async () => {
  await peer?.close();
  await node?.close();
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const isNote = (a: ReceivedActivity) => a.body.type === 'Create' && a.body.object?.type === 'Note';

it(`publishing ${PUBLISHED} listings puts ${ACTOR_NOTES_PER_HOUR} Notes in a follower's timeline, then one digest after the hour`, async () => {
  const handles = Array.from({ length: PUBLISHED }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
  for (let i = 0; i < handles.length; i += 50) {
    await Promise.all(
      handles.slice(i, i + 50).map(async (handle) => {
        const created = await node.registry.initiativeEditorial.create(OPERATOR, {
          handle,
          name: { en: `Imported initiative ${handle} (test data)` },
          summary: { en: 'Test data.' },
          originalLanguage: 'en',
          legalForm: 'L1',
          primarySector: 'AM60',
          location: { locality: 'Liège', country: 'BE', precision: 'city' },
        } as never);
        await node.registry.initiativeEditorial.approve(OPERATOR, handle, created.version);
      }),
    );
  }
  const { budget } = node.federation.notes;
  const later = new Date(clock.getTime() + 3_600_000);
  // Every publication handled: the node posted its allowance and counted the rest for its digest.
  const digests = await until(
    () => budget.due(later),
    (d) => d.find((x) => x._id === NODE_ACTOR)?.count === PUBLISHED - ACTOR_NOTES_PER_HOUR,
  );
  expect(digests).toEqual([expect.objectContaining({ _id: NODE_ACTOR, count: PUBLISHED - ACTOR_NOTES_PER_HOUR })]);
  // Each new listing's own actor has its Note in its outbox, delivered to nobody (nobody follows it yet).
  expect(await node.federation.data.notes.count('bulk-0999')).toBe(1);

  // The partners' record activities (one per listing, as before) prove the queue has drained past the Notes.
  await until(
    async () => peer.received.filter((a) => a.body.type === 'Create' && typeof a.body.object === 'string').length,
    (n) => n >= PUBLISHED,
  );
  expect(peer.received.filter(isNote)).toHaveLength(ACTOR_NOTES_PER_HOUR);

  // Within the hour, nothing more; after it, one digest naming how many changes it stands for.
  expect(await node.federation.notes.poster.postDueDigests()).toBe(0);
  clock = later;
  expect(await node.federation.notes.poster.postDueDigests()).toBe(1);
  expect(await node.federation.notes.poster.postDueDigests()).toBe(0);
  const digest = await peer.waitForActivity((a) => isNote(a) && a.body.object.content.includes(String(PUBLISHED - ACTOR_NOTES_PER_HOUR)));
  expect(digest.body.actor).toBe(nodeActorId);
  expect(digest.body.object.content).toContain(`${node.url}/search?sort=updated`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(peer.received.filter(isNote)).toHaveLength(ACTOR_NOTES_PER_HOUR + 1);
}, 600_000);

it(`changes of many followed initiatives reach followers at most ${NODE_NOTES_PER_HOUR} times an hour, the rest in the node's digest`, async () => {
  // Thirty initiatives, each followed by the peer, each changed once in the same hour.
  const handles = Array.from({ length: 30 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
  for (const handle of handles)
    await node.federation.data.follows.saveFollower({
      identifier: handle,
      actor: peer.actorId,
      host: new URL(peer.origin).host,
      inbox: `${peer.actorId}/inbox`,
      sharedInbox: null,
      isRegistryNode: false,
      state: 'accepted',
      followId: `${peer.actorId}/follows/${randomUUID()}`,
      requestedAt: clock.toISOString(),
      decidedAt: clock.toISOString(),
    });
  clock = new Date(clock.getTime() + 2 * 3_600_000);
  const before = peer.received.filter(isNote).length;
  const context = { publicUrl: node.registry.config.publicUrl, catalog: node.registry.catalog };
  const results = [];
  for (const handle of handles) {
    const doc = (await node.registry.initiatives.findById(handle))!;
    const renamed = { ...doc.record, name: { en: `${doc.record.name.en} (renamed)` } };
    results.push(await node.federation.notes.poster.post(handle, initiativeNote(renamed, context)));
  }
  expect(results.filter((r) => r === 'posted')).toHaveLength(NODE_NOTES_PER_HOUR);
  expect(results.filter((r) => r === 'deferred')).toHaveLength(handles.length - NODE_NOTES_PER_HOUR);
  const digests = await node.federation.notes.budget.due(new Date(clock.getTime() + 3_600_000));
  expect(digests).toEqual([expect.objectContaining({ _id: NODE_ACTOR, count: handles.length - NODE_NOTES_PER_HOUR })]);
  await until(
    async () => peer.received.filter(isNote).length - before,
    (n) => n >= NODE_NOTES_PER_HOUR,
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(peer.received.filter(isNote).length - before).toBe(NODE_NOTES_PER_HOUR);
}, 120_000);
