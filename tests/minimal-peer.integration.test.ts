// A node against a peer that shares none of its code: a hand-written ActivityPub server signing
// with draft-cavage HTTP Signatures, as Mastodon does. It follows the city and an initiative,
// gets signed Accepts back, and the node turns away unsigned, forged and malformed deliveries
// without ever failing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { OPERATOR } from '../registry-server/src/federation/partners/partner-service.ts';
import { startMinimalPeer, type MinimalPeer, type ReceivedActivity } from './support/minimal-peer.ts';

const AS = 'https://www.w3.org/ns/activitystreams';

let node: TestNode;
let peer: MinimalPeer;
let sharedInbox: string;
beforeAll(async () => {
  const port = await freePort();
  // The node must know its real address to fetch the peer's key and deliver to it.
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) });
  peer = await startMinimalPeer();
  sharedInbox = `${node.url}/ap/inbox`;
});
afterAll(async () => {
  await peer?.close();
  await node?.close();
});

async function actor(url: string): Promise<Record<string, any>> {
  const response = await fetch(url, { headers: { accept: 'application/activity+json' }, signal: AbortSignal.timeout(15_000) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, any>;
}

async function followerCount(actorDoc: Record<string, any>): Promise<number> {
  return (await actor(actorDoc.followers)).totalItems as number;
}

function follow(object: string): Record<string, unknown> {
  return { '@context': AS, id: `${peer.actorId}/follows/${randomUUID()}`, type: 'Follow', actor: peer.actorId, object };
}

/** The Accept of the Follow `followId`, whether it names the Follow or embeds it. */
const acceptOf = (followId: unknown) => (a: ReceivedActivity) =>
  a.body.type === 'Accept' && (a.body.object === followId || a.body.object?.id === followId);

const isSigned = (a: ReceivedActivity) => typeof a.headers.signature === 'string' || typeof a.headers['signature-input'] === 'string';

describe('a peer without Fedify', () => {
  it('follows the node actor and receives a signed Accept from it', async () => {
    const nodeActor = await actor(`${node.url}/nodes/liege`);
    expect(nodeActor.type).toBe('Service');
    const before = await followerCount(nodeActor);
    const activity = follow(nodeActor.id);
    const response = await peer.signedPost(sharedInbox, activity);
    expect(response.status, await response.clone().text()).toBe(202);
    const accept = await peer.waitForActivity(acceptOf(activity.id), 15_000);
    expect(accept.body.actor).toBe(nodeActor.id);
    expect(isSigned(accept)).toBe(true);
    expect(await followerCount(nodeActor)).toBe(before + 1);
  });

  it('follows an initiative and receives a signed Accept from the initiative', async () => {
    const initiative = await actor(`${node.url}/initiatives/univerbal`);
    expect(initiative.type).toContain('Organization');
    const activity = follow(initiative.id);
    // Sent to the initiative's own inbox, as a peer that does not use shared inboxes would.
    const response = await peer.signedPost(initiative.inbox, activity);
    expect(response.status, await response.clone().text()).toBe(202);
    const accept = await peer.waitForActivity(acceptOf(activity.id), 15_000);
    expect(accept.body.actor).toBe(initiative.id);
    expect(isSigned(accept)).toBe(true);
  });

  it('turns away unsigned, forged and malformed deliveries, ignores unknown types, and stays up', async () => {
    const nodeActor = await actor(`${node.url}/nodes/liege`);
    const followersBefore = await followerCount(nodeActor);
    const receivedBefore = peer.received.length;

    const unsigned = follow(nodeActor.id);
    const forged = follow(nodeActor.id);
    const answers = {
      unsigned: await peer.unsignedPost(sharedInbox, unsigned),
      forged: await peer.badlySignedPost(sharedInbox, forged),
      // Signed correctly, so only the body is at fault.
      malformed: await peer.signedPost(sharedInbox, '{"type": "Follow", '),
      like: await peer.signedPost(sharedInbox, {
        '@context': AS,
        id: `${peer.actorId}/likes/${randomUUID()}`,
        type: 'Like',
        actor: peer.actorId,
        object: `${node.url}/initiatives/univerbal`,
      }),
    };
    const statuses = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]));
    expect(statuses).toMatchObject({ unsigned: 401, forged: 401, malformed: 400 });
    expect(statuses.like).toBeGreaterThanOrEqual(200);
    expect(statuses.like).toBeLessThan(300);
    for (const status of Object.values(statuses)) expect(status).toBeLessThan(500);

    // Let the queue drain (bounded) before checking that nothing changed.
    const deadline = Date.now() + 15_000;
    while ((await node.federation.queue.getDepth()).queued > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(await followerCount(nodeActor)).toBe(followersBefore);
    expect(peer.received.slice(receivedBefore).map((a) => a.body.type)).toEqual([]);
    expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
  });

  it('is found through WebFinger as registry@host', async () => {
    const nodeActor = await actor(`${node.url}/nodes/liege`);
    const host = new URL(node.url).host;
    const response = await fetch(`${node.url}/.well-known/webfinger?resource=${encodeURIComponent(`acct:registry@${host}`)}`);
    expect(response.status).toBe(200);
    const jrd = (await response.json()) as { links: Array<{ rel: string; type?: string; href?: string }> };
    const self = jrd.links.find((l) => l.rel === 'self');
    expect(self).toMatchObject({ type: 'application/activity+json', href: nodeActor.id });
    expect(nodeActor.id).toBe(`${node.url}/nodes/liege`);
  });

  it('gets a Reject, and no follow, once its domain is blocked', async () => {
    const nodeActor = await actor(`${node.url}/nodes/liege`);
    const before = await followerCount(nodeActor);
    await node.federation.partners.block(OPERATOR, new URL(peer.actorId).host, 'test');
    const activity = follow(nodeActor.id);
    expect((await peer.signedPost(sharedInbox, activity)).status).toBe(202);
    const reject = await peer.waitForActivity(
      (a) => a.body.type === 'Reject' && (a.body.object === activity.id || a.body.object?.id === activity.id),
      15_000,
    );
    expect(reject.body.actor).toBe(nodeActor.id);
    expect(await followerCount(nodeActor)).toBeLessThanOrEqual(before);
  });
});
