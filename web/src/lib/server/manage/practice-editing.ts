// What every form of the good-practice editor does on the server: read the practice as it is
// now (the changes are computed against it), and send the changes with the version the page was
// opened with, so the registry refuses them if someone saved in between (nothing overwritten).
// A refusal keeps what was typed and puts each problem beside its field, in the reader's words.
import { error } from '@sveltejs/kit';
import { loadAs } from './page-access.ts';
import { runMutation } from './edit-action.ts';
import { editProblems } from '../../forms/manage/edit-problems.ts';
import { PRACTICE_FIELD_MESSAGES } from '../../forms/manage/practice-problems.ts';
import { EDITABLE_PRACTICE_QUERY, UPDATE_GOOD_PRACTICE, type EditablePractice, type PracticeEditResult } from './practice-queries.ts';
import type { SessionEvent } from '../session.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

/** The practice `slug` as it is now, for an action (a page's load has it from the layout). */
export async function currentPractice(event: SessionEvent, slug: string): Promise<EditablePractice> {
  const { editableGoodPractice } = await loadAs<{ editableGoodPractice: EditablePractice | null }>(event, EDITABLE_PRACTICE_QUERY, {
    slug,
  });
  if (!editableGoodPractice) error(404);
  return editableGoodPractice;
}

/** The version the form was opened with; a form without one was not made by this site. */
export function postedVersion(form: FormData): number {
  const version = Number(form.get('version'));
  if (!Number.isInteger(version) || version < 1) error(400, 'The form is incomplete: reload the page and try again.');
  return version;
}

/** Sends `changes`; "saved" (or "nothing to save") on success, else the refusal with what was posted. */
export async function savePractice<TPosted>(
  event: SessionEvent,
  form: FormData,
  practice: EditablePractice,
  changes: Record<string, unknown>,
  options: { fieldIds: Readonly<Record<string, string>>; posted: TPosted; fieldMessages?: Readonly<Record<string, MessageKey>> },
) {
  const version = postedVersion(form);
  if (Object.keys(changes).length === 0) return { saved: true as const, unchanged: true };
  const outcome = await runMutation<PracticeEditResult, TPosted>(
    event,
    form,
    UPDATE_GOOD_PRACTICE,
    { id: practice.id, version, changes },
    {
      posted: options.posted,
      problems: (apiError) => editProblems(apiError, options.fieldIds, { ...PRACTICE_FIELD_MESSAGES, ...options.fieldMessages }),
    },
  );
  if (!outcome.ok) return outcome.failure;
  return { saved: true as const, unchanged: false };
}
