// The history page of a record (an initiative's, a good practice's), server side: the revisions,
// the two versions the GET form asks to compare (version-choice.ts) and what differs between
// them, value by value, as the registry compares them (ADR 0021); and "bring this version back".
// Each kind gives its own queries; the page is RecordHistory.svelte.
import { error } from '@sveltejs/kit';
import { runMutation } from './edit-action.ts';
import { RESTORE_REVISION, type EditResult } from './editor-queries.ts';
import { chooseVersions, type VersionChoice } from '../../forms/manage/version-choice.ts';
import type { InitiativeCompareQuery } from '../../generated/operation-types.ts';
import type { SessionEvent } from '../session.ts';

export type ValueChangeList = NonNullable<InitiativeCompareQuery['editableInitiative']>['compare'];

export interface HistoryRevision {
  version: number;
  at: string;
  action: string;
  state: string;
  note: string | null;
  changes: ReadonlyArray<{ field: string }>;
}

export interface RecordHistory {
  revisions: HistoryRevision[];
  compare: VersionChoice & { changes: ValueChangeList };
}

/** `revisions` newest first; `compare` asks the registry for the values that differ between two of them. */
export async function loadRecordHistory(
  url: URL,
  revisions: HistoryRevision[],
  compare: (from: number, to: number) => Promise<ValueChangeList>,
): Promise<RecordHistory> {
  const choice = chooseVersions(revisions, url.searchParams);
  const changes = choice.valid && choice.from !== choice.to ? await compare(choice.from, choice.to) : [];
  return { revisions, compare: { ...choice, changes } };
}

/** The restore action: makes revision `revision` the content again, as a new revision; `id` names the record. */
export async function restoreRevision(event: SessionEvent & { request: Request }, id: string) {
  const form = await event.request.formData();
  const revision = Number(form.get('revision'));
  const version = Number(form.get('version'));
  if (!Number.isInteger(revision) || !Number.isInteger(version)) error(400, 'The form is incomplete: reload the page and try again.');
  const outcome = await runMutation<EditResult>(event, form, RESTORE_REVISION, { id, revision, version });
  if (!outcome.ok) return outcome.failure;
  return { restored: revision };
}
