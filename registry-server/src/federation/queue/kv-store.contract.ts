// What StoreKvStore must do on every store adapter. The embedded run is in
// store-kv-store.integration.test.ts; the MongoDB run happens there whenever MONGODB_URL is set.
import 'temporal-polyfill/global';
import { randomUUID } from 'node:crypto';
import type { KvKey } from '@fedify/fedify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.ts';
import { StoreKvStore } from './store-kv-store.ts';

export function describeKvStoreContract(label: string, open: () => Promise<Store>): void {
  describe(`StoreKvStore on ${label}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    /** A KV store on a fresh collection with a clock the test moves by hand. */
    const fresh = async (sweepIntervalMs?: number) => {
      const clock = { now: 1_800_000_000_000 };
      const collection = `kv_${randomUUID().replaceAll('-', '')}`;
      const kv = new StoreKvStore(store, { collection, now: () => clock.now, ...(sweepIntervalMs ? { sweepIntervalMs } : {}) });
      await kv.ensureIndexes();
      return { kv, clock, docs: store.collection(collection) };
    };
    const all = async (kv: StoreKvStore, prefix?: KvKey) => {
      const out: Array<{ key: KvKey; value: unknown }> = [];
      for await (const entry of kv.list(prefix)) out.push({ key: entry.key, value: entry.value });
      return out.sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
    };

    it('gets, sets, overwrites and deletes JSON values', async () => {
      const { kv } = await fresh();
      expect(await kv.get(['missing'])).toBeUndefined();
      const doc = {
        '@context': 'https://www.w3.org/ns/activitystreams',
        'http://joinmastodon.org/ns#x': [1, null, { $weird: true }],
        n: 1.5,
      };
      await kv.set(['_fedify', 'remoteDocument', 'https://a.example/x'], doc);
      expect(await kv.get(['_fedify', 'remoteDocument', 'https://a.example/x'])).toEqual(doc);
      await kv.set(['s'], 'text');
      await kv.set(['s'], 42);
      expect(await kv.get(['s'])).toBe(42);
      await kv.set(['null'], null);
      expect(await kv.get(['null'])).toBeNull();
      await kv.delete(['s']);
      expect(await kv.get(['s'])).toBeUndefined();
      await kv.delete(['never-there']);
      // Keys whose segments would collide if naively joined stay distinct.
      await kv.set(['a', 'b'], 1);
      await kv.set(['a/b'], 2);
      await kv.set(['a,b'], 3);
      expect([await kv.get(['a', 'b']), await kv.get(['a/b']), await kv.get(['a,b'])]).toEqual([1, 2, 3]);
    });

    it('hands out copies: changing a returned value does not change the stored one', async () => {
      const { kv } = await fresh();
      await kv.set(['k'], { list: [1] });
      const first = await kv.get<{ list: number[] }>(['k']);
      first!.list.push(2);
      expect(await kv.get(['k'])).toEqual({ list: [1] });
    });

    it('expires entries after their ttl', async () => {
      const { kv, clock } = await fresh();
      await kv.set(['t'], 'short', { ttl: Temporal.Duration.from({ seconds: 10 }) });
      await kv.set(['forever'], 'long');
      clock.now += 9_999;
      expect(await kv.get(['t'])).toBe('short');
      clock.now += 1;
      expect(await kv.get(['t'])).toBeUndefined();
      expect(await all(kv)).toEqual([{ key: ['forever'], value: 'long' }]);
      // A new set() starts a fresh life for the key.
      await kv.set(['t'], 'again', { ttl: Temporal.Duration.from({ minutes: 1 }) });
      expect(await kv.get(['t'])).toBe('again');
    });

    it('sweeps expired entries nobody reads again, on a later write', async () => {
      const { kv, clock, docs } = await fresh(60_000);
      await kv.set(['idem', '1'], true, { ttl: Temporal.Duration.from({ seconds: 1 }) });
      await kv.set(['idem', '2'], true, { ttl: Temporal.Duration.from({ seconds: 1 }) });
      clock.now += 61_000;
      await kv.set(['idem', '3'], true, { ttl: Temporal.Duration.from({ hours: 1 }) });
      expect((await docs.find({})).map((d) => d._id)).toEqual([JSON.stringify(['idem', '3'])]);
    });

    it('lists by key prefix, or everything without one, skipping expired entries', async () => {
      const { kv, clock } = await fresh();
      await kv.set(['_fedify', 'publicKey', 'a'], 1);
      await kv.set(['_fedify', 'publicKey', 'b'], 2);
      await kv.set(['_fedify', 'circuit', 'a'], 3);
      await kv.set(['_fedify', 'publicKey', 'gone'], 4, { ttl: Temporal.Duration.from({ seconds: 1 }) });
      await kv.set(['other'], 5);
      clock.now += 2_000;
      expect(await all(kv, ['_fedify', 'publicKey'])).toEqual([
        { key: ['_fedify', 'publicKey', 'a'], value: 1 },
        { key: ['_fedify', 'publicKey', 'b'], value: 2 },
      ]);
      expect((await all(kv, ['_fedify'])).map((e) => e.value)).toEqual([3, 1, 2]);
      expect(await all(kv, ['_fedify', 'publicKey', 'a'])).toEqual([{ key: ['_fedify', 'publicKey', 'a'], value: 1 }]);
      expect(await all(kv, ['nothing'])).toEqual([]);
      expect((await all(kv)).map((e) => e.value)).toEqual([3, 1, 2, 5]);
    });

    it('compares and swaps: succeeds only on the expected value, whatever its key order', async () => {
      const { kv } = await fresh();
      await kv.set(['c'], { state: 'closed', failures: 0 });
      expect(await kv.cas(['c'], { state: 'open', failures: 0 }, { state: 'half' })).toBe(false);
      expect(await kv.get(['c'])).toEqual({ state: 'closed', failures: 0 });
      expect(await kv.cas(['c'], { failures: 0, state: 'closed' }, { state: 'open', failures: 1 })).toBe(true);
      expect(await kv.get(['c'])).toEqual({ state: 'open', failures: 1 });
      // Undefined as the expected value means "absent".
      expect(await kv.cas(['c'], undefined, 'x')).toBe(false);
      expect(await kv.cas(['new'], undefined, 'first')).toBe(true);
      expect(await kv.cas(['new'], undefined, 'second')).toBe(false);
      expect(await kv.get(['new'])).toBe('first');
      // Undefined as the new value removes the entry.
      expect(await kv.cas(['new'], 'first', undefined)).toBe(true);
      expect(await kv.get(['new'])).toBeUndefined();
    });

    it('treats an expired entry as absent in cas, and gives a ttl to the new value', async () => {
      const { kv, clock } = await fresh();
      await kv.set(['c'], 'old', { ttl: Temporal.Duration.from({ seconds: 1 }) });
      expect(await kv.cas(['c'], 'old', 'new')).toBe(true);
      await kv.set(['c'], 'old', { ttl: Temporal.Duration.from({ seconds: 1 }) });
      clock.now += 1_000;
      expect(await kv.cas(['c'], 'old', 'new')).toBe(false);
      expect(await kv.cas(['c'], undefined, 'fresh', { ttl: Temporal.Duration.from({ seconds: 5 }) })).toBe(true);
      clock.now += 5_000;
      expect(await kv.get(['c'])).toBeUndefined();
    });

    it('lets exactly one of many concurrent cas calls win', async () => {
      const { kv } = await fresh();
      await kv.set(['counter'], 0);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => kv.cas(['counter'], 0, i + 1)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const inserts = await Promise.all(Array.from({ length: 20 }, (_, i) => kv.cas(['fresh'], undefined, i)));
      expect(inserts.filter(Boolean)).toHaveLength(1);
    });

    it('refuses values JSON cannot hold', async () => {
      const { kv } = await fresh();
      await expect(kv.set(['f'], () => 1)).rejects.toBeInstanceOf(TypeError);
    });
  });
}
