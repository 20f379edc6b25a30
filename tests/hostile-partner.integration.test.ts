// A partner this node follows turns hostile: it signs its activities correctly, but what it sends
// claims to speak for other nodes (the receiving node itself, another partner, a third party).
// Whatever it claims, a received listing belongs to the partner that sent it, or is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { startMinimalPeer, type MinimalPeer } from './support/minimal-peer.ts';

const AS = 'https://www.w3.org/ns/activitystreams';

let node: TestNode;
/** The hostile partner. */
let peer: MinimalPeer;
/** A second partner, whose listings the first one tries to speak for. */
let other: MinimalPeer;
/** A partner whose actor takes the receiving node's own handle (/nodes/liege). */
let impostor: MinimalPeer;
let inbox: string;
/** The document the node serves for one of its initiatives: the shape a partner's listing has. */
let template: Record<string, unknown>;

beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) });
  [peer, other, impostor] = await Promise.all([
    startMinimalPeer(),
    startMinimalPeer({ actorPath: '/nodes/milano' }),
    startMinimalPeer({ actorPath: '/nodes/liege' }),
  ]);
  inbox = `${node.url}/ap/inbox`;
  for (const partner of [peer, other, impostor]) await followed(partner);
  const response = await fetch(`${node.url}/initiatives/atemos`, { headers: { accept: 'application/activity+json' } });
  template = (await response.json()) as Record<string, unknown>;
});
afterAll(async () => {
  await Promise.all([peer?.close(), other?.close(), impostor?.close()]);
  await node?.close();
});

/** Records `partner` as a partner this node follows and that accepted (the handshake is tested elsewhere). */
async function followed(partner: MinimalPeer): Promise<void> {
  const now = new Date().toISOString();
  await node.federation.data.follows.saveFollowing({
    _id: partner.actorId,
    host: new URL(partner.origin).host,
    followId: `${node.url}/ap/activities/follow/${randomUUID()}`,
    state: 'accepted',
    requestedAt: now,
    acceptedAt: now,
    inbox: `${partner.actorId}/inbox`,
    sharedInbox: null,
    outbox: `${partner.actorId}/outbox`,
    lastBackfill: null,
  });
}

/** An initiative document as `partner` serves it at /initiatives/<handle>, with `changes` applied. */
function listing(partner: MinimalPeer, handle: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const id = `${partner.origin}/initiatives/${handle}`;
  const doc: Record<string, unknown> = {
    ...template,
    id,
    url: id,
    attributedTo: partner.actorId,
    isPartOf: partner.actorId,
    preferredUsername: handle,
    ...changes,
  };
  for (const [key, value] of Object.entries(doc)) if (value === undefined) delete doc[key];
  partner.serve(`/initiatives/${handle}`, doc);
  return doc;
}

function activity(partner: MinimalPeer, type: string, object: unknown): Record<string, unknown> {
  return { '@context': AS, id: `${partner.actorId}/activities/${randomUUID()}`, type, actor: partner.actorId, object };
}

const stored = (id: string) => node.registry.initiatives.findById(id);

describe('a partner that claims to speak for another node', () => {
  it('cannot file a listing under the receiving node itself', async () => {
    const doc = listing(peer, 'claims-liege', { isPartOf: `${node.url}/nodes/liege`, attributedTo: `${node.url}/nodes/liege` });
    expect((await peer.signedPost(inbox, activity(peer, 'Create', doc.id))).status).toBe(202);
    expect(await stored(doc.id as string)).toBeNull();
    expect(await node.registry.store.collection('initiatives').countDocuments({ 'origin.kind': 'remote', 'record.node': 'liege' })).toBe(0);
  });

  it('cannot file a listing under another partner or a third node', async () => {
    for (const [handle, claimed] of [
      ['claims-milano', other.actorId],
      ['claims-athina', 'https://athina.example/nodes/athina'],
    ] as const) {
      const doc = listing(peer, handle, { isPartOf: claimed });
      expect((await peer.signedPost(inbox, activity(peer, 'Create', doc.id))).status).toBe(202);
      expect(await stored(doc.id as string), handle).toBeNull();
    }
    const byAuthor = listing(peer, 'authored-by-milano', { attributedTo: other.actorId });
    expect((await peer.signedPost(inbox, activity(peer, 'Create', byAuthor.id))).status).toBe(202);
    expect(await stored(byAuthor.id as string)).toBeNull();
  });

  it('files its own listings under itself, and drops links that would point elsewhere', async () => {
    const doc = listing(peer, 'own-listing', {
      // The page a reader is sent to must be on the origin, and never a script.
      url: 'javascript:alert(document.cookie)',
      // Practices and parent of other nodes, this node and a third party: only links to the sender's records may stay.
      isReferencedBy: [
        `${node.url}/practices/liege-pt6-public-procurement`,
        `${other.origin}/practices/p1`,
        `${peer.origin}/practices/peer-practice`,
      ],
      parentOrganization: `${node.url}/initiatives/univerbal`,
    });
    expect((await peer.signedPost(inbox, activity(peer, 'Create', doc.id))).status).toBe(202);
    const copy = await stored(doc.id as string);
    expect(copy).not.toBeNull();
    expect(copy!.record.node).toBe('alice');
    expect(copy!.origin).toMatchObject({ kind: 'remote', node: peer.actorId, url: doc.id });
    expect(copy!.record.practices).toEqual(['peer-practice']);
    expect(copy!.record.partOf).toBeUndefined();

    const elsewhere = listing(peer, 'own-listing-2', { url: `${other.origin}/phishing` });
    expect((await peer.signedPost(inbox, activity(peer, 'Create', elsewhere.id))).status).toBe(202);
    expect((await stored(elsewhere.id as string))!.origin).toMatchObject({ url: elsewhere.id });
  });

  it('cannot crash or hold the node with a listing nested thousands of levels deep', async () => {
    const id = `${peer.origin}/initiatives/deep-listing`;
    peer.serve(
      '/initiatives/deep-listing',
      `{"id":"${id}","type":"Organization","isPartOf":"${peer.actorId}","nameMap":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
    );
    const answer = await peer.signedPost(inbox, activity(peer, 'Create', id));
    expect(answer.status).toBeLessThan(500);
    expect(await stored(id)).toBeNull();
    expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
  });

  it('cannot take the receiving node’s handle by naming its actor /nodes/liege', async () => {
    const doc = listing(impostor, 'impostor-listing');
    expect((await impostor.signedPost(inbox, activity(impostor, 'Create', doc.id))).status).toBe(202);
    expect(await stored(doc.id as string)).toBeNull();
    // The receiving node's own listings are still its own: a search for its node finds no copy.
    const answer = await node.query(
      '{ initiatives(first: 100, filter: { node: ["liege"] }) { edges { node { slug origin { isLocal } } } } }',
    );
    expect(answer.body.data.initiatives.edges.filter((e: any) => !e.node.origin.isLocal)).toEqual([]);
  });

  it('cannot take the handle of a partner followed before it', async () => {
    const real = listing(other, 'milano-listing');
    expect((await other.signedPost(inbox, activity(other, 'Create', real.id))).status).toBe(202);
    expect((await stored(real.id as string))?.record.node).toBe('milano');
    const second = await startMinimalPeer({ actorPath: '/nodes/milano' });
    try {
      await followed(second);
      const doc = listing(second, 'second-milano');
      expect((await second.signedPost(inbox, activity(second, 'Create', doc.id))).status).toBe(202);
      expect(await stored(doc.id as string)).toBeNull();
      // The first keeps its name.
      const later = listing(other, 'milano-listing-2');
      expect((await other.signedPost(inbox, activity(other, 'Create', later.id))).status).toBe(202);
      expect((await stored(later.id as string))?.record.node).toBe('milano');
    } finally {
      await node.federation.data.follows.removeFollowing(second.actorId);
      await second.close();
    }
  });

  it('cannot sign an activity in another partner’s name', async () => {
    const doc = listing(other, 'signed-by-peer');
    const forged = { ...activity(peer, 'Create', doc.id), actor: other.actorId };
    const answer = await peer.signedPost(inbox, forged);
    expect(answer.status).toBe(401);
    expect(await stored(doc.id as string)).toBeNull();
  });

  it('cannot update, delete or announce another partner’s listing', async () => {
    const real = listing(other, 'kept-listing');
    expect((await other.signedPost(inbox, activity(other, 'Create', real.id))).status).toBe(202);
    const before = await stored(real.id as string);
    expect(before).not.toBeNull();
    // The hostile partner serves its own version at its own address and names the other's id.
    listing(peer, 'kept-listing', { nameMap: { en: 'Taken over' } });
    for (const type of ['Update', 'Delete', 'Announce']) {
      const answer = await peer.signedPost(inbox, activity(peer, type, real.id));
      expect(answer.status, type).toBeLessThan(500);
    }
    expect(await peer.signedPost(inbox, activity(peer, 'Delete', other.actorId)).then((r) => r.status)).toBeLessThan(500);
    expect(await stored(real.id as string)).toEqual(before);
  });

  it('cannot slip another origin’s listings or pages into a catalogue copy', async () => {
    const own = listing(peer, 'backfilled-own');
    const foreign = listing(other, 'backfilled-foreign');
    const foreignPage = `/nodes/milano/outbox?page=2`;
    const outbox = `${peer.actorId}/outbox`;
    peer.serve('/users/alice/outbox', { '@context': AS, id: outbox, type: 'OrderedCollection', totalItems: 2, first: `${outbox}?page=1` });
    peer.serve('/users/alice/outbox?page=1', {
      '@context': AS,
      id: `${outbox}?page=1`,
      type: 'OrderedCollectionPage',
      partOf: outbox,
      orderedItems: [activity(peer, 'Create', own.id), activity(peer, 'Create', foreign.id)],
      // The next page is on another origin: the copy stops instead of crawling it.
      next: `${other.origin}${foreignPage}`,
    });
    other.serve(foreignPage, { '@context': AS, id: `${other.origin}${foreignPage}`, type: 'OrderedCollectionPage', orderedItems: [] });
    node.federation.data.backfill(peer.actorId);
    await node.federation.settled();
    expect(await stored(own.id as string)).not.toBeNull();
    expect(await stored(foreign.id as string)).toBeNull();
    expect(other.fetched).not.toContain(foreignPage);
    expect(other.fetched.filter((p) => p.startsWith('/initiatives/backfilled'))).toEqual([]);
  });

  it('cannot make the node deliver to an inbox on another origin', async () => {
    const redirecting = await startMinimalPeer({ inbox: `${other.origin}/inbox` });
    try {
      const follow = activity(redirecting, 'Follow', `${node.url}/nodes/liege`);
      expect((await redirecting.signedPost(inbox, follow)).status).toBe(202);
      expect(await node.registry.store.collection('followers').countDocuments({ actor: redirecting.actorId })).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(other.received.filter((a) => a.body.type === 'Accept')).toEqual([]);
    } finally {
      await redirecting.close();
    }
  });
});
