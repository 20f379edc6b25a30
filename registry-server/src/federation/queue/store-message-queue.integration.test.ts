// StoreMessageQueue on the embedded store (always) and on MongoDB (when MONGODB_URL is set), plus
// what only a real file shows: queued messages survive a restart and a kill -9 mid-delivery.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { EmbeddedStore } from '../../store/embedded/embedded-store.ts';
import { MongoStore } from '../../store/mongodb/mongodb-store.ts';
import { describeMessageQueueContract, waitFor } from './message-queue.contract.ts';
import { StoreMessageQueue } from './store-message-queue.ts';

const contractDir = mkdtempSync(join(tmpdir(), 'umn-mq-'));
afterAll(() => rmSync(contractDir, { recursive: true, force: true }));
describeMessageQueueContract('the embedded store', async () => EmbeddedStore.open(contractDir));

const url = process.env.MONGODB_URL;
if (url) describeMessageQueueContract('MongoDB', () => MongoStore.connect(url));

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-mq-durable-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Listens on a store until `count` messages arrived, then stops. */
async function drain(store: EmbeddedStore, count: number, leaseMs?: number): Promise<number[]> {
  const queue = new StoreMessageQueue(store, leaseMs ? { leaseMs } : {});
  const received: number[] = [];
  const controller = new AbortController();
  const listening = queue.listen((m) => void received.push((m as { n: number }).n), { signal: controller.signal });
  await waitFor(() => received.length >= count, 15_000);
  controller.abort();
  await listening;
  return received;
}

describe('StoreMessageQueue durability on the embedded store', () => {
  it('keeps queued messages, delayed ones included, across closing and reopening the store', async () => {
    const dir = tempDir();
    const first = EmbeddedStore.open(dir);
    const queue = new StoreMessageQueue(first);
    await queue.ensureIndexes();
    await queue.enqueueMany([{ n: 1 }, { n: 2 }]);
    await queue.enqueue({ n: 3 }, { delay: Temporal.Duration.from({ milliseconds: 300 }) });
    await first.close();

    const second = EmbeddedStore.open(dir);
    expect((await drain(second, 3)).sort()).toEqual([1, 2, 3]);
    expect(await new StoreMessageQueue(second).getDepth()).toEqual({ queued: 0, ready: 0, delayed: 0 });
    await second.close();
  });

  it('delivers everything after a listener is killed with SIGKILL in the middle of a handler', async () => {
    const dir = tempDir();
    const setup = EmbeddedStore.open(dir);
    await new StoreMessageQueue(setup).enqueueMany(Array.from({ length: 30 }, (_, n) => ({ n })));
    await setup.close();

    const leaseMs = 400;
    const child = spawn(process.execPath, [join(import.meta.dirname, 'kill-listener.fixture.ts'), dir, String(leaseMs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new Set<number>();
    const done = new Set<number>();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`listener too slow; stderr: ${stderr}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const [event, n] = line.split(' ');
          (event === 'start' ? started : done).add(Number(n));
        }
        // Kill it while a handler has started and not finished.
        if (done.size >= 10 && started.size > done.size) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.once('close', resolve));
    const interrupted = [...started].filter((n) => !done.has(n));
    expect(interrupted.length).toBeGreaterThan(0);

    const restarted = EmbeddedStore.open(dir);
    const redelivered = await drain(restarted, 30 - done.size, leaseMs);
    await restarted.close();
    // Every message finished before the kill is gone; all the others, the interrupted one included, arrive now.
    expect(new Set([...done, ...redelivered]).size).toBe(30);
    expect(redelivered.filter((n) => done.has(n))).toEqual([]);
    expect(redelivered).toEqual(expect.arrayContaining(interrupted));
  });
});

describe('StoreMessageQueue idle listeners', () => {
  it('lets one idle listener poll while the others sleep, and wakes them for work', async () => {
    const store = EmbeddedStore.open(tempDir());
    const queue = new StoreMessageQueue(store, { workers: 8, pollIntervalMs: 47 });
    // Poll timers are the listeners' idle wake-ups (47 ms: no other timer of the test uses it).
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const polls = () => timers.mock.calls.filter(([, ms]) => ms === 47).length;
    const running = new Set<number>();
    let parallel = 0;
    const controller = new AbortController();
    const listening = queue.listen(
      async (m) => {
        running.add((m as { n: number }).n);
        parallel = Math.max(parallel, running.size);
        await new Promise((resolve) => setTimeout(resolve, 100));
        running.delete((m as { n: number }).n);
      },
      { signal: controller.signal },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Eight listeners each waking every 47 ms would set about 170 timers in a second.
      expect(polls()).toBeLessThan(40);
      // Work arriving wakes the sleeping listeners: eight messages are handled side by side.
      await queue.enqueueMany(Array.from({ length: 8 }, (_, n) => ({ n })));
      await waitFor(() => parallel === 8, 5_000);
    } finally {
      timers.mockRestore();
      controller.abort();
      await listening;
      await store.close();
    }
  });
});
