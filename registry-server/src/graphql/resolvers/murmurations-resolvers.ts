// The Murmurations registration status for admins: a thin resolver over MurmurationsStatus, which authorises.
import type { GraphQLContext } from '../context.ts';
import type { MurmurationsProfileKind, Resolvers } from '../generated/resolver-types.ts';

const KIND: Record<string, MurmurationsProfileKind> = { node: 'NODE', initiative: 'INITIATIVE', marketRecord: 'MARKET_RECORD' };

export const murmurationsResolvers: Resolvers = {
  Query: {
    murmurationsStatus: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      const view = await ctx.services.murmurations.view(ctx.actor);
      return {
        ...view,
        registrations: view.registrations.map((r) => ({
          profileUrl: r._id,
          nodeId: r.nodeId,
          kind: KIND[r.target.kind]!,
          handle: r.target.handle,
          registered: r.registered,
          pending: r.changed && !r.gaveUp,
          attempts: r.attempts,
          gaveUp: r.gaveUp,
          lastAction: r.lastAction?.toUpperCase() ?? null,
          lastAttemptAt: r.lastAttemptAt,
          lastSuccessAt: r.lastSuccessAt,
          lastError: r.lastError,
          nextAttemptAt: r.changed && !r.gaveUp ? new Date(r.nextAttemptAt).toISOString() : null,
          indexStatus: r.indexStatus,
        })),
      };
    },
  },
};
