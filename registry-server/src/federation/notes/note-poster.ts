// Posts the Notes of the node's actors to their ordinary fediverse followers (ADR 0051), within
// the posting budget: a Note is stored (the actor's outbox) and its Create queued for the
// accounts that follow the actor; partner nodes get the record activities instead
// (federation-bridge.ts), so they are left out. Over the budget, the change is counted into a
// digest posted after the hour. When the record a Note announced is withdrawn, the Note is too:
// its followers hear a Delete (DATA-MODEL privacy rule 5), whatever the budget.
import type { Context } from '@fedify/fedify';
import { logger } from '../../config/logging.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { followerInboxes, queueForFollowers } from '../fanout/follower-deliveries.ts';
import type { StoreMessageQueue } from '../queue/store-message-queue.ts';
import { noteCreateActivity, noteDeleteActivity } from './note-activities.ts';
import type { NoteDraft, NoteSubject } from './note-content.ts';
import { recordPageUrl, textIn } from './note-content.ts';
import { digestNote } from './digest-note.ts';
import type { NoteRepository, StoredNote } from './note-repository.ts';
import type { PostingBudgetRepository } from './posting-budget-repository.ts';

const log = logger('federation', 'notes');

/** A change to a record this soon after the actor's last Note about it posts nothing: the link shows the record as it is now. */
export const RECORD_QUIET_MS = 3_600_000;

export type PostResult = 'posted' | 'unchanged' | 'quiet' | 'deferred';

export class NotePoster {
  readonly #ctx: () => Context<FederationData>;
  readonly #queue: StoreMessageQueue;
  readonly #notes: NoteRepository;
  readonly #budget: PostingBudgetRepository;

  constructor(ctx: () => Context<FederationData>, queue: StoreMessageQueue, notes: NoteRepository, budget: PostingBudgetRepository) {
    this.#ctx = ctx;
    this.#queue = queue;
    this.#notes = notes;
    this.#budget = budget;
  }

  /** Posts `draft` as the actor `identifier` (NODE_ACTOR or an initiative handle), within the budget. */
  async post(identifier: string, draft: NoteDraft): Promise<PostResult> {
    const ctx = this.#ctx();
    const now = ctx.data.services.now();
    if (draft.about) {
      const last = await this.#notes.latestAbout(identifier, draft.about);
      // A recount of fields that changes nothing a follower sees is no news.
      if (last && last.content === draft.content) return 'unchanged';
      if (last && now.getTime() - Date.parse(last.published) < RECORD_QUIET_MS) return 'quiet';
    }
    if (!(await this.#budget.takeForActor(identifier, now))) {
      await this.#budget.defer(identifier, now);
      return 'deferred';
    }
    const inboxes = await followerInboxes(ctx.data, identifier, 'accounts');
    // The node-wide allowance counts only Notes that reach someone: an initiative nobody follows
    // yet (every new listing of an import) fills its own outbox without a delivery.
    if (inboxes.size > 0 && !(await this.#budget.takeForNode(now))) {
      await this.#budget.defer(NODE_ACTOR, now);
      return 'deferred';
    }
    const note = await this.#notes.add(identifier, draft, now.toISOString());
    await this.#deliver(ctx, note);
    return 'posted';
  }

  /** Withdraws every Note about `subject` and queues their Delete; how many were withdrawn. */
  async withdraw(subject: NoteSubject): Promise<number> {
    const ctx = this.#ctx();
    const at = ctx.data.services.now().toISOString();
    const notes = await this.#notes.withdrawAbout(subject, at);
    for (const note of notes) await queueForFollowers(ctx, this.#queue, note.actor, noteDeleteActivity(ctx, note, at), 'accounts');
    if (notes.length) log.info('Withdrew {count} Note(s) about {kind} {id}', { count: notes.length, kind: subject.kind, id: subject.id });
    return notes.length;
  }

  /**
   * Posts the digests whose hour has ended: one Note per actor, standing for every change it held
   * back. An initiative's digest that would pass the node's allowance is counted into the node's
   * own digest instead, so the node posts at most its allowance plus one digest an hour.
   */
  async postDueDigests(): Promise<number> {
    const ctx = this.#ctx();
    const { services } = ctx.data;
    const now = services.now();
    let posted = 0;
    for (const digest of await this.#budget.due(now)) {
      if (!(await this.#budget.claim(digest))) continue;
      const draft = await this.#digestDraft(ctx, digest._id, digest.count);
      if (!draft) continue;
      if (digest._id !== NODE_ACTOR) {
        const inboxes = await followerInboxes(ctx.data, digest._id, 'accounts');
        if (inboxes.size > 0 && !(await this.#budget.takeForNode(now))) {
          await this.#budget.defer(NODE_ACTOR, now, digest.count);
          continue;
        }
      }
      const note = await this.#notes.add(digest._id, draft, now.toISOString(), digest.count);
      await this.#deliver(ctx, note);
      posted++;
    }
    await this.#budget.forgetBefore(now);
    return posted;
  }

  async #digestDraft(ctx: Context<FederationData>, identifier: string, count: number): Promise<NoteDraft | null> {
    const { services } = ctx.data;
    if (identifier === NODE_ACTOR) {
      const node = await services.nodes.findById(services.config.nodeHandle);
      const language = node?.record.defaultLanguages[0] ?? 'en';
      const url = new URL('/search', services.config.publicUrl);
      url.searchParams.set('sort', 'updated');
      return digestNote({ name: textIn(node?.record.name, language) || services.config.nodeHandle, language, count, url: url.href });
    }
    const doc = await services.initiatives.findPublishedById(identifier);
    // Withdrawn since: its changes are nobody's news any more.
    if (!doc || doc.origin.kind !== 'local') return null;
    const language = doc.record.originalLanguage;
    return digestNote({
      name: textIn(doc.record.name, language) || identifier,
      language,
      count,
      url: recordPageUrl(services.config.publicUrl, 'initiative', identifier),
    });
  }

  async #deliver(ctx: Context<FederationData>, note: StoredNote): Promise<void> {
    const queued = await queueForFollowers(ctx, this.#queue, note.actor, noteCreateActivity(ctx, note), 'accounts');
    log.info('Posted Note {id} of {actor} for {count} follower inbox(es)', { id: note._id, actor: note.actor, count: queued });
  }
}
