// The publishing workflow shared by initiatives and good practices: create, edit (with a version
// check), submit for review, approve, reject with a reason, unpublish, delete, and restore a
// revision. Every change is validated by the one validation layer, authorised in one place,
// kept as a revision, audited when staff act (editorial-history.ts), and announced as a domain
// event once stored.
import { authorize, can, requireSignedIn, type Action } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/actor.ts';
import { ActionError } from '../accounts/action-error.ts';
import type { ReviewDecision } from '../events/domain-events.ts';
import type { RecordChange } from '../records/record-repository.ts';
import type { PendingAnnouncement, PublicationState, StoredRecord } from '../records/stored-record.ts';
import { trackTranslationSources, withItemIds, type TranslatableRecord } from '../translations/translatable-texts.ts';
import { checkedReason, stateError, versionConflict } from './editorial-errors.ts';
import { EditorialHistory } from './editorial-history.ts';
import type { Account, EditorialDependencies, EditorialKind, RecordChanges } from './editorial-kind.ts';
import { DuplicateKeyError } from '../store/store-errors.ts';
import { diffRecords } from './record-diff.ts';
import type { RevisionAction } from './revision-repository.ts';

export type { EditorialDependencies, EditorialKind, RecordChanges } from './editorial-kind.ts';
export { checkedReason } from './editorial-errors.ts';

export class EditorialService<R extends { handle: string; node: string }> {
  readonly #kind: EditorialKind<R>;
  readonly #deps: EditorialDependencies;
  readonly #history: EditorialHistory<R>;

  constructor(kind: EditorialKind<R>, deps: EditorialDependencies) {
    this.#kind = kind;
    this.#deps = deps;
    this.#history = new EditorialHistory(kind.name, deps.revisions, deps.audit);
  }

  async create(actor: Actor, input: RecordChanges<R>): Promise<StoredRecord<R, { sortName: string }>> {
    authorize(actor, this.#kind.createAction);
    const account = actor as Account;
    const record = this.#tracked(withoutNulls({ ...input, node: this.#deps.nodeHandle }) as R);
    await this.#validate(record, actor);
    const now = this.#now();
    let doc: StoredRecord<R, { sortName: string }>;
    try {
      doc = await this.#kind.repository.insert(record, { origin: { kind: 'local' }, state: 'draft', now });
    } catch (error) {
      if (error instanceof DuplicateKeyError) {
        throw new ActionError(
          'ALREADY_EXISTS',
          `A ${this.#kind.label} with the handle "${record.handle}" exists already; choose another handle.`,
          { fields: [{ field: 'handle', code: 'ALREADY_EXISTS', message: 'is taken on this node.' }] },
        );
      }
      throw error;
    }
    await this.#history.add(doc, account, 'create', diffRecords({}, record, this.#kind.name));
    await this.#kind.afterCreate?.(account, record);
    await this.#history.auditIfStaff(account, 'create', doc._id);
    return doc;
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    changes: RecordChanges<R>,
    action: RevisionAction = 'update',
  ): Promise<StoredRecord<R, { sortName: string }>> {
    const doc = await this.#loadFor(actor, id, (handle, _state, record) => this.#kind.editAction(handle, record));
    const account = actor as Account;
    await this.#checkVersion(doc, expectedVersion);
    if ('handle' in changes && changes.handle !== doc.record.handle) {
      throw new ActionError(
        'VALIDATION_FAILED',
        "The handle cannot change: it is part of the record's address and of every copy on partner nodes.",
        { fields: [{ field: 'handle', code: 'IMMUTABLE', message: 'cannot change after creation.' }] },
      );
    }
    const working = doc.pending?.record ?? doc.record;
    const next = this.#tracked(withoutNulls({ ...working, ...changes, handle: doc.record.handle, node: doc.record.node }) as R, working);
    await this.#validate(next, actor, working);
    const changed = diffRecords(working, next, this.#kind.name);
    if (changed.length === 0) return doc;

    const staff = can(actor, this.#kind.moderateAction(doc.record.handle));
    const now = this.#now();
    const live = doc.publication.state === 'published';
    let stored: StoredRecord<R, { sortName: string }> | null;
    let wentLive = false;
    if (doc.pending || (live && !staff && (await this.#deps.settings.get()).editsRequireReview)) {
      // The published version stays live; the change waits for a moderator.
      stored = await this.#kind.repository.applyChange(doc._id, doc.version, {
        pending: { record: next, state: doc.pending?.state ?? 'draft', updatedAt: now, updatedBy: account.accountId },
        updatedAt: now,
      });
    } else {
      stored = await this.#kind.repository.applyChange(doc._id, doc.version, {
        record: next,
        updatedAt: now,
        ...(live ? announcing('record.updated', doc) : {}),
      });
      wentLive = live;
    }
    if (!stored) return this.#conflictAfterRace(doc, expectedVersion);
    await this.#history.add(stored, account, action, changed);
    await this.#history.auditIfStaff(account, action, doc._id, { fields: changed.map((c) => c.field) });
    if (wentLive)
      this.#deps.events.emit({
        type: 'record.updated',
        kind: this.#kind.name,
        id: doc._id,
        version: stored.version,
        fields: changed.map((c) => c.field),
      });
    return stored;
  }

  /**
   * Creates a record someone without an account asked for (the public "list your initiative"
   * form, listing-requests/): validated like every record, straight into the review queue, by
   * nobody. The caller has checked who may ask (limits, spam defences); this adds no editor.
   */
  async createRequested(input: RecordChanges<R>): Promise<StoredRecord<R, { sortName: string }>> {
    const record = this.#tracked(withoutNulls({ ...input, node: this.#deps.nodeHandle }) as R);
    await this.#validate(record, { kind: 'anonymous' });
    let doc: StoredRecord<R, { sortName: string }>;
    try {
      doc = await this.#kind.repository.insert(record, { origin: { kind: 'local' }, state: 'in-review', now: this.#now() });
    } catch (error) {
      if (error instanceof DuplicateKeyError)
        throw new ActionError('ALREADY_EXISTS', `A ${this.#kind.label} with the handle "${record.handle}" exists already.`, {
          fields: [{ field: 'handle', code: 'ALREADY_EXISTS', message: 'is taken on this node.' }],
        });
      throw error;
    }
    await this.#deps.revisions.add({
      kind: this.#kind.name,
      recordId: doc._id,
      version: doc.version,
      at: doc.updatedAt,
      by: null,
      action: 'create',
      changes: diffRecords({}, record, this.#kind.name),
      snapshot: record as unknown as Record<string, unknown>,
      state: 'in-review',
      note: 'asked on the public form',
    });
    return doc;
  }

  /**
   * A change proposed by someone who is not among the record's editors (a translator, ADR 0041):
   * allowed by `action`, made by `change` from the published version, and always left for a
   * moderator beside it (pending, in review), whatever the node's review setting. Only a
   * published local record with no change waiting can receive one: a change waiting is its
   * editors' or another proposal, and mixing them would have a moderator approve what nobody asked.
   */
  async proposeChange(
    actor: Actor,
    id: string,
    expectedVersion: number,
    action: Action,
    change: (record: R) => R,
    note: string,
  ): Promise<StoredRecord<R, { sortName: string }>> {
    requireSignedIn(actor);
    authorize(actor, action);
    const doc = await this.#kind.repository.findById(id);
    if (!doc || doc.origin.kind !== 'local' || doc.publication.state !== 'published')
      throw new ActionError(
        'NOT_FOUND',
        `No published ${this.#kind.label} "${id}" on this node. Check the id (the IRI from the API) or the slug.`,
      );
    await this.#checkVersion(doc, expectedVersion);
    if (doc.pending)
      throw this.#stateError(doc, 'propose a change to', 'Wait until a moderator has decided on the change waiting, then reload it.');
    const next = this.#tracked(change(doc.record), doc.record);
    await this.#validate(next, actor, doc.record);
    const changed = diffRecords(doc.record, next, this.#kind.name);
    if (changed.length === 0)
      throw new ActionError('VALIDATION_FAILED', `This would change nothing in the ${this.#kind.label}.`, {
        fields: [{ field: 'text', code: 'UNCHANGED', message: 'is the text already published.' }],
      });
    await this.#history.ensureBaseline(doc);
    const account = actor as Account;
    const now = this.#now();
    const stored = await this.#kind.repository.applyChange(doc._id, doc.version, {
      pending: { record: next, state: 'in-review', updatedAt: now, updatedBy: account.accountId },
      updatedAt: now,
    });
    if (!stored) return this.#conflictAfterRace(doc, expectedVersion);
    await this.#history.add(stored, account, 'update', changed, note);
    await this.#history.auditIfStaff(account, 'update', doc._id, { fields: changed.map((c) => c.field), note });
    return stored;
  }

  /** An editor asks a moderator to publish the record (or its pending change). */
  async submit(actor: Actor, id: string, expectedVersion: number): Promise<StoredRecord<R, { sortName: string }>> {
    const doc = await this.#loadFor(actor, id, (handle, _state, record) => this.#kind.editAction(handle, record));
    await this.#checkVersion(doc, expectedVersion);
    this.#checkPublishable(doc);
    if (doc.pending) {
      if (doc.pending.state !== 'draft') throw this.#stateError(doc, 'submit', 'Its changes are already waiting for review.');
      return this.#transition(doc, actor as Account, 'submit', { pendingFields: { state: 'in-review' }, remove: ['pendingReview'] });
    }
    if (doc.publication.state !== 'draft' && doc.publication.state !== 'unpublished')
      throw this.#stateError(doc, 'submit', 'Only a draft or an unpublished record can be submitted.');
    return this.#transition(doc, actor as Account, 'submit', { publicationFields: { state: 'in-review' }, remove: ['publicationReview'] });
  }

  /** A moderator publishes the record, or its pending change. */
  async approve(actor: Actor, id: string, expectedVersion: number): Promise<StoredRecord<R, { sortName: string }>> {
    const doc = await this.#loadFor(actor, id, (handle) => this.#kind.moderateAction(handle));
    await this.#checkVersion(doc, expectedVersion);
    this.#checkPublishable(doc);
    const now = this.#now();
    if (doc.pending) {
      const record = doc.pending.record;
      const live = doc.publication.state === 'published';
      const stored = await this.#transition(
        doc,
        actor as Account,
        'approve',
        { record, ...(live ? announcing('record.updated', doc) : {}), remove: ['pending', 'publicationReview'] },
        diffRecords(doc.record, record, this.#kind.name),
      );
      this.#announceDecision(id, 'approved', null);
      if (stored.publication.state === 'published')
        this.#deps.events.emit({
          type: 'record.updated',
          kind: this.#kind.name,
          id,
          version: stored.version,
          fields: diffRecords(doc.record, record, this.#kind.name).map((c) => c.field),
        });
      return stored;
    }
    if (doc.publication.state === 'published') throw this.#stateError(doc, 'approve', 'It is published already.');
    const stored = await this.#transition(doc, actor as Account, 'approve', {
      publicationFields: { state: 'published', publishedAt: now },
      ...announcing('record.published', doc),
      remove: ['publicationReview'],
    });
    this.#deps.events.emit({ type: 'record.published', kind: this.#kind.name, id, version: stored.version });
    this.#announceDecision(id, 'approved', null);
    return stored;
  }

  /** Tells whoever listens (the editors' notices) what a moderator decided, once it is stored. */
  #announceDecision(id: string, decision: ReviewDecision, note: string | null): void {
    this.#deps.events.emit({ type: 'review.decided', kind: this.#kind.name, id, decision, note });
  }

  /** A moderator sends the record (or its pending change) back to its editors with a reason. */
  async reject(actor: Actor, id: string, expectedVersion: number, reason: string): Promise<StoredRecord<R, { sortName: string }>> {
    const doc = await this.#loadFor(actor, id, (handle) => this.#kind.moderateAction(handle));
    await this.#checkVersion(doc, expectedVersion);
    const trimmed = checkedReason(reason, 'Give the editors a reason (3 to 2,000 characters) so they know what to change.');
    const review = { decision: 'rejected' as const, reason: trimmed, by: (actor as Account).accountId, at: this.#now() };
    let stored: StoredRecord<R, { sortName: string }>;
    if (doc.pending?.state === 'in-review')
      stored = await this.#transition(doc, actor as Account, 'reject', { pendingFields: { state: 'draft', review } }, [], trimmed);
    else if (doc.publication.state !== 'in-review')
      throw this.#stateError(doc, 'reject', 'Only a record waiting for review can be rejected.');
    else stored = await this.#transition(doc, actor as Account, 'reject', { publicationFields: { state: 'draft', review } }, [], trimmed);
    this.#announceDecision(id, 'changes-requested', trimmed);
    return stored;
  }

  /**
   * A moderator refuses a record that was never public (a new listing waiting for review), with
   * a reason: it leaves the queue as deleted (moderators can still restore it from its history),
   * and, never having been public, nothing is announced to partners. A change to a published
   * record is sent back with `reject` instead.
   */
  async decline(actor: Actor, id: string, expectedVersion: number, reason: string): Promise<StoredRecord<R, { sortName: string }>> {
    const doc = await this.#loadFor(actor, id, (handle) => this.#kind.moderateAction(handle));
    await this.#checkVersion(doc, expectedVersion);
    const trimmed = checkedReason(reason, 'Give the reason (3 to 2,000 characters): the person who asked is told it.');
    if (doc.publication.state !== 'in-review' || doc.pending || doc.publication.publishedAt)
      throw this.#stateError(
        doc,
        'decline',
        'Only a new record waiting for review, never published, can be declined; send a change back instead.',
      );
    const review = { decision: 'declined' as const, reason: trimmed, by: (actor as Account).accountId, at: this.#now() };
    const stored = await this.#transition(
      doc,
      actor as Account,
      'decline',
      { publicationFields: { state: 'deleted', deletedFrom: 'in-review', review } },
      [],
      trimmed,
    );
    this.#announceDecision(id, 'declined', trimmed);
    return stored;
  }

  /** Takes a published record off public view; its editors and moderators still see it. */
  async unpublish(actor: Actor, id: string, expectedVersion: number): Promise<StoredRecord<R, { sortName: string }>> {
    const doc = await this.#loadFor(actor, id, (handle, _state, record) => this.#kind.editAction(handle, record));
    await this.#checkVersion(doc, expectedVersion);
    if (doc.publication.state !== 'published') throw this.#stateError(doc, 'unpublish', 'Only a published record can be unpublished.');
    const stored = await this.#transition(doc, actor as Account, 'unpublish', {
      publicationFields: { state: 'unpublished' },
      ...announcing('record.unpublished', doc),
    });
    this.#deps.events.emit({ type: 'record.unpublished', kind: this.#kind.name, id, version: stored.version });
    return stored;
  }

  /** Deletes the record from every public view; its history stays for moderators to restore. */
  async delete(actor: Actor, id: string, expectedVersion: number): Promise<StoredRecord<R, { sortName: string }>> {
    const doc = await this.#loadFor(actor, id, (handle, _state, record) => this.#kind.editAction(handle, record));
    await this.#checkVersion(doc, expectedVersion);
    const wasPublic = doc.publication.state === 'published';
    const announces = wasPublic || doc.publication.state === 'unpublished';
    // deletedFrom: a record that was never public is answered as nothing by ActivityPub, not as a Tombstone.
    const stored = await this.#transition(doc, actor as Account, 'delete', {
      publicationFields: { state: 'deleted', deletedFrom: doc.publication.state },
      ...(announces ? announcing('record.deleted', doc) : {}),
      remove: ['pending'],
    });
    if (announces) this.#deps.events.emit({ type: 'record.deleted', kind: this.#kind.name, id, version: stored.version });
    return stored;
  }

  /** Makes an earlier revision the working content again, as a new revision (history only grows). */
  async restore(
    actor: Actor,
    id: string,
    revisionVersion: number,
    expectedVersion: number,
  ): Promise<StoredRecord<R, { sortName: string }>> {
    // A deleted record only comes back through a moderator; any other goes through update().
    const doc = await this.#loadFor(
      actor,
      id,
      (handle, state, record) => (state === 'deleted' ? this.#kind.moderateAction(handle) : this.#kind.editAction(handle, record)),
      { includeDeleted: true },
    );
    const revision = await this.#deps.revisions.get(this.#kind.name, id, revisionVersion);
    if (!revision)
      throw new ActionError('NOT_FOUND', `This ${this.#kind.label} has no revision ${revisionVersion}.`, {
        fields: [{ field: 'revision', code: 'NOT_FOUND', message: `no revision ${revisionVersion}.` }],
      });
    if (doc.publication.state === 'deleted') {
      await this.#checkVersion(doc, expectedVersion);
      const record = revision.snapshot as unknown as R;
      return this.#transition(
        doc,
        actor as Account,
        'restore',
        { record, publicationFields: { state: 'draft' } },
        diffRecords(doc.record, record, this.#kind.name),
      );
    }
    const snapshot = revision.snapshot as Record<string, unknown>;
    const working = (doc.pending?.record ?? doc.record) as Record<string, unknown>;
    // Fields absent from the snapshot are removed, so the result is exactly that revision.
    const changes = Object.fromEntries([...Object.keys(working).map((k) => [k, null]), ...Object.entries(snapshot)]) as RecordChanges<R>;
    return this.update(actor, id, expectedVersion, changes, 'restore');
  }

  async #transition(
    doc: StoredRecord<R, { sortName: string }>,
    actor: Account,
    action: RevisionAction,
    change: Omit<RecordChange<R>, 'updatedAt'>,
    changes = [] as ReturnType<typeof diffRecords>,
    note?: string,
  ): Promise<StoredRecord<R, { sortName: string }>> {
    const stored = await this.#kind.repository.applyChange(doc._id, doc.version, { ...change, updatedAt: this.#now() });
    if (!stored) return this.#conflictAfterRace(doc, doc.version);
    await this.#history.add(stored, actor, action, changes, note);
    await this.#history.auditIfStaff(actor, action, doc._id, note ? { reason: note } : undefined);
    return stored;
  }

  /**
   * Whether `actor` may learn that this record exists: anyone when it is published; otherwise
   * (draft, in review, unpublished, deleted) only those who may edit or moderate it. Everyone
   * else gets the answer a name nobody uses gets, so hidden records are no existence oracle.
   */
  mayKnowOf(actor: Actor, doc: StoredRecord<R, { sortName: string }>): boolean {
    if (doc.publication.state === 'published') return true;
    return can(actor, this.#kind.editAction(doc.record.handle, doc.record)) || can(actor, this.#kind.moderateAction(doc.record.handle));
  }

  /**
   * The record an action is about, for an actor allowed to do it. Anonymous callers are asked to
   * sign in before anything is looked up; a record the actor may not know of is "not found", in
   * the same words as a name nobody uses; then the action is authorised, and only then is
   * anything written (the baseline revision).
   */
  async #loadFor(
    actor: Actor,
    id: string,
    action: (handle: string, state: PublicationState, record: R) => Action,
    options: { includeDeleted?: boolean } = {},
  ): Promise<StoredRecord<R, { sortName: string }>> {
    requireSignedIn(actor);
    const doc = await this.#kind.repository.findById(id);
    if (
      !doc ||
      doc.origin.kind !== 'local' ||
      (doc.publication.state === 'deleted' && !options.includeDeleted) ||
      !this.mayKnowOf(actor, doc)
    ) {
      throw new ActionError(
        'NOT_FOUND',
        `No ${this.#kind.label} "${id}" on this node that you can change. Check the id (the IRI from the API) or the slug.`,
      );
    }
    authorize(actor, action(doc.record.handle, doc.publication.state, doc.record));
    await this.#history.ensureBaseline(doc);
    return doc;
  }

  /**
   * `record` with an id on each item of its translated lists and the translation sources the
   * registry keeps for it, from `previous` (never from the caller).
   */
  #tracked(record: R, previous?: R): R {
    if (!this.#kind.translatable) return record;
    const { translationSources: _sent, ...rest } = record as R & TranslatableRecord;
    const { previous: before, next } = withItemIds(
      previous as (R & TranslatableRecord) | undefined,
      rest as unknown as TranslatableRecord,
      this.#kind.translatable,
    );
    const sources = trackTranslationSources(before, next, this.#kind.translatable);
    return (sources ? { ...next, translationSources: sources } : next) as unknown as R;
  }

  async #validate(record: R, actor: Actor, previous?: R): Promise<void> {
    const errors = this.#deps.validator.validate(this.#kind.recordType, record);
    if (errors.length === 0) errors.push(...(await this.#kind.checkReferences(record, actor, previous)));
    if (errors.length)
      throw new ActionError('VALIDATION_FAILED', `The ${this.#kind.label} was not saved: ${errors.length} field(s) need fixing.`, {
        fields: errors,
      });
  }

  #checkPublishable(doc: StoredRecord<R, { sortName: string }>): void {
    const errors = this.#kind.checkPublishable?.(doc.pending?.record ?? doc.record) ?? [];
    const message = `The ${this.#kind.label} cannot be published as it is: ${errors.length} field(s) need fixing.`;
    if (errors.length) throw new ActionError('VALIDATION_FAILED', message, { fields: errors });
  }

  async #checkVersion(doc: StoredRecord<R, { sortName: string }>, expectedVersion: number): Promise<void> {
    if (doc.version === expectedVersion) return;
    const base = await this.#deps.revisions.get(this.#kind.name, doc._id, expectedVersion);
    const changed = base ? diffRecords(base.snapshot, doc.pending?.record ?? doc.record, this.#kind.name) : [];
    throw versionConflict(this.#kind.label, doc, expectedVersion, changed);
  }

  async #conflictAfterRace(doc: StoredRecord<R, { sortName: string }>, expectedVersion: number): Promise<never> {
    const fresh = await this.#kind.repository.findById(doc._id);
    await this.#checkVersion(fresh ?? doc, expectedVersion);
    throw new ActionError('VERSION_CONFLICT', `This ${this.#kind.label} changed while it was being saved. Reload it and save again.`, {
      currentVersion: fresh?.version ?? doc.version,
    });
  }

  #stateError(doc: StoredRecord<R, { sortName: string }>, action: string, why: string): ActionError {
    return stateError(this.#kind.label, doc, action, why);
  }

  #now(): string {
    return this.#deps.now().toISOString();
  }
}

/** Removes null and undefined fields, so clearing an optional field deletes it. */
function withoutNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/**
 * The `announce` field of a change partners must hear about, set in the same write as the change
 * (compareAndSet raises the version by one), so a stop before federation queued it loses nothing.
 */
function announcing(type: PendingAnnouncement['type'], doc: { version: number }): { announce: PendingAnnouncement } {
  return { announce: { type, version: doc.version + 1 } };
}
