// The node's good practices for its moderators and admins, in every state (the registry refuses
// anyone else), with the way to start a new one.
import { loadAs } from '#lib/server/manage/page-access.ts';
import { NODE_GOOD_PRACTICES_QUERY } from '#lib/server/manage/practice-queries.ts';
import type { NodeGoodPracticesQuery } from '#lib/generated/operation-types.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { nodeGoodPractices } = await loadAs<NodeGoodPracticesQuery>(event, NODE_GOOD_PRACTICES_QUERY);
  return { practices: nodeGoodPractices };
};
