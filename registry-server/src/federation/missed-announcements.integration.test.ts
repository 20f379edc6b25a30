// The transactional outbox of record changes: a change partners must hear about is marked in the
// same write as the change, cleared once its activity is queued, and announced at the next start
// when the node stopped in between (the kill -9 case is in tests/crash-during-fanout).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { OPERATOR } from './partners/partner-service.ts';
import { announceMissed } from './federation-bridge.ts';

let node: TestNode;

beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) });
});

afterAll(async () => {
  await node?.close();
});

async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('announcements of record changes', () => {
  it('marks an update of a published record in the same write, and clears the mark once it is queued', async () => {
    const doc = (await node.registry.initiatives.findById('univerbal'))!;
    const stored = await node.registry.initiativeEditorial.update(OPERATOR, 'univerbal', doc.version, {
      summary: { ...doc.record.summary, en: 'Interpreting cooperative (test)' },
    } as never);
    expect(stored.announce).toEqual({ type: 'record.updated', version: stored.version });
    await eventually(async () => (await node.registry.initiatives.findById('univerbal'))?.announce === undefined);
  });

  it('announces at start what was marked but never queued, and clears it', async () => {
    const { federation, data, queue } = node.federation;
    await node.registry.store
      .collection('initiatives')
      .updateOne({ _id: 'atemos' }, { $set: { announce: { type: 'record.updated', version: 1 } } });
    expect(await announceMissed(federation, data, queue)).toBe(1);
    expect((await node.registry.initiatives.findById('atemos'))?.announce).toBeUndefined();
    expect(await announceMissed(federation, data, queue)).toBe(0);
  });
});
