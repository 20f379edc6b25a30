import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EmbeddedStore } from './embedded/embedded-store.ts';
import { WriteCountingStore } from './write-counting-store.ts';

it('counts writes to watched collections only, and leaves reads alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-count-'));
  const store = new WriteCountingStore(EmbeddedStore.open(dir), ['initiatives']);
  const initiatives = store.collection('initiatives');
  await initiatives.insertOne({ _id: 'a' });
  await initiatives.updateOne({ _id: 'a' }, { $set: { x: 1 } });
  expect(store.generation).toBe(2);
  await initiatives.find({});
  await store.collection('other').insertOne({ _id: 'b' });
  expect(store.generation).toBe(2);
  await initiatives.deleteOne({ _id: 'a' });
  expect(store.generation).toBe(3);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
