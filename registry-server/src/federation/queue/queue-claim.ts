// Claiming the next due message of the Fedify queue, atomically, while honouring orderingKey.
// Kept apart from the listener loop because this is where exclusivity and order are decided.
import type { Collection, Doc } from '../../store/store.ts';

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
 * flight, so "no earlier one exists" means same-key messages run one at a time, in order. Only the
 * earliest message of a key is never released, so two listeners cannot starve each other.
 */
export async function claimNextMessage(messages: Collection<QueuedMessageDoc>, now: number, leaseMs: number): Promise<QueuedMessageDoc | null> {
  const blockedKeys: string[] = [];
  for (;;) {
    const claimed = await messages.findOneAndUpdate(
      { runAt: { $lte: now }, leaseUntil: { $lt: now }, ...(blockedKeys.length > 0 ? { orderingKey: { $nin: blockedKeys } } : {}) },
      { $set: { leaseUntil: now + leaseMs }, $inc: { attempts: 1 } },
      { sort: { runAt: 1, seq: 1 } },
    );
    if (claimed == null || claimed.orderingKey == null) return claimed;
    const earlier = await messages.findOne({
      orderingKey: claimed.orderingKey,
      _id: { $ne: claimed._id },
      $or: [{ runAt: { $lt: claimed.runAt } }, { runAt: claimed.runAt, seq: { $lt: claimed.seq } }],
    });
    if (earlier == null) return claimed;
    await messages.updateOne({ _id: claimed._id, leaseUntil: claimed.leaseUntil }, { $set: { leaseUntil: 0 }, $inc: { attempts: -1 } });
    blockedKeys.push(claimed.orderingKey);
  }
}
