// The staff's list of the node's own good practices (schemas/graphql/practice-editing.graphql):
// authorised first, so the answer to anyone else never depends on what exists.
import { authorize } from '../../accounts/authorization.ts';
import type { GraphQLContext } from '../context.ts';
import type { DraftView } from './editorial-resolvers.ts';

export const practiceListResolvers = {
  Query: {
    nodeGoodPractices: async (_: unknown, __: unknown, ctx: GraphQLContext): Promise<DraftView[]> => {
      authorize(ctx.actor, { do: 'practice.list' });
      const docs = await ctx.services.practices.listLocalUndeleted();
      return docs.map((doc) => ({ kind: 'goodPractice', doc, reader: ctx.reader }));
    },
  },
};
