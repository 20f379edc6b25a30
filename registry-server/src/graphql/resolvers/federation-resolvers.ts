// Partner administration, blocks, reporting a partner's listing and the delivery queue: thin resolvers over the
// partner service, which authorises every action.
import { ActionError } from '../../accounts/action-error.ts';
import { authorize } from '../../accounts/authorization.ts';
import type { FederationRuntime } from '../../federation/federation-runtime.ts';
import type { PartnerView } from '../../federation/partners/partner-service.ts';
import type { GraphQLContext } from '../context.ts';
import { mutation } from './mutation-support.ts';
import type { FollowState, Resolvers } from '../generated/resolver-types.ts';

const STATE = (s: string | null) => (s ? (s.toUpperCase() as FollowState) : null);
const partnerView = (p: PartnerView) => ({ ...p, following: STATE(p.following), followedBy: STATE(p.followedBy) });

function runtime(ctx: GraphQLContext): FederationRuntime {
  if (!ctx.federation) throw new ActionError('INVALID_STATE', 'This process does not federate.');
  return ctx.federation;
}

async function partner(ctx: GraphQLContext, actor: string) {
  const found = (await runtime(ctx).partners.list(ctx.actor)).find((p) => p.actor === actor);
  return found ? partnerView(found) : null;
}

export const federationResolvers: Resolvers = {
  Query: {
    fediverseFollowers: async (_: unknown, __: unknown, ctx: GraphQLContext) => runtime(ctx).followers.list(ctx.actor),
    partners: async (_: unknown, __: unknown, ctx: GraphQLContext) => (await runtime(ctx).partners.list(ctx.actor)).map(partnerView),
    deliveryQueue: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      authorize(ctx.actor, { do: 'settings.update' });
      const depth = await runtime(ctx).queue.getDepth();
      return { queued: depth.queued, ready: depth.ready ?? depth.queued, delayed: depth.delayed ?? 0 };
    },
    blockedDomains: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      authorize(ctx.actor, { do: 'settings.update' });
      return (await runtime(ctx).data.follows.blockedDomains()).map((b) => ({ domain: b._id, blockedAt: b.blockedAt, reason: b.reason }));
    },
  },
  Mutation: {
    followPartner: mutation(async (args: { target: string }, ctx) => {
      const following = await runtime(ctx).partners.follow(ctx.actor, args.target);
      return { partner: await partner(ctx, following._id), error: null };
    }),
    approvePartner: mutation(async (args: { actor: string }, ctx) => {
      await runtime(ctx).partners.decide(ctx.actor, args.actor, true);
      return { partner: await partner(ctx, args.actor), error: null };
    }),
    rejectPartner: mutation(async (args: { actor: string }, ctx) => {
      await runtime(ctx).partners.decide(ctx.actor, args.actor, false);
      return { partner: await partner(ctx, args.actor), error: null };
    }),
    removeFollower: mutation(
      async (args: { id: string }, ctx) => {
        await runtime(ctx).followers.remove(ctx.actor, args.id);
        return { ok: true, error: null };
      },
      { ok: false },
    ),
    unfollowPartner: mutation(
      async (args: { actor: string }, ctx) => {
        await runtime(ctx).partners.unfollow(ctx.actor, args.actor);
        return { ok: true, error: null };
      },
      { ok: false },
    ),
    blockDomain: mutation(async (args: { domain: string; reason?: string | null }, ctx) => ({
      removedListings: await runtime(ctx).partners.block(ctx.actor, args.domain, args.reason ?? null),
      error: null,
    })),
    unblockDomain: mutation(
      async (args: { domain: string }, ctx) => {
        await runtime(ctx).partners.unblock(ctx.actor, args.domain);
        return { ok: true, error: null };
      },
      { ok: false },
    ),
    reportListing: mutation(
      async (args: { id: string; reason: string }, ctx) => {
        await runtime(ctx).partners.report(ctx.actor, args.id, args.reason);
        return { ok: true, error: null };
      },
      { ok: false },
    ),
  },
};
