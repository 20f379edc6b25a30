// The dry run: what importing each row would do (create, update, leave unchanged or refuse) and
// why, field by field, with listings already in the registry it may duplicate. Whether a record
// is valid is the one validation layer's answer (RecordValidator, as for every write); the run
// (import-service.ts) then goes through the editorial service, which validates again.
import type { InitiativeRecord } from '../records/record-types.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { RecordValidator } from '../records/record-validator.ts';
import type { StoredInitiative } from '../initiatives/initiative-repository.ts';
import { diffRecords } from '../editorial/record-diff.ts';
import type { DuplicateIndex, PossibleDuplicate } from './duplicate-finder.ts';
import { nameKey, placeKey, websiteKey } from './duplicate-finder.ts';
import type { ImportedFields } from './row-record.ts';

/** `pending`: not written yet (a run call's time ran out; the next call continues). */
export type RowOutcome = 'create' | 'update' | 'unchanged' | 'refuse' | 'pending';

/** A row's problem, with the column it came from when there is one. */
export interface RowProblem extends FieldError {
  column?: string;
}

export interface PlannedRow {
  /** Position among the data rows, from 1 (the sheet's line is one more, after the header). */
  row: number;
  label: string;
  /** The row's import key: its key column, else its web site, else its name and city. */
  key: string | null;
  outcome: RowOutcome;
  /** The record to write: the whole record to create, or the record after the update. */
  record: InitiativeRecord | null;
  /** The existing record an update changes. */
  existing: StoredInitiative | null;
  changedFields: string[];
  problems: RowProblem[];
  duplicates: PossibleDuplicate[];
}

/** One row as the planner gets it, from a table (row-record.ts) or a JSON-LD export. */
export interface CandidateRow {
  row: number;
  fields: ImportedFields;
  key: string | null;
  errors: FieldError[];
  columns: Record<string, string>;
  label?: string;
}

export interface PlanContext {
  validator: RecordValidator;
  nodeHandle: string;
  /** The import's language: original language of records that do not say theirs. */
  language: string;
  /** The records earlier imports of this source made, by row key. */
  known: ReadonlyMap<string, string>;
  /** Existing local records by id (those `known` names, and any the rows' handles name). */
  existing: ReadonlyMap<string, StoredInitiative>;
  duplicates: DuplicateIndex;
}

export function planRows(rows: readonly CandidateRow[], context: PlanContext): PlannedRow[] {
  const keysSeen = new Map<string, number>();
  const handlesTaken = new Set<string>();
  return rows.map((candidate) => {
    const planned = planRow(candidate, context, keysSeen, handlesTaken);
    if (planned.record && planned.outcome !== 'refuse') handlesTaken.add(planned.record.handle);
    return planned;
  });
}

function planRow(candidate: CandidateRow, context: PlanContext, keysSeen: Map<string, number>, handlesTaken: Set<string>): PlannedRow {
  const { fields } = candidate;
  const label = candidate.label ?? firstText(fields.name) ?? `row ${candidate.row}`;
  const key = candidate.key ?? rowKeyOf(fields);
  const refuse = (problems: RowProblem[], extra: Partial<PlannedRow> = {}): PlannedRow => ({
    row: candidate.row,
    label,
    key,
    outcome: 'refuse',
    record: null,
    existing: null,
    changedFields: [],
    problems,
    duplicates: [],
    ...extra,
  });
  const withColumns = (errors: readonly FieldError[]): RowProblem[] => errors.map((e) => withColumn(e, candidate.columns));

  if (candidate.errors.length) return refuse(withColumns(candidate.errors));
  if (key !== null) {
    const earlier = keysSeen.get(key);
    if (earlier !== undefined)
      return refuse([
        { field: 'key', code: 'DUPLICATE_ROW', message: `row ${earlier} has the same key ("${key}"); each initiative once per file.` },
      ]);
    keysSeen.set(key, candidate.row);
  }

  const existingId = key !== null ? context.known.get(key) : undefined;
  const existing = existingId !== undefined ? context.existing.get(existingId) : undefined;
  if (existingId !== undefined && !existing)
    return refuse([
      {
        field: '',
        code: 'DELETED',
        message: `an earlier import made "${existingId}", which has been deleted since; restore it from its history, or give this row another key.`,
      },
    ]);

  if (existing) {
    const working = existing.pending?.record ?? existing.record;
    const record = merged(working, fields, context.nodeHandle);
    const errors = context.validator.validate('initiative', record);
    if (errors.length) return refuse(withColumns(errors), { existing });
    const changedFields = diffRecords(working, record, 'initiative').map((c) => c.field);
    return {
      row: candidate.row,
      label,
      key,
      outcome: changedFields.length ? 'update' : 'unchanged',
      record,
      existing,
      changedFields,
      problems: [],
      duplicates: [],
    };
  }

  const handle = fields.handle ?? freeHandle(firstText(fields.name) ?? '', context, handlesTaken);
  // A new initiative's location is published at city level unless a column says otherwise, as on the form.
  const location = fields.location ? { precision: 'city' as const, ...fields.location } : undefined;
  const record = {
    originalLanguage: context.language,
    ...fields,
    ...(location ? { location } : {}),
    handle,
    node: context.nodeHandle,
  } as unknown as InitiativeRecord;
  const errors: RowProblem[] = withColumns(context.validator.validate('initiative', record));
  if (fields.handle && (context.existing.has(fields.handle) || handlesTaken.has(fields.handle)))
    errors.push({
      field: 'handle',
      code: 'ALREADY_EXISTS',
      message: `"${fields.handle}" is the handle of another initiative on this node.`,
      ...col('handle', candidate.columns),
    });
  // Records this source made are not duplicates of its rows (two rows of one sheet may share a web site).
  const duplicates = context.duplicates.find(record, new Set(context.known.values()));
  if (errors.length) return refuse(errors, { duplicates });
  return { row: candidate.row, label, key, outcome: 'create', record, existing: null, changedFields: [], problems: [], duplicates };
}

/** The import key of a row without a key column: its web site, else its name and city. */
export function rowKeyOf(fields: ImportedFields): string | null {
  if (fields.handle) return `handle:${fields.handle}`;
  const site = fields.website ? websiteKey(fields.website) : null;
  if (site) return `site:${site}${new URL(fields.website!).pathname.replace(/\/+$/, '')}`;
  const name = firstText(fields.name);
  if (name) return `name:${nameKey(name)}@${placeKey(fields.location?.locality)}`;
  return null;
}

/** The record after an import's fields: texts merged language by language, location and contact field by field. */
function merged(working: InitiativeRecord, fields: ImportedFields, nodeHandle: string): InitiativeRecord {
  const next: Record<string, unknown> = { ...working };
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'handle') continue;
    const before = (working as unknown as Record<string, unknown>)[field];
    if (['name', 'summary', 'description', 'mission', 'location', 'contact'].includes(field) && isObject(before) && isObject(value))
      next[field] = { ...before, ...value };
    else next[field] = value;
  }
  return { ...(next as unknown as InitiativeRecord), handle: working.handle, node: nodeHandle };
}

/** A handle made from the name (lower-case letters and digits), unused on this node and in this file. */
function freeHandle(name: string, context: PlanContext, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || 'initiative';
  for (let n = 1; ; n++) {
    const handle = n === 1 ? base : `${base}-${n}`;
    if (!context.existing.has(handle) && !taken.has(handle)) return handle;
  }
}

function withColumn(error: FieldError, columns: Record<string, string>): RowProblem {
  return { ...error, ...col(error.field, columns) };
}

/** The column a field (or its closest parent) came from. */
function col(field: string, columns: Record<string, string>): { column?: string } {
  for (let path = field; path; path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '')
    if (columns[path]) return { column: columns[path] };
  return {};
}

function firstText(map: Readonly<Record<string, string>> | undefined): string | undefined {
  return map ? Object.values(map).find((t) => t.trim()) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
