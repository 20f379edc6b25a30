// The history of the initiative: every revision (who did what, when, which fields), newest
// first; any two versions compared value by value (a plain GET form: `?from=3&to=7`, so it
// works without JavaScript and can be linked to); and "bring this version back", which the
// registry records as a new revision, so restoring loses nothing either.
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { COMPARE_QUERY, HISTORY_QUERY, RESTORE_REVISION, type EditResult } from '#lib/server/manage/editor-queries.ts';
import { chooseVersions } from '#lib/forms/manage/version-choice.ts';
import type { Actions, PageServerLoad } from './$types';
import type { InitiativeCompareQuery, InitiativeHistoryQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { editableInitiative } = await loadAs<InitiativeHistoryQuery>(event, HISTORY_QUERY, { slug: event.params.slug });
  if (!editableInitiative) error(404);
  const { revisions } = editableInitiative;
  const choice = chooseVersions(revisions, event.url.searchParams);
  let changes: NonNullable<InitiativeCompareQuery['editableInitiative']>['compare'] = [];
  if (choice.valid && choice.from !== choice.to) {
    const compared = await loadAs<InitiativeCompareQuery>(event, COMPARE_QUERY, {
      slug: event.params.slug,
      from: choice.from,
      to: choice.to,
    });
    changes = compared.editableInitiative?.compare ?? [];
  }
  return { revisions, compare: { ...choice, changes } };
};

export const actions: Actions = {
  restore: async (event) => {
    const form = await event.request.formData();
    const revision = Number(form.get('revision'));
    const version = Number(form.get('version'));
    if (!Number.isInteger(revision) || !Number.isInteger(version)) error(400, 'The form is incomplete: reload the page and try again.');
    const outcome = await runMutation<EditResult>(event, form, RESTORE_REVISION, { id: event.params.slug, revision, version });
    if (!outcome.ok) return outcome.failure;
    return { restored: revision };
  },
};
