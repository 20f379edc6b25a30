// The history of the initiative: every revision (who did what, when, which fields), newest
// first; any two versions compared value by value (a plain GET form: `?from=3&to=7`, so it
// works without JavaScript and can be linked to); and "bring this version back", which the
// registry records as a new revision, so restoring loses nothing either (record-history.ts).
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { COMPARE_QUERY, HISTORY_QUERY } from '#lib/server/manage/editor-queries.ts';
import { loadRecordHistory, restoreRevision } from '#lib/server/manage/record-history.ts';
import type { Actions, PageServerLoad } from './$types';
import type { InitiativeCompareQuery, InitiativeHistoryQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { editableInitiative } = await loadAs<InitiativeHistoryQuery>(event, HISTORY_QUERY, { slug: event.params.slug });
  if (!editableInitiative) error(404);
  const history = await loadRecordHistory(event.url, editableInitiative.revisions, async (from, to) => {
    const compared = await loadAs<InitiativeCompareQuery>(event, COMPARE_QUERY, { slug: event.params.slug, from, to });
    return compared.editableInitiative?.compare ?? [];
  });
  return { history };
};

export const actions: Actions = {
  restore: (event) => restoreRevision(event, event.params.slug),
};
