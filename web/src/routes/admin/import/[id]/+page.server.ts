// Importing initiatives, steps 2 and 3 (admins): the columns of the staged source with the field
// each fills (remembered for the source, else proposed from its headers), values for every row,
// the dry run, then the import as drafts or published. Every step is a form post.
import { error } from '@sveltejs/kit';
import { loadAs, requireAdmin } from '#lib/server/manage/page-access.ts';
import { importStep } from '#lib/server/manage/import-actions.ts';
import { STAGED_IMPORT_QUERY } from '#lib/server/manage/import-queries.ts';
import type { StagedImportQuery } from '#lib/generated/operation-types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  const { stagedImport } = await loadAs<StagedImportQuery>(event, STAGED_IMPORT_QUERY, { id: event.params.id });
  if (!stagedImport) error(404);
  return { staged: stagedImport };
};

export const actions: Actions = {
  preview: (event) => importStep(event, false),
  run: (event) => importStep(event, true),
};
