// What StoreMessageQueue must do on every store adapter: Fedify's own conformance test, then the
// properties the registry relies on (exclusive claims, order per key, redelivery after a crash,
// prompt stop). The embedded run is in store-message-queue.integration.test.ts; the MongoDB run
// happens there whenever MONGODB_URL is set.
import 'temporal-polyfill/global';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { testMessageQueue } from '@fedify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.ts';
import { StoreMessageQueue, type StoreMessageQueueOptions } from './store-message-queue.ts';

export async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

export function describeMessageQueueContract(label: string, open: () => Promise<Store>): void {
  describe(`StoreMessageQueue on ${label}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    /** Queue instances on one fresh collection, like listeners in separate processes. */
    const freshQueues = (options: StoreMessageQueueOptions = {}) => {
      const collection = `mq_${randomUUID().replaceAll('-', '')}`;
      return () => new StoreMessageQueue(store, { collection, ...options });
    };

    it("passes Fedify's testMessageQueue conformance test, ordering keys included", async () => {
      const queue = freshQueues();
      const started = Date.now();
      await testMessageQueue(
        async () => {
          const q = queue();
          await q.ensureIndexes();
          return q;
        },
        ({ controller }) => controller.abort(),
        { testOrderingKey: true },
      );
      expect(Date.now() - started).toBeGreaterThan(3_000); // it waited for the delayed messages
    }, 60_000);

    it('hands each of 200 messages to exactly one of two listeners, never twice at once', async () => {
      const queue = freshQueues({ workers: 4 });
      const [a, b] = [queue(), queue()];
      const seen = new Map<string, number>();
      const inFlight = new Set<string>();
      let overlaps = 0;
      const handler = async (message: unknown) => {
        const id = message as string;
        if (inFlight.has(id)) overlaps++;
        inFlight.add(id);
        seen.set(id, (seen.get(id) ?? 0) + 1);
        await sleep(Math.random() * 3);
        inFlight.delete(id);
      };
      const controller = new AbortController();
      const listening = [a.listen(handler, { signal: controller.signal }), b.listen(handler, { signal: controller.signal })];
      await a.enqueueMany(Array.from({ length: 100 }, (_, i) => `m${i}`));
      for (let i = 100; i < 200; i++) await b.enqueue(`m${i}`);
      await waitFor(() => seen.size === 200);
      await sleep(100); // room for a duplicate to show up
      controller.abort();
      await Promise.all(listening);
      expect([...seen.values()].every((count) => count === 1)).toBe(true);
      expect(seen.size).toBe(200);
      expect(overlaps).toBe(0);
      expect(await a.getDepth()).toEqual({ queued: 0, ready: 0, delayed: 0 });
    });

    it('runs messages with the same orderingKey one at a time, in order, across listeners', async () => {
      const queue = freshQueues({ workers: 3 });
      const [a, b] = [queue(), queue()];
      const order: Record<string, number[]> = { k0: [], k1: [], k2: [] };
      const active = new Set<string>();
      let overlaps = 0;
      const handler = async (message: unknown) => {
        const { key, n } = message as { key: string; n: number };
        if (active.has(key)) overlaps++;
        active.add(key);
        await sleep(Math.random() * 4);
        order[key]!.push(n);
        active.delete(key);
      };
      const controller = new AbortController();
      const listening = [a.listen(handler, { signal: controller.signal }), b.listen(handler, { signal: controller.signal })];
      for (let n = 0; n < 20; n++) {
        for (const key of Object.keys(order)) await (n % 2 ? a : b).enqueue({ key, n }, { orderingKey: key });
      }
      await waitFor(() => Object.values(order).every((list) => list.length === 20), 20_000);
      controller.abort();
      await Promise.all(listening);
      const expected = Array.from({ length: 20 }, (_, n) => n);
      expect(order).toEqual({ k0: expected, k1: expected, k2: expected });
      expect(overlaps).toBe(0);
    });

    it('keeps the enqueue order of same-key messages two processes enqueue in the same millisecond', async () => {
      // One frozen clock: every message has the same runAt, and each instance's own counter
      // would give the two instances' messages equal seqs.
      const queue = freshQueues({ now: () => 1_800_000_000_000, pollIntervalMs: 5 });
      const [a, b] = [queue(), queue()];
      const order: number[] = [];
      let running = 0;
      let overlaps = 0;
      const handler = async (message: unknown) => {
        if (running++ > 0) overlaps++;
        await sleep(1);
        order.push((message as { n: number }).n);
        running--;
      };
      for (let n = 0; n < 12; n++) await (n % 2 ? a : b).enqueue({ n }, { orderingKey: 'inbox' });
      const controller = new AbortController();
      const listening = [a.listen(handler, { signal: controller.signal }), b.listen(handler, { signal: controller.signal })];
      await waitFor(() => order.length === 12);
      controller.abort();
      await Promise.all(listening);
      expect(order).toEqual(Array.from({ length: 12 }, (_, n) => n));
      expect(overlaps).toBe(0);
    });

    it('delivers a message again after the lease of a listener that died mid-handler', async () => {
      const clock = { offset: 0 };
      const queue = freshQueues({ leaseMs: 5_000, now: () => Date.now() + clock.offset });
      const dying = queue();
      await dying.enqueue({ type: 'fanout', inboxes: ['https://b.example/inbox'] });
      const dead = new AbortController();
      let startedOnDying = 0;
      const dyingListen = dying.listen(
        () => {
          startedOnDying++;
          return new Promise<void>(() => {}); // never finishes: the process "dies" here
        },
        { signal: dead.signal },
      );
      await waitFor(() => startedOnDying === 1);
      dead.abort();
      await dyingListen;
      expect(await dying.getDepth()).toEqual({ queued: 0, ready: 0, delayed: 0 }); // still leased

      const restarted = queue();
      const received: unknown[] = [];
      const alive = new AbortController();
      const listening = restarted.listen((message) => void received.push(message), { signal: alive.signal });
      await sleep(300);
      expect(received).toEqual([]); // the lease still holds
      clock.offset += 5_001;
      await waitFor(() => received.length === 1);
      alive.abort();
      await listening;
      expect(received).toEqual([{ type: 'fanout', inboxes: ['https://b.example/inbox'] }]);
      expect(await restarted.getDepth()).toEqual({ queued: 0, ready: 0, delayed: 0 });
    });

    it('renews the lease while a slow handler runs, so no other listener takes the message', async () => {
      const queue = freshQueues({ leaseMs: 150 });
      const [a, b] = [queue(), queue()];
      let runs = 0;
      const handler = async () => {
        runs++;
        await sleep(600);
      };
      const controller = new AbortController();
      const listening = [a.listen(handler, { signal: controller.signal }), b.listen(handler, { signal: controller.signal })];
      await a.enqueue('slow');
      await waitFor(() => runs === 1);
      await sleep(900);
      controller.abort();
      await Promise.all(listening);
      expect(runs).toBe(1);
    });

    it('holds delayed messages until due and reports depth', async () => {
      const clock = { offset: 0 };
      const q = freshQueues({ now: () => Date.now() + clock.offset })();
      await q.enqueue('later', { delay: Temporal.Duration.from({ minutes: 5 }) });
      await q.enqueue('now');
      expect(await q.getDepth()).toEqual({ queued: 2, ready: 1, delayed: 1 });
      const received: unknown[] = [];
      const controller = new AbortController();
      const listening = q.listen((m) => void received.push(m), { signal: controller.signal });
      await waitFor(() => received.length === 1);
      await sleep(200);
      expect(received).toEqual(['now']);
      clock.offset += 5 * 60_000;
      await waitFor(() => received.length === 2);
      controller.abort();
      await listening;
      expect(received).toEqual(['now', 'later']);
    });

    it('logs and drops a message whose handler throws, and keeps listening', async () => {
      const q = freshQueues()();
      const received: unknown[] = [];
      const controller = new AbortController();
      const listening = q.listen(
        (m) => {
          if (m === 'bad') throw new Error('boom');
          received.push(m);
        },
        { signal: controller.signal },
      );
      await q.enqueueMany(['bad', 'good']);
      await waitFor(() => received.length === 1);
      await sleep(50);
      controller.abort();
      await listening;
      expect(received).toEqual(['good']);
      expect(await q.getDepth()).toEqual({ queued: 0, ready: 0, delayed: 0 });
    });

    it('wakes at once on a local enqueue and stops at once on abort, despite a long poll interval', async () => {
      const q = freshQueues({ pollIntervalMs: 60_000 })();
      const received: unknown[] = [];
      const controller = new AbortController();
      const listening = q.listen((m) => void received.push(m), { signal: controller.signal });
      await sleep(50);
      let t = Date.now();
      await q.enqueue('ping');
      await waitFor(() => received.length === 1, 1_000);
      expect(Date.now() - t).toBeLessThan(500);
      t = Date.now();
      controller.abort();
      await listening;
      expect(Date.now() - t).toBeLessThan(250);
    });
  });
}
