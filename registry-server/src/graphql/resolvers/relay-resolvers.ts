import type { ContactMessage } from '../../relay/contact-relay.ts';
import { ActionError } from '../../accounts/action-error.ts';
import { requireSignedIn } from '../../accounts/authorization.ts';
import type { GraphQLContext } from '../context.ts';
import { mutation } from './mutation-support.ts';
import type { Resolvers } from '../generated/resolver-types.ts';

export const relayResolvers: Resolvers = {
  ContactMessage: {
    id: (m: ContactMessage) => m._id,
    fromSignedInAccount: (m: ContactMessage) => m.fromAccount !== null,
  },
  Mutation: {
    // Anyone may write, signed in or not; a cookie session still needs its CSRF token.
    sendMessage: mutation(
      async (
        args: { initiative: string; input: { senderName?: string | null; replyTo: string; subject: string; body: string } },
        ctx: GraphQLContext,
      ) => {
        const storeId = ctx.services.iris.storeIdFor('initiatives', args.initiative);
        if (storeId.includes('://'))
          throw new ActionError('NOT_FOUND', 'This initiative is on another node: write to it through its own node.');
        await ctx.services.relay.send(ctx.actor, storeId, args.input, ctx.address);
        return { ok: true, error: null };
      },
      { ok: false },
    ),
    markMessageRead: mutation(async (args: { id: string }, ctx: GraphQLContext) => {
      // Before the lookup, so the anonymous public learns nothing about which ids exist.
      requireSignedIn(ctx.actor);
      return { message: await ctx.services.relay.markRead(ctx.actor, args.id), error: null };
    }),
  },
};
