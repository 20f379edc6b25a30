// `search` and `rebuildSearchIndex`: thin resolvers. The engine (src/search) finds, counts and
// orders; the records of the page come from the store by id, so every field is resolved as on
// any other listing, in the reader's language.
import { authorize } from '../../accounts/authorization.ts';
import { schemaUnchecked } from './shared-resolvers.ts';
import type { StoredInitiative } from '../../initiatives/initiative-repository.ts';
import type { StoredGoodPractice } from '../../practices/good-practice-repository.ts';
import type { FacetName } from '../../search/facets.ts';
import { searchQueryFrom, type SearchArgs } from '../../search/search-input.ts';
import type { GraphQLContext } from '../context.ts';
import { readerWith, type Reader } from '../reader.ts';
import { facetLabel } from './facet-labels.ts';
import { goodPracticeView } from './good-practice-resolvers.ts';
import { initiativeView } from './initiative-resolvers.ts';
import { mutation } from './mutation-support.ts';
import type { FacetName as GqlFacetName, Resolvers } from '../generated/resolver-types.ts';

const FACET_ENUM: Partial<Record<FacetName, GqlFacetName>> = {
  node: 'NODE',
  country: 'COUNTRY',
  sector: 'SECTOR',
  practiceType: 'PRACTICE_TYPE',
  legalForm: 'LEGAL_FORM',
  languageOffered: 'LANGUAGE_OFFERED',
  migrantLed: 'MIGRANT_LED',
  need: 'NEED',
  kind: 'KIND',
  reservedArticle: 'RESERVED_ARTICLE',
  reservedBasis: 'RESERVED_BASIS',
  teamSize: 'TEAM_SIZE',
};

export interface FacetValueView {
  facet: FacetName;
  value: string;
  count: number;
  selected: boolean;
  reader: Reader;
}

export type ListingView =
  (ReturnType<typeof initiativeView> & { listing: 'Initiative' }) | (ReturnType<typeof goodPracticeView> & { listing: 'GoodPractice' });

async function recordsById<T extends { _id: string }>(
  repository: { findPublishedByIds(ids: readonly string[]): Promise<T[]> },
  ids: string[],
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const docs = await repository.findPublishedByIds(ids);
  return new Map(docs.map((d) => [d._id, d]));
}

export const searchResolvers: Resolvers = {
  Query: {
    search: schemaUnchecked(async (_: unknown, args: SearchArgs & { lang?: string | null }, ctx: GraphQLContext) => {
      const reader = readerWith(ctx.reader, args.lang);
      const search = ctx.services.search;
      const query = searchQueryFrom(args, (handle) => search.cityCentre(handle), args.lang ?? ctx.reader.languages[0]);
      const result = search.search(query);
      const [initiatives, practices] = await Promise.all([
        recordsById<StoredInitiative>(
          ctx.services.initiatives,
          result.hits.filter((h) => h.kind === 'initiative').map((h) => h.id),
        ),
        recordsById<StoredGoodPractice>(
          ctx.services.practices,
          result.hits.filter((h) => h.kind === 'goodPractice').map((h) => h.id),
        ),
      ]);
      const edges = result.hits.flatMap((hit) => {
        const initiative = hit.kind === 'initiative' ? initiatives.get(hit.id) : undefined;
        const practice = hit.kind === 'goodPractice' ? practices.get(hit.id) : undefined;
        // A listing removed by another process since the index saw it is left out.
        const doc = initiative ?? practice;
        if (!doc) return [];
        const node: ListingView = initiative
          ? { ...initiativeView(initiative, reader), listing: 'Initiative' }
          : { ...goodPracticeView(practice!, reader), listing: 'GoodPractice' };
        return [
          {
            cursor: hit.cursor,
            node,
            score: hit.score,
            distanceKm: hit.distanceKm,
            nodeHandle: doc.record.node,
            received: doc.origin.kind === 'remote',
            // Other listings of the organisation, from the index's memory (no request per hit; ADR 0052).
            sameAs: (hit.sameAs ?? []).map((m) => ({
              // A received listing's store id is its IRI; a local one's is its handle.
              id: m.id.includes('://') ? m.id : ctx.services.iris.local('initiatives', m.id),
              nodeHandle: m.node,
              locality: m.locality,
              url: m.url,
            })),
          },
        ];
      });
      return {
        edges,
        pageInfo: {
          hasNextPage: result.hasNextPage,
          hasPreviousPage: Boolean(args.after),
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges[edges.length - 1]?.cursor ?? null,
        },
        totalCount: result.total,
        facets: result.facets.map((f) => ({
          name: FACET_ENUM[f.name],
          values: f.values.map((v): FacetValueView => ({ facet: f.name, ...v, reader })),
        })),
        terms: result.terms,
      };
    }),
  },
  Mutation: {
    rebuildSearchIndex: mutation(
      async (_args: unknown, ctx: GraphQLContext) => {
        authorize(ctx.actor, { do: 'settings.update' });
        const stats = await ctx.services.search.rebuild();
        return {
          listings: stats.listings as number | null,
          terms: stats.terms as number | null,
          durationMs: stats.durationMs as number | null,
          error: null,
        };
      },
      { listings: null, terms: null, durationMs: null },
    ),
  },
  Listing: {
    __resolveType: (v: ListingView) => v.listing,
  },
  FacetValue: {
    label: (v: FacetValueView, _: unknown, ctx: GraphQLContext) => facetLabel(ctx, v.facet, v.value, v.reader),
  },
};
