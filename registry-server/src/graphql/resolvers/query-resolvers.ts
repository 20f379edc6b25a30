// Root query resolvers: check arguments, call the repositories, wrap results in views.
import { initiativeStoreFilter, type InitiativeFilterInput } from '../../initiatives/initiative-filter.ts';
import { goodPracticeStoreFilter, type GoodPracticeFilterInput } from '../../practices/good-practice-filter.ts';
import { BadInputError } from '../../records/bad-input-error.ts';
import type { ListingOrder } from '../../records/record-repository.ts';
import type { Page } from '../../store/keyset-pagination.ts';
import type { GraphQLContext } from '../context.ts';
import { readerWith, type Reader } from '../reader.ts';
import { cityNodeView } from './city-node-resolvers.ts';
import { goodPracticeView } from './good-practice-resolvers.ts';
import { initiativeView } from './initiative-resolvers.ts';
import { taxonomyIdFromEnum, type TaxonomyView } from './taxonomy-resolvers.ts';
import type { Resolvers } from '../generated/resolver-types.ts';

export const MAX_PAGE_SIZE = 100;

interface ListArgs<F> {
  first?: number | null;
  after?: string | null;
  filter?: F | null;
  orderBy?: ListingOrder | null;
  lang?: string | null;
}

interface OneArgs {
  id?: string | null;
  slug?: string | null;
  lang?: string | null;
}

/** A connection's `first`: 20 by default, refused outside 0 to MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (size < 0 || size > MAX_PAGE_SIZE)
    throw new BadInputError('first', `must be between 0 and ${MAX_PAGE_SIZE} (got ${size}). Page through longer lists with \`after\`.`);
  return size;
}

function oneOf(args: OneArgs): { id?: string; slug?: string } {
  if ((args.id == null) === (args.slug == null))
    throw new BadInputError(args.id == null ? 'id' : 'slug', 'give exactly one of `id` or `slug`.');
  if (args.slug != null && args.slug.length > 200) throw new BadInputError('slug', 'is longer than any slug (at most 64 characters).');
  if (args.id != null && args.id.length > 2000) throw new BadInputError('id', 'is longer than any id (at most 2,000 characters).');
  return args.id != null ? { id: args.id } : { slug: args.slug! };
}

function viewPage<T, V>(page: Page<T>, view: (doc: T) => V) {
  // The cursor stays a getter: encoded only when the query selects it (keyset-pagination.ts).
  return {
    ...page,
    edges: page.edges.map((e) => ({
      get cursor() {
        return e.cursor;
      },
      node: view(e.node),
    })),
  };
}

const readerOf = (ctx: GraphQLContext, lang: string | null | undefined): Reader => readerWith(ctx.reader, lang);

export const queryResolvers: Resolvers = {
  Query: {
    initiatives: async (_: unknown, args: ListArgs<InitiativeFilterInput>, ctx: GraphQLContext) => {
      const reader = readerOf(ctx, args.lang);
      const first = pageSize(args.first);
      const filter = await initiativeStoreFilter(args.filter, ctx.services.catalog, ctx.services.practices);
      const page = await ctx.services.initiatives.page(filter, args.orderBy ?? 'NAME', first, args.after);
      return viewPage(page, (doc) => initiativeView(doc, reader));
    },
    initiative: async (_: unknown, args: OneArgs, ctx: GraphQLContext) => {
      const reader = readerOf(ctx, args.lang);
      const { id, slug } = oneOf(args);
      const storeId = id !== undefined ? ctx.services.iris.storeIdFor('initiatives', id) : slug!;
      const doc = await ctx.services.initiatives.findPublishedById(storeId);
      return doc && (slug === undefined || doc.origin.kind === 'local') ? initiativeView(doc, reader) : null;
    },
    goodPractices: async (_: unknown, args: ListArgs<GoodPracticeFilterInput>, ctx: GraphQLContext) => {
      const reader = readerOf(ctx, args.lang);
      const first = pageSize(args.first);
      const filter = goodPracticeStoreFilter(args.filter, ctx.services.catalog);
      const page = await ctx.services.practices.page(filter, args.orderBy ?? 'NAME', first, args.after);
      return viewPage(page, (doc) => goodPracticeView(doc, reader));
    },
    goodPractice: async (_: unknown, args: OneArgs, ctx: GraphQLContext) => {
      const reader = readerOf(ctx, args.lang);
      const { id, slug } = oneOf(args);
      const storeId = id !== undefined ? ctx.services.iris.storeIdFor('practices', id) : slug!;
      const doc = await ctx.services.practices.findPublishedById(storeId);
      return doc && (slug === undefined || doc.origin.kind === 'local') ? goodPracticeView(doc, reader) : null;
    },
    cityNodes: async (_: unknown, args: { lang?: string | null }, ctx: GraphQLContext) => {
      const reader = readerOf(ctx, args.lang);
      const docs = await ctx.services.nodes.findPublished({});
      return docs.map((doc) => cityNodeView(doc, doc._id, reader));
    },
    cityNode: async (_: unknown, args: { slug: string; lang?: string | null }, ctx: GraphQLContext) => {
      const reader = readerOf(ctx, args.lang);
      const doc = await ctx.loaders.cityNode.load(args.slug);
      return doc ? cityNodeView(doc, doc._id, reader) : null;
    },
    thisNode: async (_: unknown, args: { lang?: string | null }, ctx: GraphQLContext) => {
      const handle = ctx.services.config.nodeHandle;
      return cityNodeView(await ctx.loaders.cityNode.load(handle), handle, readerOf(ctx, args.lang));
    },
    taxonomies: (_: unknown, args: { lang?: string | null }, ctx: GraphQLContext): TaxonomyView[] => {
      const reader = readerOf(ctx, args.lang);
      return ctx.services.catalog.all().map((taxonomy) => ({ taxonomy, reader }));
    },
    taxonomy: (_: unknown, args: { id: string; lang?: string | null }, ctx: GraphQLContext): TaxonomyView => {
      const taxonomy = ctx.services.catalog.get(taxonomyIdFromEnum(args.id))!;
      return { taxonomy, reader: readerOf(ctx, args.lang) };
    },
  },
};
