// What the home page shows, in one GraphQL request: this node, the first initiatives, the
// counts and the partner city nodes, all in the reader's language.
import { graphql } from './graphql.ts';
import type { InitiativeSummary, NodeProfile, PartnerCity } from '../registry-types.ts';

const HOME_PAGE_QUERY = /* GraphQL */ `
  query HomePage($lang: String!) {
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
    cityNodes(lang: $lang) {
      slug
      city(lang: $lang)
      country { name(lang: $lang) }
      status
      url
      isThisNode
    }
  }

  fragment Text on LocalizedText { text language direction isFallback }
`;

interface HomePageResult {
  thisNode: NodeProfile;
  initiatives: { totalCount: number; edges: Array<{ node: InitiativeSummary }> };
  goodPractices: { totalCount: number };
  cityNodes: PartnerCity[];
}

export interface HomePage {
  node: NodeProfile;
  initiatives: InitiativeSummary[];
  initiativeCount: number;
  goodPracticeCount: number;
  partners: PartnerCity[];
}

export async function loadHomePage(lang: string): Promise<HomePage> {
  const result = await graphql<HomePageResult>(HOME_PAGE_QUERY, { lang });
  return {
    node: result.thisNode,
    initiatives: result.initiatives.edges.map((edge) => edge.node),
    initiativeCount: result.initiatives.totalCount,
    goodPracticeCount: result.goodPractices.totalCount,
    partners: result.cityNodes.filter((node) => !node.isThisNode).sort(byCity(lang)),
  };
}

/** Orders city nodes by city name, the reader's language's alphabetical way. */
function byCity(lang: string): (a: PartnerCity, b: PartnerCity) => number {
  const collator = new Intl.Collator(lang);
  return (a, b) => collator.compare(a.city, b.city);
}
