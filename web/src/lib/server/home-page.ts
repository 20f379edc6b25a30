// What the home page shows, in one GraphQL request: this node, the network's cities with their
// counts (for the map), the registry's figures, the most recently updated listings, and the
// first initiatives in alphabetical order, all in the reader's language.
import { graphql } from './graphql.ts';
import { mostRecent } from '../format/explore-lists.ts';
import type { InitiativeSummary, LocalizedText, NodeProfile } from '../registry-types.ts';
import type { NetworkCity, RecentListing } from '../explore-types.ts';

/** How many listings the "recently updated" list shows. */
export const RECENT_LISTINGS = 6;

const HOME_PAGE_QUERY = /* GraphQL */ `
  query HomePage($lang: String!, $recent: Int!) {
    thisNode(lang: $lang) {
      slug
      name(lang: $lang) { ...Text }
      summary(lang: $lang) { ...Text }
      city(lang: $lang)
      country { name(lang: $lang) }
    }
    initiatives(first: 20, orderBy: NAME, lang: $lang) {
      totalCount
      edges {
        node {
          id
          slug
          url
          origin { isLocal }
          name(lang: $lang) { ...Text }
          summary(lang: $lang) { ...Text }
          primarySector { code label(lang: $lang) }
          location { locality }
        }
      }
    }
    goodPractices(first: 0, lang: $lang) { totalCount }
    recentInitiatives: initiatives(first: $recent, orderBy: RECENTLY_UPDATED, lang: $lang) {
      edges { node { id slug url origin { isLocal } name(lang: $lang) { ...Text } node { city(lang: $lang) } updatedAt } }
    }
    recentPractices: goodPractices(first: $recent, orderBy: RECENTLY_UPDATED, lang: $lang) {
      edges { node { id slug url origin { isLocal } title(lang: $lang) { ...Text } node { city(lang: $lang) } updatedAt } }
    }
    cityNodes(lang: $lang) {
      slug
      city(lang: $lang)
      country { code name(lang: $lang) }
      geo { lat lon }
      status
      url
      isThisNode
      initiativeCount
      goodPracticeCount
    }
  }

  fragment Text on LocalizedText { text language direction isFallback }
`;

interface RecentRecord {
  id: string;
  slug: string;
  url: string;
  origin: { isLocal: boolean };
  node: { city: string };
  updatedAt: string;
}

interface HomePageResult {
  thisNode: NodeProfile;
  initiatives: { totalCount: number; edges: Array<{ node: InitiativeSummary }> };
  goodPractices: { totalCount: number };
  recentInitiatives: { edges: Array<{ node: RecentRecord & { name: LocalizedText } }> };
  recentPractices: { edges: Array<{ node: RecentRecord & { title: LocalizedText } }> };
  cityNodes: NetworkCity[];
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
  const result = await graphql<HomePageResult>(HOME_PAGE_QUERY, { lang, recent: RECENT_LISTINGS });
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
