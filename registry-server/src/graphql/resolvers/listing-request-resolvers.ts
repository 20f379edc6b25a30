// "List your initiative": the public form's token and request, and the moderators' decisions on
// requests. Thin: each resolver calls the listing-requests service, which checks and authorises.
import { can, requireSignedIn } from '../../accounts/authorization.ts';
import type { ListingRequestInput, StoredListingRequest } from '../../listing-requests/listing-requests.ts';
import type { MigrantLedChoice } from '../../listing-requests/listing-request-input.ts';
import type { GraphQLContext } from '../context.ts';
import type { DraftView } from './editorial-resolvers.ts';
import { mutation } from './mutation-support.ts';
import type { Resolvers } from '../generated/resolver-types.ts';

type ListingRequestArgs = Omit<ListingRequestInput, 'migrantLed'> & { migrantLed?: string | null };

const choice = (value: string | null | undefined): MigrantLedChoice | null =>
  value ? (value.toLowerCase().replaceAll('_', '-') as MigrantLedChoice) : null;

const requestView = (r: StoredListingRequest) => ({
  initiative: r._id,
  origin: 'PUBLIC_FORM' as const,
  askedAt: r.askedAt,
  status: r.status.toUpperCase().replace('-', '_') as 'WAITING' | 'APPROVED' | 'DECLINED' | 'CHANGES_ASKED',
  askerEmail: r.askerEmail ?? null,
  askerLanguage: r.askerLanguage,
});

const draft = (doc: DraftView['doc'], ctx: GraphQLContext): DraftView => ({ kind: 'initiative', doc, reader: ctx.reader });

export const listingRequestResolvers: Resolvers = {
  InitiativeDraft: {
    // Moderators only: an editor of the initiative (the person, once invited) never sees the request.
    listingRequest: async (v: DraftView, _: unknown, ctx: GraphQLContext) => {
      if (!can(ctx.actor, { do: 'review.list' })) return null;
      const request = await ctx.loaders.listingRequest.load(v.doc._id);
      return request ? requestView(request) : null;
    },
  },
  Query: {
    listingRequestForm: (_: unknown, __: unknown, ctx: GraphQLContext) => {
      // Each form its own token: one shared from a cache would let only its first sender through.
      ctx.markPrivate();
      return ctx.services.listingRequests.form();
    },
    listingRequests: async (_: unknown, __: unknown, ctx: GraphQLContext) =>
      (await ctx.services.listingRequests.waiting(ctx.actor)).map(requestView),
  },
  Mutation: {
    // Anyone may ask, signed in or not; a cookie session still needs its CSRF token.
    requestListing: mutation(
      async (args: { input: ListingRequestArgs }, ctx: GraphQLContext) => {
        await ctx.services.listingRequests.submit({ ...args.input, migrantLed: choice(args.input.migrantLed) }, ctx.address);
        return { ok: true, error: null };
      },
      { ok: false },
    ),
    approveListingRequest: mutation(async (args: { id: string; version: number }, ctx: GraphQLContext) => {
      requireSignedIn(ctx.actor);
      const id = ctx.services.iris.storeIdFor('initiatives', args.id);
      const { doc, invitation } = await ctx.services.listingRequests.approve(ctx.actor, id, args.version);
      return { record: draft(doc, ctx), invitation, error: null };
    }),
    askListingChanges: mutation(async (args: { id: string; version: number; reason: string }, ctx: GraphQLContext) => {
      requireSignedIn(ctx.actor);
      const id = ctx.services.iris.storeIdFor('initiatives', args.id);
      const { doc, invitation } = await ctx.services.listingRequests.askChanges(ctx.actor, id, args.version, args.reason);
      return { record: draft(doc, ctx), invitation, error: null };
    }),
    declineListingRequest: mutation(
      async (args: { id: string; version: number; reason: string }, ctx: GraphQLContext) => {
        requireSignedIn(ctx.actor);
        const id = ctx.services.iris.storeIdFor('initiatives', args.id);
        const { doc, askerTold } = await ctx.services.listingRequests.decline(ctx.actor, id, args.version, args.reason);
        return { record: draft(doc, ctx), askerTold, error: null };
      },
      { askerTold: false },
    ),
  },
};
