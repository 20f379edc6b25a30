// Reports (ActivityPub Flag) that partner nodes sent about this node's listings (moderators).
import { loadAs } from '#lib/server/manage/page-access.ts';
import { REPORTS_QUERY } from '#lib/server/manage/admin-queries.ts';
import type { PageServerLoad } from './$types';
import type { ReportsQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { reports } = await loadAs<ReportsQuery>(event, REPORTS_QUERY);
  return { reports };
};
