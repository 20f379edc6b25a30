// Reports (ActivityPub Flag) that partner nodes sent about this node's listings (moderators).
import { loadAs } from '#lib/server/manage/page-access.ts';
import { REPORTS_QUERY, type Report } from '#lib/server/manage/admin-queries.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { reports } = await loadAs<{ reports: Report[] }>(event, REPORTS_QUERY);
  return { reports };
};
