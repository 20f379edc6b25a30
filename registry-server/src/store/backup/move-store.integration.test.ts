// `umn move-store`: a stopped node's whole store copied into another one through the Store
// interface. Here embedded → embedded (a seeded node's data), and embedded → MongoDB whenever
// MONGODB_URL is set; the node then starts on the copy and serves the same listings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode } from '../../testing/test-node.ts';
import { EmbeddedStore } from '../embedded/embedded-store.ts';
import { MongoStore } from '../mongodb/mongodb-store.ts';
import type { Store } from '../store.ts';
import { moveStore } from './move-store.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-move-'));
  dirs.push(dir);
  return dir;
};
let sourceDir: string;
let listings: string[];
beforeAll(async () => {
  // A node's real data: the seeds, its accounts, its keys, its queue.
  const node = await startTestNode({}, { keepData: true });
  sourceDir = node.dataDir;
  dirs.push(sourceDir);
  listings = (
    (await node.query('{ initiatives(first: 100) { edges { node { slug } } } }')).body.data.initiatives.edges as Array<{
      node: { slug: string };
    }>
  )
    .map((e) => e.node.slug)
    .sort();
  await node.close();
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function counts(store: Store): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const name of await store.collectionNames()) result[name] = await store.collection(name).countDocuments();
  return result;
}

function describeMove(label: string, openTarget: () => Promise<{ store: Store; startWith: Record<string, string> }>) {
  describe(`move-store: ${label}`, () => {
    it('refuses a target that holds documents, copying nothing', async () => {
      const { store: target } = await openTarget();
      const source = EmbeddedStore.open(sourceDir);
      try {
        await target.collection('initiatives').insertOne({ _id: 'already-there' });
        await expect(moveStore(source, target, { force: false })).rejects.toMatchObject({
          code: 'TARGET_EXISTS',
          message: expect.stringMatching(/initiatives \(1\).*--force/s),
        });
        expect(await counts(target)).toEqual({ initiatives: 1 });
      } finally {
        await source.close();
        await target.close();
      }
    });

    it('copies every collection, with equal counts, and the node serves the same listings from the copy', async () => {
      const { store: target, startWith } = await openTarget();
      const source = EmbeddedStore.open(sourceDir);
      let expected: Record<string, number>;
      try {
        await target.collection('leftover').insertOne({ _id: 'x' });
        const moved = await moveStore(source, target, { force: true, batchSize: 7 });
        expected = await counts(source);
        expect(Object.keys(expected).length).toBeGreaterThanOrEqual(5);
        expect(listings.length).toBeGreaterThan(3);
        expect(Object.fromEntries(moved.map((m) => [m.collection, m.documents]))).toEqual(expected);
        const copied = await counts(target);
        for (const [name, count] of Object.entries(expected)) expect(copied[name], name).toBe(count);
        expect(copied.leftover ?? 0).toBe(0);
        const one = (await source.collection('initiatives').find({}, { limit: 1 }))[0]!;
        expect(await target.collection('initiatives').findOne({ _id: one._id })).toEqual(one);
      } finally {
        await source.close();
        await target.close();
      }
      const node = await startTestNode({ ...startWith, seed: false });
      try {
        const served = (
          (await node.query('{ initiatives(first: 100) { edges { node { slug } } } }')).body.data.initiatives.edges as Array<{
            node: { slug: string };
          }>
        )
          .map((e) => e.node.slug)
          .sort();
        expect(served).toEqual(listings);
      } finally {
        await node.close();
      }
    });
  });
}

describeMove('embedded → embedded', async () => {
  const dir = tempDir();
  return { store: EmbeddedStore.open(dir), startWith: { dataDir: dir } };
});

const mongodbUrl = process.env.MONGODB_URL;
if (mongodbUrl)
  describeMove('embedded → MongoDB (MONGODB_URL)', async () => {
    // A database of its own per test, named in the URL.
    const url = new URL(mongodbUrl);
    url.pathname = `/umn_move_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    return { store: await MongoStore.connect(url.href), startWith: { mongodbUrl: url.href } };
  });
