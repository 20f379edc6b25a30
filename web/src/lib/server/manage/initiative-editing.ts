// What the initiative editor's section forms do on the server: read the initiative as it is now
// (the changes are computed against it), and send the changes with the version the page was
// opened with, so the registry refuses them if someone saved in between (nothing overwritten).
// A refusal keeps what was typed and puts each problem beside its field, in the reader's words.
// The good-practice editor does the same with practices (practice-editing.ts).
import { error } from '@sveltejs/kit';
import { loadAs } from './page-access.ts';
import { runMutation } from './edit-action.ts';
import { EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY, UPDATE_INITIATIVE, type EditableInitiative, type EditResult } from './editor-queries.ts';
import { isLanguageTag } from '../../forms/manage/content-languages.ts';
import type { ApiError, Problems } from '../../forms/manage/form-problems.ts';
import type { SessionEvent } from '../session.ts';

const INCOMPLETE = 'The form is incomplete: reload the page and try again.';

/** The initiative `slug` as it is now, for an action (a page's load has it from the layout). */
export async function currentInitiative(event: SessionEvent, slug: string): Promise<EditableInitiative> {
  const { editableInitiative } = await loadAs<{ editableInitiative: EditableInitiative | null }>(
    event,
    EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
    { slug },
  );
  if (!editableInitiative) error(404);
  return editableInitiative;
}

/** The version the form was opened with; a form without one was not made by this site. */
export function postedVersion(form: FormData): number {
  const version = Number(form.get('version'));
  if (!Number.isInteger(version)) error(400, INCOMPLETE);
  return version;
}

/** The language a one-language-per-page form edits (its `in` field). */
export function postedLanguage(form: FormData): string {
  const lang = String(form.get('in') ?? '');
  if (!isLanguageTag(lang)) error(400, INCOMPLETE);
  return lang;
}

/** Sends `changes` to initiative `slug`; "saved" (or "nothing to save") on success, else the refusal with what was posted. */
export async function saveInitiative<TPosted>(
  event: SessionEvent,
  form: FormData,
  slug: string,
  version: number,
  changes: Record<string, unknown>,
  options: { posted: TPosted; fieldIds?: Readonly<Record<string, string>>; problems?: (apiError: ApiError) => Problems },
) {
  if (Object.keys(changes).length === 0) return { saved: true as const, unchanged: true };
  const outcome = await runMutation<EditResult, TPosted>(event, form, UPDATE_INITIATIVE, { id: slug, version, changes }, options);
  if (!outcome.ok) return outcome.failure;
  return { saved: true as const, unchanged: false };
}
