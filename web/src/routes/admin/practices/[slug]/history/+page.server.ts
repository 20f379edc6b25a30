// A good practice's history, as an initiative's (record-history.ts): every revision, any two
// versions compared value by value through a GET form, and "bring this version back".
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { loadRecordHistory, restoreRevision } from '#lib/server/manage/record-history.ts';
import { currentPractice } from '#lib/server/manage/practice-editing.ts';
import { PRACTICE_COMPARE_QUERY, PRACTICE_HISTORY_QUERY } from '#lib/server/manage/practice-queries.ts';
import type { PracticeCompareQuery, PracticeHistoryQuery } from '#lib/generated/operation-types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { editableGoodPractice } = await loadAs<PracticeHistoryQuery>(event, PRACTICE_HISTORY_QUERY, { slug: event.params.slug });
  if (!editableGoodPractice) error(404);
  const history = await loadRecordHistory(event.url, editableGoodPractice.revisions, async (from, to) => {
    const compared = await loadAs<PracticeCompareQuery>(event, PRACTICE_COMPARE_QUERY, { slug: event.params.slug, from, to });
    return compared.editableGoodPractice?.compare ?? [];
  });
  return { history };
};

export const actions: Actions = {
  // Named by its global id: a practice may share its short name with an initiative.
  restore: async (event) => restoreRevision(event, (await currentPractice(event, event.params.slug)).id),
};
