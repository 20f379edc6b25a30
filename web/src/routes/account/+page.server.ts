// "My initiatives": the initiatives the signed-in editor belongs to, each with its status.
import { loadAs } from '#lib/server/manage/page-access.ts';
import { MY_INITIATIVES_QUERY, type InitiativeSummary } from '#lib/server/manage/editor-queries.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { myInitiatives } = await loadAs<{ myInitiatives: InitiativeSummary[] }>(event, MY_INITIATIVES_QUERY);
  return { initiatives: myInitiatives };
};
