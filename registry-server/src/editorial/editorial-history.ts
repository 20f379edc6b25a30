// What the editorial workflow writes beside every change it stores: the record's revisions (its
// history: what changed, by whom, the whole record after it, for review and undo) and, when staff
// act, the audit log.
import type { AuditLog } from '../accounts/audit-log-repository.ts';
import type { RecordKindName } from '../events/domain-events.ts';
import type { StoredRecord } from '../records/stored-record.ts';
import { DuplicateKeyError } from '../store/store-errors.ts';
import type { Account } from './editorial-kind.ts';
import { diffRecords } from './record-diff.ts';
import type { RevisionAction, RevisionRepository } from './revision-repository.ts';

export class EditorialHistory<R extends object> {
  readonly #kind: RecordKindName;
  readonly #revisions: RevisionRepository;
  readonly #audit: AuditLog;

  constructor(kind: RecordKindName, revisions: RevisionRepository, audit: AuditLog) {
    this.#kind = kind;
    this.#revisions = revisions;
    this.#audit = audit;
  }

  /**
   * Records written without history (seeds, data from before revisions) get a revision of their
   * current content before their first change, so that change can be undone too.
   */
  async ensureBaseline(doc: StoredRecord<R, { sortName: string }>): Promise<void> {
    if (await this.#revisions.get(this.#kind, doc._id, doc.version)) return;
    try {
      await this.#revisions.add({
        kind: this.#kind,
        recordId: doc._id,
        version: doc.version,
        at: doc.updatedAt,
        by: null,
        action: 'create',
        changes: diffRecords({}, doc.pending?.record ?? doc.record, this.#kind),
        snapshot: (doc.pending?.record ?? doc.record) as unknown as Record<string, unknown>,
        state: doc.publication.state,
      });
    } catch (error) {
      // Another request wrote the same baseline at the same moment: it is there, all is well.
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }

  /** The revision of a change just stored: what changed, the whole record after it, and by whom. */
  async add(
    doc: StoredRecord<R, { sortName: string }>,
    actor: Account,
    action: RevisionAction,
    changes: ReturnType<typeof diffRecords>,
    note?: string,
  ): Promise<void> {
    await this.#revisions.add({
      kind: this.#kind,
      recordId: doc._id,
      version: doc.version,
      at: doc.updatedAt,
      by: actor.accountId,
      action,
      changes,
      snapshot: (doc.pending?.record ?? doc.record) as unknown as Record<string, unknown>,
      // Its state after the change: a change pending on a published record, or the record's own.
      state: doc.pending ? `pending-${doc.pending.state}` : doc.publication.state,
      ...(note ? { note } : {}),
    });
  }

  /** Staff actions go to the audit log too (editors' own edits are in the history already). */
  async auditIfStaff(actor: Account, action: string, target: string, details?: Record<string, unknown>): Promise<void> {
    if (actor.role === 'editor') return;
    await this.#audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: `${this.#kind}.${action}`,
      target,
      ...(details ? { details } : {}),
    });
  }
}
