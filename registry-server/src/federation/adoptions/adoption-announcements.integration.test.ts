// The transactional outbox of adoption records (ADR 0040): publishing one marks it in the same
// write, the mark is cleared once its Create is queued, and a node stopped in between announces
// it at its next start.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../testing/free-port.ts';
import { eventually } from '../../testing/federated-nodes.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { OPERATOR } from '../partners/partner-service.ts';
import { announceMissedAdoptions } from './adoption-bridge.ts';

let node: TestNode;

beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) });
});
afterAll(() => node?.close());

it('marks a published adoption record, clears the mark once queued, and announces a missed one at start', async () => {
  const { adoptionEditorial, adoptionRecords, iris } = node.registry;
  const draft = await adoptionEditorial.create(OPERATOR, {
    handle: 'liege-adapts-its-own',
    practice: iris.local('practices', 'liege-pt2-city-union-partnership'),
    stage: 'adapting',
    title: { fr: 'Le partenariat ville-syndicat, élargi' },
    originalLanguage: 'fr',
  });
  const submitted = await adoptionEditorial.submit(OPERATOR, draft._id, draft.version);
  const published = await adoptionEditorial.approve(OPERATOR, draft._id, submitted.version);
  expect(published.announce).toEqual({ type: 'record.published', version: published.version });
  await eventually(async () => (await adoptionRecords.findById(draft._id))?.announce === undefined);

  // As if the node stopped between the write and the queueing.
  await node.registry.store
    .collection('adoptionRecords')
    .updateOne({ _id: draft._id }, { $set: { announce: { type: 'record.updated', version: published.version } } });
  const { federation, data, queue } = node.federation;
  expect(await announceMissedAdoptions(federation, data, queue)).toBe(1);
  expect((await adoptionRecords.findById(draft._id))?.announce).toBeUndefined();
  expect(await announceMissedAdoptions(federation, data, queue)).toBe(0);
});
