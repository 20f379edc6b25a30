// What the home page shows, in one GraphQL request: this node, the network's cities with their
// counts (for the map), the registry's figures, the most recently updated listings, and the
// first initiatives in alphabetical order, all in the reader's language.
import { graphql } from './graphql.ts';
import type { HomePageQuery, HomePageQueryVariables } from '../generated/operation-types.ts';
import { mostRecent } from '../format/explore-lists.ts';
import type { InitiativeSummary, NodeProfile } from '../registry-types.ts';
import type { NetworkCity, RecentListing } from '../explore-types.ts';

/** How many listings the "recently updated" list shows. */
export const RECENT_LISTINGS = 6;

// The text sent is the file's, as it is; its result type is generated from it (ADR 0015).
import HOME_PAGE_QUERY from './queries/home-page.graphql?raw';

interface RecentRecord {
  id: string;
  slug: string;
  url: string;
  origin: { isLocal: boolean };
  node: { city: string };
  updatedAt: string;
}

export interface HomePage {
  node: NodeProfile;
  initiatives: InitiativeSummary[];
  initiativeCount: number;
  goodPracticeCount: number;
  /** Every city node the registry knows, this one included (the map and its list). */
  cities: NetworkCity[];
  recent: RecentListing[];
}

export async function loadHomePage(lang: string): Promise<HomePage> {
  const result = await graphql<HomePageQuery, HomePageQueryVariables>(HOME_PAGE_QUERY, { lang, recent: RECENT_LISTINGS });
  return {
    node: result.thisNode,
    initiatives: result.initiatives.edges.map((edge) => edge.node),
    initiativeCount: result.initiatives.totalCount,
    goodPracticeCount: result.goodPractices.totalCount,
    cities: result.cityNodes,
    recent: mostRecent(
      result.recentInitiatives.edges.map(({ node }) => ({ kind: 'initiatives' as const, ...pick(node), name: node.name })),
      result.recentPractices.edges.map(({ node }) => ({ kind: 'practices' as const, ...pick(node), name: node.title })),
      RECENT_LISTINGS,
    ),
  };
}

function pick(record: RecentRecord): Omit<RecentListing, 'kind' | 'name'> {
  return { id: record.id, slug: record.slug, url: record.url, origin: record.origin, city: record.node.city, updatedAt: record.updatedAt };
}
