// How often the node's actors may post Notes (ADR 0051): a city importing a thousand listings
// must not put a thousand posts in its followers' timelines. Fixed clock-hour windows, counted
// in the store with an atomic increment, so web and worker processes sharing one MongoDB share
// the count: per actor at most ACTOR_NOTES_PER_HOUR Notes, and for the whole node at most
// NODE_NOTES_PER_HOUR Notes that reach a follower. Whatever is over goes into a digest: a
// count per actor, posted as one Note after the hour (posting-budget's owner, note-poster.ts).
import type { Collection, Doc, Store } from '../../store/store.ts';

/** Notes one actor posts in a clock hour before the rest waits for its digest. */
export const ACTOR_NOTES_PER_HOUR = 5;
/** Notes reaching followers the whole node posts in a clock hour (digests aside). */
export const NODE_NOTES_PER_HOUR = 20;
/** The node-wide window's key (initiative handles cannot start with "_"). */
const NODE_SCOPE = '_all';
const HOUR_MS = 3_600_000;

type Window = Doc & { count: number; window: string };
export type PendingDigest = Doc & { count: number; since: string };

/** The start of the clock hour holding `at`, as an ISO timestamp. */
export function hourOf(at: Date): string {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS).toISOString();
}

export class PostingBudgetRepository {
  readonly #windows: Collection<Window>;
  readonly #digests: Collection<PendingDigest>;

  constructor(store: Store) {
    this.#windows = store.collection<Window>('fediversePostingWindows');
    this.#digests = store.collection<PendingDigest>('fediverseDigests');
  }

  async ensureIndexes(): Promise<void> {
    await this.#windows.createIndex({ window: 1 });
  }

  /** Takes one Note from `actor`'s allowance for the hour of `at`; false when it is used up. */
  takeForActor(actor: string, at: Date): Promise<boolean> {
    return this.#take(actor, at, ACTOR_NOTES_PER_HOUR);
  }

  /** Takes one Note from the node's allowance for the hour of `at`; false when it is used up. */
  takeForNode(at: Date): Promise<boolean> {
    return this.#take(NODE_SCOPE, at, NODE_NOTES_PER_HOUR);
  }

  async #take(scope: string, at: Date, limit: number): Promise<boolean> {
    const window = hourOf(at);
    const counted = await this.#windows.findOneAndUpdate(
      { _id: `${scope}|${window}` },
      { $inc: { count: 1 }, $setOnInsert: { window } },
      { upsert: true, returnDocument: 'after' },
    );
    return (counted?.count ?? Infinity) <= limit;
  }

  /** Counts `count` more changes of `actor` into its next digest. */
  async defer(actor: string, at: Date, count = 1): Promise<void> {
    await this.#digests.updateOne({ _id: actor }, { $inc: { count }, $setOnInsert: { since: hourOf(at) } }, { upsert: true });
  }

  /** Digests whose hour has ended by `at`: they may be posted now. */
  due(at: Date): Promise<PendingDigest[]> {
    return this.#digests.find({ since: { $lt: hourOf(at) } }, { sort: { since: 1, _id: 1 } });
  }

  /**
   * Claims the digest as read: true for exactly one caller, and only if nothing was added since
   * it was read (otherwise it waits for the next round, with the later changes counted in).
   */
  async claim(digest: PendingDigest): Promise<boolean> {
    return (await this.#digests.deleteOne({ _id: digest._id, count: digest.count })) === 1;
  }

  /** Forgets the counters of hours long gone. */
  async forgetBefore(at: Date): Promise<void> {
    await this.#windows.deleteMany({ window: { $lt: hourOf(new Date(at.getTime() - HOUR_MS)) } });
  }
}
