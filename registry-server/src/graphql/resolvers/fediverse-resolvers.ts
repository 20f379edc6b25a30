// The admin's fediverse settings (ADR 0051): thin resolvers over the settings service, which
// authorises and checks every change.
import type { GraphQLContext } from '../context.ts';
import { mutation } from './mutation-support.ts';
import type { FediverseSettingsInput, Resolvers } from '../generated/resolver-types.ts';

export const fediverseResolvers: Resolvers = {
  Query: {
    fediverseSettings: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.services.fediverseSettings.read(ctx.actor),
  },
  Mutation: {
    updateFediverseSettings: mutation(async (args: { input: FediverseSettingsInput }, ctx) => ({
      settings: await ctx.services.fediverseSettings.update(ctx.actor, args.input),
      error: null,
    })),
  },
};
