// The ordinary fediverse followers (Mastodon …) of the node and of each initiative (admins): who
// (handle or actor address, and server; nothing more is shown, though it is public fediverse
// data), and a button to remove one, which sends it a Reject of its Follow so nothing more is
// delivered to it (ADR 0032). Partner nodes are on the partners page. Private: never cached nor
// indexed (admin layout).
import { loadAs, requireAdmin } from '#lib/server/manage/page-access.ts';
import { FEDIVERSE_FOLLOWERS_QUERY } from '#lib/server/manage/admin-queries.ts';
import { removeFollower } from '#lib/server/manage/people-actions.ts';
import type { Actions, PageServerLoad } from './$types';
import type { FediverseFollowersQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { account } = await event.parent();
  requireAdmin(account, event.url);
  const { fediverseFollowers, initiatives } = await loadAs<FediverseFollowersQuery>(event, FEDIVERSE_FOLLOWERS_QUERY);
  const names = new Map(initiatives.edges.map((edge) => [edge.node.slug, edge.node.name.text]));
  // One group per actor followed: the node first, then the initiatives by name.
  const groups = new Map<string, { initiative: string | null; name: string | null; followers: typeof fediverseFollowers }>();
  for (const follower of fediverseFollowers) {
    const key = follower.initiative ?? '';
    const group = groups.get(key) ?? {
      initiative: follower.initiative,
      name: follower.initiative ? (names.get(follower.initiative) ?? follower.initiative) : null,
      followers: [],
    };
    group.followers.push(follower);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) =>
    a.initiative === null ? -1 : b.initiative === null ? 1 : (a.name ?? '').localeCompare(b.name ?? ''),
  );
  return { groups: sorted, total: fediverseFollowers.length };
};

export const actions: Actions = { remove: removeFollower };
