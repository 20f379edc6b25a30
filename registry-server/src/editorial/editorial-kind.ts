// What the editorial workflow (editorial-service.ts) needs to know of a kind of record, and of the
// node: each kind (initiatives, good practices, market and adoption records) declares itself once
// (editorial-kinds.ts and beside each kind), the service does the rest.
import type { Action } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/actor.ts';
import type { AuditLog } from '../accounts/audit-log-repository.ts';
import type { DomainEvents, RecordKindName } from '../events/domain-events.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { RecordRepository } from '../records/record-repository.ts';
import type { RecordType, RecordValidator } from '../records/record-validator.ts';
import type { TranslatableTexts } from '../translations/translatable-texts.ts';
import type { NodeSettingsRepository } from './node-settings-repository.ts';
import type { RevisionRepository } from './revision-repository.ts';

export type Account = Extract<Actor, { kind: 'account' }>;

export interface EditorialKind<R extends { handle: string; node: string }> {
  name: RecordKindName;
  /** Words for messages: "initiative", "good practice". */
  label: string;
  recordType: RecordType;
  repository: RecordRepository<R, { sortName: string }>;
  createAction: Action;
  /** `record`: the record as stored, for kinds whose editors depend on its content (a market record's owner). */
  editAction: (handle: string, record: R) => Action;
  moderateAction: (handle: string) => Action;
  /** References to other records that must exist on this node (and be known to the actor); `previous`: the record before this change. */
  checkReferences: (record: R, actor: Actor, previous?: R) => Promise<FieldError[]>;
  /**
   * Problems that keep the record (or its pending change) from being submitted or approved now,
   * beyond what every save checks: a market record past its expiry (ADR 0033).
   */
  checkPublishable?: (record: R) => FieldError[];
  /**
   * The human texts people translate (ADR 0041): declared, every save keeps what each
   * translation was made from, and translators may propose translations of these fields only.
   */
  translatable?: TranslatableTexts;
  /** Called after an editor creates a record, e.g. to make them its editor. */
  afterCreate?: (actor: Account, record: R) => Promise<void>;
}

export interface EditorialDependencies {
  validator: RecordValidator;
  revisions: RevisionRepository;
  settings: NodeSettingsRepository;
  audit: AuditLog;
  events: DomainEvents;
  nodeHandle: string;
  now: () => Date;
}

/** Changes to a record: a field set to null is removed. */
export type RecordChanges<R> = { [K in keyof R]?: R[K] | null };
