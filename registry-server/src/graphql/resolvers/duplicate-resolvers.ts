// Likely duplicates and links between listings of one organisation (ADR 0052). Thin: the
// service authorises and decides; these map the stored pair to the API.
import type { DuplicatePairView } from '../../duplicates/same-organisation-links.ts';
import type { DuplicatePairStatus } from '../../duplicates/duplicate-pair.ts';
import type { GraphQLContext } from '../context.ts';
import { initiativeView } from './initiative-resolvers.ts';
import { mutation } from './mutation-support.ts';
import type { DuplicateStatus, Resolvers } from '../generated/resolver-types.ts';

const fromApiStatus = (status: DuplicateStatus | null | undefined): DuplicatePairStatus =>
  (status ?? 'PROPOSED').toLowerCase() as DuplicatePairStatus;

/** A pair decided just now, with its listings as they are, for the mutation's answer. */
async function viewOf(ctx: GraphQLContext, pair: DuplicatePairView['pair']): Promise<DuplicatePairView> {
  const docs = await ctx.services.initiatives.findPublishedByIds(pair.ids);
  const byId = new Map(docs.map((d) => [d._id, d]));
  return { pair, listings: [byId.get(pair.ids[0]) ?? null, byId.get(pair.ids[1]) ?? null] };
}

export const duplicateResolvers: Resolvers = {
  DuplicatePair: {
    id: (v: DuplicatePairView) => v.pair._id,
    // A pair two partners' listings claim, waiting for the other origin, is not linked yet: shown as proposed.
    status: (v: DuplicatePairView) => (v.pair.status === 'claimed' ? 'PROPOSED' : (v.pair.status.toUpperCase() as DuplicateStatus)),
    reasons: (v: DuplicatePairView) => v.pair.reasons,
    listings: (v: DuplicatePairView, _: unknown, ctx: GraphQLContext) =>
      v.listings.filter((d) => d !== null).map((d) => initiativeView(d, ctx.reader)),
    proposedAt: (v: DuplicatePairView) => v.pair.proposedAt,
    decidedAt: (v: DuplicatePairView) => v.pair.decidedAt ?? null,
    byPartner: (v: DuplicatePairView) => v.pair.status !== 'proposed' && !v.pair.decidedBy,
  },
  Query: {
    duplicatePairs: (_: unknown, args: { status?: DuplicateStatus | null }, ctx: GraphQLContext) =>
      ctx.services.sameOrganisation.list(ctx.actor, fromApiStatus(args.status)),
  },
  Mutation: {
    confirmDuplicate: mutation(async (args: { id: string }, ctx: GraphQLContext) => ({
      pair: await viewOf(ctx, await ctx.services.sameOrganisation.confirm(ctx.actor, args.id)),
      error: null,
    })),
    rejectDuplicate: mutation(async (args: { id: string }, ctx: GraphQLContext) => ({
      pair: await viewOf(ctx, await ctx.services.sameOrganisation.reject(ctx.actor, args.id)),
      error: null,
    })),
    unlinkDuplicate: mutation(async (args: { id: string }, ctx: GraphQLContext) => ({
      pair: await viewOf(ctx, await ctx.services.sameOrganisation.unlink(ctx.actor, args.id)),
      error: null,
    })),
  },
};
