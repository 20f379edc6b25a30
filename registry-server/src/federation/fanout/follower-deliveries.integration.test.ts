// The record activities this node writes itself must be accepted by a receiving Fedify on the
// strength of their Object Integrity Proof, with the key fetched from the real actor document
// (not only with a hand-made key document, as in eddsa-jcs-proof.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyObject } from '@fedify/fedify';
import { Activity } from '@fedify/vocab';
import { getDocumentLoader } from '@fedify/vocab-runtime';
import { freePort } from '../../testing/free-port.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { recordActivity } from '../federation-bridge.ts';
import { NODE_ACTOR } from '../federation-context.ts';
import { signActivity } from './follower-deliveries.ts';

let node: TestNode;

beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`), allowPrivateAddresses: true });
});

afterAll(async () => {
  await node?.close();
});

describe('record activities written by the node', () => {
  it('carry a proof that Fedify verifies against the key published in the actor document', async () => {
    const ctx = node.federation.federation.createContext(node.registry.config.publicUrl, node.federation.data);
    const event = { type: 'record.updated', kind: 'initiative', id: 'univerbal', version: 3 } as const;
    const activity = recordActivity(
      ctx,
      event as never,
      ctx.getActorUri(NODE_ACTOR),
      new URL('/ap/activities/initiative/univerbal/v3/updated', node.url),
    );
    const signed = await signActivity(ctx, NODE_ACTOR, activity);
    const loader = getDocumentLoader({ allowPrivateAddress: true });
    const verified = await verifyObject(Activity, signed, { documentLoader: loader, contextLoader: loader });
    expect(verified?.id?.href).toBe(activity.id);
    expect(verified?.actorId?.href).toBe(ctx.getActorUri(NODE_ACTOR).href);
    // And a tampered copy is refused.
    expect(
      await verifyObject(
        Activity,
        { ...signed, object: `${node.url}/initiatives/other` },
        { documentLoader: loader, contextLoader: loader },
      ),
    ).toBeNull();
  });
});
