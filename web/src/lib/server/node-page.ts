// What a city node's page (/nodes/<handle>) shows, in one GraphQL request: the node's profile
// and rules, its initiatives and good practices known here, and the network's cities for the
// map. Null when the registry knows no node with that handle.
import { graphql } from './graphql.ts';
import { lookUpBySlug } from './record-lookup.ts';
import { byPracticeType } from '../format/explore-lists.ts';
import type { CityNodeDetail, NetworkCity, PracticeListItem } from '../explore-types.ts';
import type { InitiativeSummary } from '../registry-types.ts';

/** Initiatives listed on a node's page; the search page pages through them all. */
export const NODE_INITIATIVES_SHOWN = 50;

const NODE_PAGE_QUERY = /* GraphQL */ `
  query NodePage($slug: String!, $nodes: [String!]!, $first: Int!, $lang: String!) {
    cityNode(slug: $slug, lang: $lang) {
      ...City
      name(lang: $lang) { ...Text }
      summary(lang: $lang) { ...Text }
      region
      operators { name role { ...Label } url }
      defaultLanguages { code name(lang: $lang) }
      inclusionCriteria(lang: $lang) { ...Text }
      validatedBy(lang: $lang) { ...Text }
      updateFrequency(lang: $lang) { ...Text }
      dataLicence
      privacyPolicy(lang: $lang) { ...Text }
      network
      sources { title file url date note }
    }
    initiatives(first: $first, filter: { node: $nodes }, orderBy: NAME, lang: $lang) {
      totalCount
      edges { node { id slug url origin { isLocal } name(lang: $lang) { ...Text } summary(lang: $lang) { ...Text } primarySector { code label(lang: $lang) } location { locality } } }
    }
    goodPractices(first: 100, filter: { node: $nodes }, lang: $lang) {
      edges { node { id slug url origin { isLocal } title(lang: $lang) { ...Text } practiceType { ...Label } } }
    }
    cityNodes(lang: $lang) { ...City }
  }

  fragment City on CityNode { slug city(lang: $lang) country { code name(lang: $lang) } geo { lat lon } status url isThisNode initiativeCount goodPracticeCount }
  fragment Text on LocalizedText { text language direction isFallback }
  fragment Label on Concept { code label(lang: $lang) labelLanguage(lang: $lang) }
`;

interface NodePageResult {
  cityNode: CityNodeDetail | null;
  initiatives: { totalCount: number; edges: Array<{ node: InitiativeSummary }> };
  goodPractices: { edges: Array<{ node: PracticeListItem }> };
  cityNodes: NetworkCity[];
}

export interface NodePage {
  node: CityNodeDetail;
  initiatives: InitiativeSummary[];
  initiativeCount: number;
  practices: PracticeListItem[];
  network: NetworkCity[];
}

export async function loadNodePage(slug: string, lang: string): Promise<NodePage | null> {
  const result = await lookUpBySlug(() => graphql<NodePageResult>(NODE_PAGE_QUERY, { slug, nodes: [slug], first: NODE_INITIATIVES_SHOWN, lang }));
  if (!result?.cityNode) return null;
  return {
    node: result.cityNode,
    initiatives: result.initiatives.edges.map((edge) => edge.node),
    initiativeCount: result.initiatives.totalCount,
    practices: result.goodPractices.edges.map((edge) => edge.node).sort(byPracticeType),
    network: result.cityNodes,
  };
}
