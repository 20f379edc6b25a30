// The partners page shows each partner's current delivery state: with a real node and a peer
// whose inbox is down (503) then back, Fedify's failed attempt shows, and the next delivery that
// succeeds clears it. Before, a failure stayed on the page for 24 hours after deliveries resumed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { OPERATOR } from '../registry-server/src/federation/partners/partner-service.ts';
import { DeliveryHealth } from '../registry-server/src/federation/partners/delivery-health.ts';
import { startMinimalPeer, type MinimalPeer } from './support/minimal-peer.ts';

const AS = 'https://www.w3.org/ns/activitystreams';

let node: TestNode;
let peer: MinimalPeer;
beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) });
  peer = await startMinimalPeer();
});
afterAll(async () => {
  await peer?.close();
  await node?.close();
});

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function edit(website: string): Promise<void> {
  const doc = (await node.registry.initiatives.findById('atemos'))!;
  await node.registry.initiativeEditorial.update(OPERATOR, 'atemos', doc.version, { website });
}

it('shows a failed delivery until a later one to the same partner succeeds', async () => {
  const nodeActor = `${node.url}/nodes/liege`;
  const follow = { '@context': AS, id: `${peer.actorId}/follows/${randomUUID()}`, type: 'Follow', actor: peer.actorId, object: nodeActor };
  // The node's actor id may differ from its alias: follow whatever the actor document names.
  const actorDoc = (await (await fetch(nodeActor, { headers: { accept: 'application/activity+json' } })).json()) as { id: string };
  follow.object = actorDoc.id;
  expect((await peer.signedPost(`${node.url}/ap/inbox`, follow)).status).toBe(202);
  await peer.waitForActivity((a) => a.body.type === 'Accept');

  const health = new DeliveryHealth(node.registry.store);
  const host = new URL(peer.origin).host;
  peer.answerInboxWith(503);
  await edit('https://example.org/atemos-down');
  const failing = await waitFor(
    () => health.of(host),
    (s) => s.recentFailures > 0,
  );
  expect(failing.recentFailures).toBeGreaterThan(0);
  expect(failing.lastError).toContain('503');

  peer.answerInboxWith(202);
  const before = peer.received.length;
  await edit('https://example.org/atemos-back');
  await peer.waitForActivity((a) => a.body.type === 'Update' && peer.received.indexOf(a) >= before);
  const recovered = await waitFor(
    () => health.of(host),
    (s) => s.recentFailures === 0,
  );
  expect(recovered).toMatchObject({ recentFailures: 0, lastError: null, lastDeliveredAt: expect.any(String) });
}, 60_000);
