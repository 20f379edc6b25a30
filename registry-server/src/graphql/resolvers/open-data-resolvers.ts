// Resolvers of open-data.graphql (ADR 0048): the licence (read by anyone, set by admins) and each
// initiative's partner JSON-LD for the site's exports. Thin: open-data/ does the work.
import { DOCUMENT_CONTEXT } from '../../federation/jsonld/umn-context.ts';
import { initiativePartnerJsonLd } from '../../open-data/initiative-partner-jsonld.ts';
import { practicePartnerJsonLd } from '../../open-data/practice-partner-jsonld.ts';
import type { GoodPracticeView } from './good-practice-resolvers.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolver-types.ts';
import type { InitiativeView } from './initiative-resolvers.ts';
import { mutation } from './mutation-support.ts';

export const openDataResolvers: Resolvers = {
  Query: {
    openData: async (_: unknown, __: unknown, ctx: GraphQLContext) =>
      ({ ...(await ctx.services.openData.settings()), jsonLdContext: DOCUMENT_CONTEXT }) as never,
  },
  Mutation: {
    setDataLicence: mutation(
      async (args: { licence?: string | null; profileVersion: number }, ctx) => {
        const settings = await ctx.services.openData.setLicence(ctx.actor, args.licence ?? null, args.profileVersion);
        ctx.loaders.cityNode.clear(ctx.services.config.nodeHandle);
        return { settings: settings as never, error: null };
      },
      { settings: null },
    ),
  },
  Initiative: {
    partnerJsonLd: async (v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      initiativePartnerJsonLd(v.doc, {
        initiatives: ctx.services.initiatives,
        practices: ctx.services.practices,
        iris: ctx.services.iris,
        catalog: ctx.services.catalog,
        ownNode: await ctx.loaders.cityNode.load(ctx.services.config.nodeHandle),
        nodeActorId: nodeActorIdOf(ctx),
        sameAs: await ctx.services.sameOrganisation.sameAsOf(v.doc._id),
      }),
  },
  GoodPractice: {
    partnerJsonLd: (v: GoodPracticeView, _: unknown, ctx: GraphQLContext) =>
      practicePartnerJsonLd(v.doc, {
        initiatives: ctx.services.initiatives,
        iris: ctx.services.iris,
        catalog: ctx.services.catalog,
        nodeActorId: nodeActorIdOf(ctx),
      }),
  },
};

/** The alias the actor dispatcher maps to the node actor (federation.ts mapActorAlias). */
function nodeActorIdOf(ctx: GraphQLContext): string {
  return new URL(`/nodes/${encodeURIComponent(ctx.services.config.nodeHandle)}`, ctx.services.config.publicUrl).href;
}
