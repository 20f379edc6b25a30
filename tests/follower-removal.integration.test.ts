// Issue 14 point 8: an admin sees the ordinary fediverse followers of the node and of each
// initiative (actor, handle, host: nothing more) and removes one. As Mastodon does for a removed
// follower, the followed actor sends a signed Reject of the Follow to the follower's inbox (here a
// loopback stand-in written without Fedify), and deliveries to it stop, while other followers keep
// receiving. Partner nodes are not removed this way (they have the partners page).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { createAccount, type Session } from '../registry-server/src/testing/graphql-client.ts';
import { startMinimalPeer, type MinimalPeer, type ReceivedActivity } from './support/minimal-peer.ts';

const AS = 'https://www.w3.org/ns/activitystreams';
const FOLLOWERS = '{ fediverseFollowers { id followed initiative actor handle host since } }';
const REMOVE = 'mutation($id: ID!) { removeFollower(id: $id) { ok error { code message } } }';

let node: TestNode;
let alice: MinimalPeer;
let bob: MinimalPeer;
let admin: Session;
let moderator: Session;
let editor: Session;
let univerbal: string;
let nodeActor: string;
const follows: Record<string, string> = {};

beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) });
  alice = await startMinimalPeer();
  bob = await startMinimalPeer({ actorPath: '/users/bob' });
  admin = await createAccount(node, 'admin@followers.test', 'admin');
  moderator = await createAccount(node, 'moderator@followers.test', 'moderator');
  editor = await createAccount(node, 'team@univerbal.followers.test', 'editor', ['univerbal']);
  univerbal = (await actorDocument(`${node.url}/initiatives/univerbal`)).id;
  nodeActor = (await actorDocument(`${node.url}/nodes/liege`)).id;
  for (const [peer, object] of [
    [alice, nodeActor],
    [alice, univerbal],
    [bob, univerbal],
  ] as const) {
    const id = `${peer.actorId}/follows/${randomUUID()}`;
    follows[`${peer.actorId} ${object}`] = id;
    const response = await peer.signedPost(`${node.url}/ap/inbox`, { '@context': AS, id, type: 'Follow', actor: peer.actorId, object });
    expect(response.status, await response.clone().text()).toBe(202);
    await peer.waitForActivity((a) => a.body.type === 'Accept' && (a.body.object === id || a.body.object?.id === id));
  }
});
afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await node?.close();
});

async function actorDocument(url: string): Promise<Record<string, any>> {
  const response = await fetch(url, { headers: { accept: 'application/activity+json' }, signal: AbortSignal.timeout(15_000) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, any>;
}

/** Announces a change of Univerbal to its followers, as an edit does. */
async function announceUniverbalChange(): Promise<void> {
  const stored = await node.registry.initiatives.findById('univerbal');
  node.registry.events.emit({ type: 'record.updated', kind: 'initiative', id: 'univerbal', version: stored!.version, fields: ['name'] });
}

const fromUniverbal = (a: ReceivedActivity) => a.body.type === 'Update' && a.body.actor === univerbal;

describe('ordinary fediverse followers', () => {
  it('are listed for admins only, with actor, handle and host, by actor followed', async () => {
    const list = (await admin.gql(FOLLOWERS)).data.fediverseFollowers as Array<Record<string, unknown>>;
    const host = new URL(alice.origin).host;
    expect(list).toContainEqual({
      id: expect.any(String),
      followed: 'univerbal',
      initiative: 'univerbal',
      actor: alice.actorId,
      handle: `@alice@${host}`,
      host,
      since: expect.any(String),
    });
    expect(list).toContainEqual(expect.objectContaining({ followed: 'liege', initiative: null, actor: alice.actorId }));
    expect(list.filter((f) => f.actor === bob.actorId)).toHaveLength(1);
    for (const who of [moderator, editor]) {
      const refused = await who.gql(FOLLOWERS);
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    }
  });

  it('removing one sends it a signed Reject of its Follow, and deliveries to it stop; others still receive', async () => {
    await announceUniverbalChange();
    await alice.waitForActivity(fromUniverbal);
    await bob.waitForActivity(fromUniverbal);

    const list = (await admin.gql(FOLLOWERS)).data.fediverseFollowers as Array<{ id: string; actor: string; followed: string }>;
    const target = list.find((f) => f.actor === alice.actorId && f.followed === 'univerbal')!;
    for (const who of [moderator, editor])
      expect((await who.gql(REMOVE, { id: target.id })).data.removeFollower.error.code).toBe('NOT_AUTHORIZED');
    expect((await admin.gql(REMOVE, { id: target.id })).data.removeFollower).toEqual({ ok: true, error: null });

    const followId = follows[`${alice.actorId} ${univerbal}`];
    const reject = await alice.waitForActivity(
      (a) => a.body.type === 'Reject' && (a.body.object === followId || a.body.object?.id === followId),
    );
    expect(reject.body.actor).toBe(univerbal);
    expect(typeof reject.headers.signature === 'string' || typeof reject.headers['signature-input'] === 'string').toBe(true);

    const aliceBefore = alice.received.filter(fromUniverbal).length;
    const bobBefore = bob.received.filter(fromUniverbal).length;
    await announceUniverbalChange();
    await bob.waitForActivity((a) => fromUniverbal(a) && bob.received.filter(fromUniverbal).length > bobBefore);
    // Bob's delivery has arrived; Alice's would have gone out with it. Give a slow queue a moment more.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alice.received.filter(fromUniverbal).length).toBe(aliceBefore);

    // The followers collection no longer lists her; her follow of the node stands.
    const followers = (await actorDocument(univerbal)).followers as string;
    const collection = await actorDocument(followers);
    expect(collection.totalItems).toBe(1);
    const after = (await admin.gql(FOLLOWERS)).data.fediverseFollowers as Array<{ actor: string; followed: string }>;
    expect(after.filter((f) => f.actor === alice.actorId).map((f) => f.followed)).toEqual(['liege']);

    const audit = (await admin.gql('{ auditLog(first: 10) { action target details } }')).data.auditLog;
    expect(audit).toContainEqual({ action: 'follower.remove', target: alice.actorId, details: { followed: 'univerbal' } });
    // Removing it again: there is nothing to remove.
    expect((await admin.gql(REMOVE, { id: target.id })).data.removeFollower.error.code).toBe('NOT_FOUND');
  });

  it('does not remove partner nodes this way, nor anything by a made-up id', async () => {
    await node.registry.follows.saveFollower({
      identifier: '_node',
      actor: 'http://127.0.0.1:9/nodes/milano',
      host: '127.0.0.1:9',
      inbox: 'http://127.0.0.1:9/ap/inbox',
      sharedInbox: null,
      isRegistryNode: true,
      state: 'accepted',
      followId: 'http://127.0.0.1:9/follows/1',
      requestedAt: new Date().toISOString(),
      decidedAt: new Date().toISOString(),
    });
    const list = (await admin.gql(FOLLOWERS)).data.fediverseFollowers as Array<{ actor: string }>;
    expect(list.map((f) => f.actor)).not.toContain('http://127.0.0.1:9/nodes/milano');
    for (const id of ['_node http://127.0.0.1:9/nodes/milano', '', 'x'.repeat(3000), '{"$ne":null}'])
      expect((await admin.gql(REMOVE, { id })).data.removeFollower.error.code).toBe('NOT_FOUND');
    expect(await node.registry.follows.findFollower('_node', 'http://127.0.0.1:9/nodes/milano')).not.toBeNull();
  });
});
