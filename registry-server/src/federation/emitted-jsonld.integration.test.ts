// The JSON-LD the node emits, pinned as snapshots so any change to the wire format is a visible
// diff: the node actor, an initiative actor, a good practice, an outbox page of activities, and the
// Update of the node actor its followers receive when the admin edits the profile.
// Key material and timestamps vary per run and are masked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { profileUpdateActivity } from './federation-bridge.ts';
import { initiativeNote } from './notes/note-content.ts';
import { noteCreateActivity } from './notes/note-activities.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode({ publicUrl: new URL('https://liege.example') });
});
afterAll(() => node?.close());

function mask(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value)
      .replace(/-----BEGIN PUBLIC KEY-----[^"]*-----END PUBLIC KEY-----\\n?/g, '<public key pem>')
      .replace(/"publicKeyMultibase":"[^"]+"/g, '"publicKeyMultibase":"<multibase>"')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<timestamp>'),
  );
}

async function emitted(path: string): Promise<unknown> {
  const response = await fetch(`${node.url}${path}`, { headers: { accept: 'application/activity+json' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/application\/(activity|ld)\+json/);
  return mask(await response.json());
}

it('emits the node actor', async () => {
  await expect(JSON.stringify(await emitted('/nodes/liege'), null, 2)).toMatchFileSnapshot('__snapshots__/emitted-node-actor.json');
});

it('emits an initiative actor with its full public record', async () => {
  await expect(JSON.stringify(await emitted('/initiatives/univerbal'), null, 2)).toMatchFileSnapshot(
    '__snapshots__/emitted-initiative-univerbal.json',
  );
});

it('emits a good practice as an Article', async () => {
  await expect(JSON.stringify(await emitted('/practices/liege-pt6-public-procurement'), null, 2)).toMatchFileSnapshot(
    '__snapshots__/emitted-practice-pt6.json',
  );
});

it('emits the outbox as pages of Create activities', async () => {
  const collection = (await emitted('/ap/actors/_node/outbox')) as { first: string; totalItems: number };
  // 20 listings, and Liège's 11 seeded needs and offers (ADR 0038, 0039).
  expect(collection.totalItems).toBe(31);
  const page = await emitted(new URL(collection.first).pathname + new URL(collection.first).search);
  await expect(JSON.stringify(page, null, 2)).toMatchFileSnapshot('__snapshots__/emitted-outbox-page.json');
});

it('emits the Update of the node actor after a profile edit', async () => {
  const runtime = node.federation!;
  const ctx = runtime.federation.createContext(node.registry.config.publicUrl, runtime.data);
  await expect(JSON.stringify(profileUpdateActivity(ctx, 7), null, 2)).toMatchFileSnapshot(
    '__snapshots__/emitted-node-profile-update.json',
  );
});

it('emits the Create of a Note its fediverse followers receive (ADR 0051)', async () => {
  const runtime = node.federation!;
  const ctx = runtime.federation.createContext(node.registry.config.publicUrl, runtime.data);
  const doc = (await node.registry.initiatives.findById('univerbal'))!;
  const draft = initiativeNote(doc.record, { publicUrl: node.registry.config.publicUrl, catalog: node.registry.catalog });
  const note = { _id: 'note-1', actor: 'univerbal', digestOf: null, published: '2026-12-07T10:00:00.000Z', deleted: null, ...draft };
  await expect(JSON.stringify(noteCreateActivity(ctx, note), null, 2)).toMatchFileSnapshot('__snapshots__/emitted-note-create.json');
});
