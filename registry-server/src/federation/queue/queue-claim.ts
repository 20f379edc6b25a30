// Claiming the next due message of the Fedify queue, atomically, while honouring orderingKey.
// Kept apart from the listener loop because this is where exclusivity and order are decided.
import type { Collection, Doc } from '../../store/store.ts';
import type { QueueHints } from './queue-hints.ts';

export interface QueuedMessageDoc extends Doc {
  /** The message as JSON text: inbox messages carry remote JSON whose keys MongoDB may refuse as field names. */
  messageJson: string;
  /** Epoch ms from which the message may be handled (enqueue time + delay). */
  runAt: number;
  /** Enqueue order within a process, breaking runAt ties. */
  seq: number;
  orderingKey: string | null;
  /** Epoch ms until which a listener holds the message; 0 when free. */
  leaseUntil: number;
  attempts: number;
  enqueuedAt: number;
}

/**
 * Leases the first due, free message (by runAt, then enqueue order) and returns it, or null.
 *
 * findOneAndUpdate is atomic on both adapters, so two listeners never hold the same message. A
 * message with an orderingKey is only kept if no earlier message with that key still exists (in
 * any state: waiting, leased, or leased by a process that died); otherwise it is released and the
 * key is skipped for this claim. Within one clock a new message always sorts after the ones in
 * flight (and enqueue reads the key's latest seq, for other processes), so "no earlier one
 * exists" means same-key messages run one at a time, in order; `_id` breaks a remaining tie. Only the
 * earliest message of a key is never released, so two listeners cannot starve each other.
 *
 * Leases are written with the `relaxed` durability class (store.ts, ADR 0008): a lease lost to an
 * OS crash only lets the message be claimed again after the restart, which at-least-once
 * delivery already allows.
 */
export async function claimNextMessage(
  messages: Collection<QueuedMessageDoc>,
  now: number,
  leaseMs: number,
  hints?: QueueHints,
): Promise<QueuedMessageDoc | null> {
  const blockedKeys: string[] = [];
  const candidates = hints ? hints.available(now, 64) : null;
  for (;;) {
    let claimed: QueuedMessageDoc | null;
    const lease = { $set: { leaseUntil: now + leaseMs }, $inc: { attempts: 1 } };
    const notBlocked = blockedKeys.length > 0 ? { orderingKey: { $nin: blockedKeys } } : {};
    if (candidates) {
      // Known candidates, earliest first, claimed by id: no scan of the queue.
      const hint = candidates.shift();
      if (!hint) return null;
      // Reserved since the list was copied: another listener of this process is claiming it.
      if (!hints!.reserve(hint.id)) continue;
      try {
        claimed = await messages.findOneAndUpdate({ _id: hint.id, runAt: { $lte: now }, leaseUntil: { $lt: now }, ...notBlocked }, lease, {
          durability: 'relaxed',
        });
      } catch (error) {
        // A reservation left behind would keep this process from ever claiming the message.
        hints!.release(hint.id);
        throw error;
      }
      if (claimed == null) {
        hints!.release(hint.id);
        // Handled already, or held by another listener (a refill finds it again if its lease lapses).
        if (!(await messages.findOne({ _id: hint.id, leaseUntil: { $lt: now } }, { projection: { _id: 1 } }))) hints!.remove(hint.id);
        continue;
      }
    } else {
      claimed = await messages.findOneAndUpdate({ runAt: { $lte: now }, leaseUntil: { $lt: now }, ...notBlocked }, lease, {
        sort: { runAt: 1, seq: 1 },
        durability: 'relaxed',
      });
    }
    if (claimed == null || claimed.orderingKey == null) return claimed;
    const claimedId = claimed._id;
    const earlier = await messages
      .findOne({
        orderingKey: claimed.orderingKey,
        _id: { $ne: claimed._id },
        // The _id breaks a (runAt, seq) tie, so exactly one of two tied messages comes first.
        $or: [
          { runAt: { $lt: claimed.runAt } },
          { runAt: claimed.runAt, seq: { $lt: claimed.seq } },
          { runAt: claimed.runAt, seq: claimed.seq, _id: { $lt: claimed._id } },
        ],
      })
      .catch((error: unknown) => {
        // Held by nobody once its lease lapses: let this process claim it again then.
        hints?.release(claimedId);
        throw error;
      });
    if (earlier == null) return claimed;
    await messages
      .updateOne(
        { _id: claimedId, leaseUntil: claimed.leaseUntil },
        { $set: { leaseUntil: 0 }, $inc: { attempts: -1 } },
        { durability: 'relaxed' },
      )
      .finally(() => hints?.release(claimedId));
    blockedKeys.push(claimed.orderingKey);
  }
}

/** Adds to `hints` the free messages of the store, earliest first (the one sorted scan). */
export async function refillHints(messages: Collection<QueuedMessageDoc>, hints: QueueHints, now: number, limit = 2_000): Promise<void> {
  const free = await messages.find(
    { leaseUntil: { $lt: now } },
    { sort: { runAt: 1, seq: 1 }, limit, projection: { _id: 1, runAt: 1, seq: 1 } },
  );
  for (const m of free) hints.add({ id: m._id, runAt: m.runAt, seq: m.seq });
}
