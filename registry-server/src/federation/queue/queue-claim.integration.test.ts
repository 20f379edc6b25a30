// Claims on a real embedded store: listeners of one process that claim at the same moment each
// get a different message, without trying the ones their neighbours are claiming.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../store/embedded/embedded-store.ts';
import type { Collection } from '../../store/store.ts';
import { claimNextMessage, refillHints, type QueuedMessageDoc } from './queue-claim.ts';
import { QueueHints } from './queue-hints.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `test` on the queue collection of a fresh embedded store holding `count` due messages. */
async function withQueue(
  count: number,
  test: (messages: Collection<QueuedMessageDoc>, now: number, hints: QueueHints) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'umn-claim-'));
  dirs.push(dir);
  const store = EmbeddedStore.open(dir);
  try {
    const messages = store.collection<QueuedMessageDoc>('fedifyQueue');
    const now = Date.now();
    await messages.insertMany(
      Array.from({ length: count }, (_, i) => ({
        _id: `m${i}`,
        messageJson: '{}',
        runAt: now - 1000,
        seq: i,
        orderingKey: null,
        leaseUntil: 0,
        attempts: 0,
        enqueuedAt: now,
      })),
    );
    const hints = new QueueHints();
    await refillHints(messages, hints, now);
    await test(messages, now, hints);
  } finally {
    await store.close();
  }
}

describe('claimNextMessage with hints', () => {
  it('gives 16 simultaneous listeners 16 different messages with one claim each', async () => {
    await withQueue(20, async (messages, now, hints) => {
      let attempts = 0;
      const findOneAndUpdate = messages.findOneAndUpdate.bind(messages);
      messages.findOneAndUpdate = (...args) => {
        attempts++;
        return findOneAndUpdate(...args);
      };
      const claimed = await Promise.all(Array.from({ length: 16 }, () => claimNextMessage(messages, now, 60_000, hints)));
      const ids = claimed.map((m) => m?._id);
      expect(new Set(ids).size).toBe(16);
      expect(ids).toEqual(Array.from({ length: 16 }, (_, i) => `m${i}`));
      expect(attempts).toBe(16);
      // The four left are still there for the next claims.
      expect(hints.available(now, 64).map((h) => h.id)).toEqual(['m16', 'm17', 'm18', 'm19']);
    });
  });

  it('gives a message back to the other listeners when its claim fails with an error', async () => {
    await withQueue(1, async (messages, now, hints) => {
      const findOneAndUpdate = messages.findOneAndUpdate.bind(messages);
      messages.findOneAndUpdate = () => Promise.reject(new Error('the store is unreachable'));
      await expect(claimNextMessage(messages, now, 60_000, hints)).rejects.toThrow('unreachable');
      messages.findOneAndUpdate = findOneAndUpdate;
      expect((await claimNextMessage(messages, now, 60_000, hints))?._id).toBe('m0');
    });
  });
});
