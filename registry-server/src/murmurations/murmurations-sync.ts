// Keeps the Murmurations index in step with the profiles this node serves (ADR 0050). It reacts to
// domain events: a record published, changed, unpublished, deleted or expired marks its profile
// as changed in a store collection (durable: a restart or a crash loses nothing), and a loop then
// reconciles each changed profile with the index:
// - the profile is served and differs from what the index last fetched: POST {profile_url}, so
//   the index fetches it (again);
// - it is no longer served (its URL answers 404 already, since the record left the public answers
//   before the event was emitted) and the index holds it: DELETE /nodes/{node_id}, which the
//   index accepts only once the URL answers 404;
// - otherwise nothing is sent.
// A failure is retried with exponential backoff and given up after a bounded number of attempts
// (shown in the status view; the next change tries again). A slow, failing or hostile index
// never reaches a local action: the event listener only writes a mark, and requests go out from
// the loop, one at a time, each bounded in time.
import type { DomainEvent, DomainEvents } from '../events/domain-events.ts';
import { logger } from '../config/logging.ts';
import type { MurmurationsIndexClient } from './murmurations-index-client.ts';
import { nodeIdOf, profileHash, type MurmurationsProfileReader, type ProfileTarget } from './murmurations-profile-reader.ts';
import type { MurmurationsRegistrationRepository, RegistrationDoc } from './murmurations-registration-repository.ts';

const log = logger('murmurations');

export interface MurmurationsSyncOptions {
  /** First retry delay; doubled at each failure up to `maxRetryMs`. */
  retryBaseMs: number;
  maxRetryMs: number;
  /** Failures after which a profile is left alone until it changes again. */
  maxAttempts: number;
  /** Pause between two requests to the index: a thousand imported records make no burst. */
  spacingMs: number;
  /** How long a process holds a claimed registration; longer than a request's timeout. */
  leaseMs: number;
  /** How often an idle loop looks for due work (others' marks, retries falling due). */
  pollMs: number;
}

export const SYNC_DEFAULTS: MurmurationsSyncOptions = {
  retryBaseMs: 30_000,
  maxRetryMs: 6 * 3_600_000,
  maxAttempts: 12,
  spacingMs: 500,
  leaseMs: 60_000,
  pollMs: 5_000,
};

export interface MurmurationsSyncDeps {
  registrations: MurmurationsRegistrationRepository;
  reader: MurmurationsProfileReader;
  client: MurmurationsIndexClient;
  now: () => Date;
  options?: Partial<MurmurationsSyncOptions>;
}

export class MurmurationsSync {
  readonly #registrations: MurmurationsRegistrationRepository;
  readonly #reader: MurmurationsProfileReader;
  readonly #client: MurmurationsIndexClient;
  readonly #now: () => Date;
  readonly #options: MurmurationsSyncOptions;
  #running = false;
  #wake: (() => void) | null = null;
  #loop: Promise<void> | null = null;
  /** Marks being written, so settled() waits for them. */
  readonly #marking = new Set<Promise<void>>();

  constructor(deps: MurmurationsSyncDeps) {
    this.#registrations = deps.registrations;
    this.#reader = deps.reader;
    this.#client = deps.client;
    this.#now = deps.now;
    this.#options = { ...SYNC_DEFAULTS, ...deps.options };
  }

  /** Reacts to the events that change what a profile says, or whether it is served. */
  subscribe(events: DomainEvents): () => void {
    return events.subscribe((event) => {
      const marking = this.#onEvent(event).finally(() => this.#marking.delete(marking));
      this.#marking.add(marking);
      return marking;
    });
  }

  async #onEvent(event: DomainEvent): Promise<void> {
    if (event.type === 'node.profileUpdated') return this.mark({ kind: 'node', handle: event.handle });
    if (
      event.type !== 'record.published' &&
      event.type !== 'record.updated' &&
      event.type !== 'record.unpublished' &&
      event.type !== 'record.deleted' &&
      event.type !== 'record.expired'
    )
      return;
    if (event.kind === 'marketRecord') return this.mark({ kind: 'marketRecord', handle: event.id });
    if (event.kind !== 'initiative') return;
    await this.mark({ kind: 'initiative', handle: event.id });
    // Its needs and openings are public only while it is: they come and go with it.
    for (const handle of await this.#reader.marketRecordsOf(event.id)) await this.mark({ kind: 'marketRecord', handle });
  }

  /** Marks a profile as changed; the loop reconciles it with the index soon after. */
  async mark(target: ProfileTarget): Promise<void> {
    const url = this.#reader.profileUrl(target);
    await this.#registrations.markChanged(url, nodeIdOf(url), target, this.#now().getTime());
    this.#wake?.();
  }

  /**
   * Marks every profile whose state the index may not know: served ones it never fetched or
   * fetched in another version (records seeded or changed while the node was stopped or the index
   * unset), and registered ones no longer served. Returns how many were marked.
   */
  async catchUp(): Promise<number> {
    const known = new Map((await this.#registrations.all()).map((doc) => [doc._id, doc]));
    const served = new Set<string>();
    let marked = 0;
    for await (const { target, profile } of this.#reader.allServed()) {
      const url = this.#reader.profileUrl(target);
      served.add(url);
      const doc = known.get(url);
      if (doc?.changed && !doc.gaveUp) continue;
      if (!doc || !doc.registered || doc.postedHash !== profileHash(profile)) {
        await this.mark(target);
        marked++;
      }
    }
    for (const doc of known.values())
      if (doc.registered && !served.has(doc._id) && !(doc.changed && !doc.gaveUp)) {
        await this.mark(doc.target);
        marked++;
      }
    if (marked) log.info('Murmurations: {count} profile(s) to tell the index about', { count: marked });
    return marked;
  }

  /** Starts the loop (in the process that delivers), after a catch-up. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    await Promise.allSettled([...this.#marking]);
  }

  /** Resolves once no due work is left (tests; `umn`-style tools). */
  async settled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await Promise.allSettled([...this.#marking]);
      const next = await this.#registrations.nextDue();
      if (next === null || next > this.#now().getTime()) return;
      if (Date.now() > deadline) throw new Error('Murmurations sync did not settle in time');
      this.#wake?.();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async #run(): Promise<void> {
    try {
      await this.catchUp();
    } catch (error) {
      log.error('Murmurations: could not compare the served profiles with the index: {error}', { error });
    }
    while (this.#running) {
      let worked = false;
      try {
        worked = await this.processOne();
      } catch (error) {
        // The store is unreachable for now: keep the loop alive, as the delivery queue does.
        log.error('Murmurations: could not read the registrations; retrying: {error}', { error });
      }
      if (!this.#running) break;
      await this.#idle(worked ? this.#options.spacingMs : this.#options.pollMs, worked);
    }
  }

  /** Sleeps `ms`; a mark wakes an idle loop early, never one spacing its requests. */
  #idle(ms: number, spacing: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.#wake === done) this.#wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      if (!spacing) this.#wake = done;
    });
  }

  /** Reconciles the changed profile due first, if any. Returns whether there was one. */
  async processOne(): Promise<boolean> {
    const now = this.#now().getTime();
    const doc = await this.#registrations.claimDue(now, this.#options.leaseMs);
    if (!doc) return false;
    await this.#reconcile(doc);
    return true;
  }

  async #reconcile(doc: RegistrationDoc): Promise<void> {
    const at = this.#now().toISOString();
    const profile = await this.#reader.profileOf(doc.target);
    if (profile) {
      const hash = profileHash(profile);
      if (doc.registered && doc.postedHash === hash) return this.#confirm(doc, hash, at);
      const answer = await this.#client.post(doc._id);
      if (!answer.ok) return this.#failed(doc, 'post', answer.reason ?? 'refused', answer.indexStatus);
      const indexStatus = answer.indexStatus ?? 'received';
      log.info('Murmurations: the index fetches {url} (status {status})', { url: doc._id, status: indexStatus });
      const outcome = { registered: true, postedHash: hash, action: 'post' as const, indexStatus, at };
      // The index validates after answering (`received`): its verdict is asked for a little later.
      if (indexStatus === 'posted') await this.#registrations.succeeded(doc, outcome);
      else await this.#registrations.awaitVerdict(doc, { ...outcome, checkAt: this.#now().getTime() + this.#options.retryBaseMs });
      return;
    }
    // Not served: its URL answers 404 already. The index is told only if it holds the profile.
    if (!doc.registered) {
      await this.#registrations.succeeded(doc, { registered: false, postedHash: null, action: 'none', at });
      return;
    }
    const answer = await this.#client.delete(doc.nodeId);
    // 404: the index does not know the node (dropped already, or never validated): nothing left to delete.
    if (answer.ok || answer.httpStatus === 404) {
      log.info('Murmurations: the index dropped {url}', { url: doc._id });
      await this.#registrations.succeeded(doc, { registered: false, postedHash: null, action: 'delete', indexStatus: 'deleted', at });
    } else await this.#failed(doc, 'delete', answer.reason ?? 'refused', answer.indexStatus);
  }

  /** The index was asked to fetch this very profile: done once it says `posted`, else asked again later. */
  async #confirm(doc: RegistrationDoc, hash: string, at: string): Promise<void> {
    if (doc.indexStatus === 'posted') {
      await this.#registrations.succeeded(doc, { registered: true, postedHash: hash, action: 'none', at });
      return;
    }
    const answer = await this.#client.status(doc.nodeId);
    if (answer.ok && answer.indexStatus === 'posted') {
      await this.#registrations.succeeded(doc, { registered: true, postedHash: hash, action: 'check', indexStatus: 'posted', at });
      return;
    }
    if (answer.ok)
      return this.#failed(
        doc,
        'check',
        `the index has not validated the profile yet (${answer.indexStatus ?? 'no status'})`,
        answer.indexStatus,
      );
    if (answer.httpStatus === null || answer.httpStatus >= 500) return this.#failed(doc, 'check', answer.reason ?? 'no answer');
    // Refused by its validation (400, with its reasons) or unknown to it (404): posted again at the next attempt.
    await this.#failed(
      doc,
      'check',
      answer.reason ?? `HTTP ${answer.httpStatus}`,
      answer.httpStatus === 404 ? 'unknown' : 'validation_failed',
      true,
    );
  }

  async #failed(
    doc: RegistrationDoc,
    action: 'post' | 'delete' | 'check',
    reason: string,
    indexStatus?: string,
    postAgain = false,
  ): Promise<void> {
    const attempts = doc.attempts + 1;
    const gaveUp = attempts >= this.#options.maxAttempts;
    const delay = Math.min(this.#options.maxRetryMs, this.#options.retryBaseMs * 2 ** (attempts - 1));
    const nextAttemptAt = this.#now().getTime() + delay;
    const properties = { action, url: doc._id, attempts, reason, retryInMs: gaveUp ? null : delay };
    if (gaveUp) log.error('Murmurations: gave up the {action} of {url} after {attempts} attempts: {reason}', properties);
    else log.warning('Murmurations: the {action} of {url} failed (attempt {attempts}), retrying in {retryInMs} ms: {reason}', properties);
    await this.#registrations.failed(doc, {
      error: `${action}: ${reason}`,
      nextAttemptAt,
      gaveUp,
      at: this.#now().toISOString(),
      ...(indexStatus !== undefined ? { indexStatus } : {}),
      postAgain,
    });
  }
}
