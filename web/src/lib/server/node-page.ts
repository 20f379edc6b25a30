// What a city node's page (/nodes/<handle>) shows, in one GraphQL request: the node's profile
// and rules, its initiatives and good practices known here, and the network's cities for the
// map. Null when the registry knows no node with that handle.
import { graphql } from './graphql.ts';
import type { NodePageQuery, NodePageQueryVariables } from '../generated/operation-types.ts';
import { lookUpBySlug } from './record-lookup.ts';
import { byPracticeType } from '../format/explore-lists.ts';
import type { CityNodeDetail, NetworkCity, PracticeListItem } from '../explore-types.ts';
import type { InitiativeSummary } from '../registry-types.ts';

/** Initiatives listed on a node's page; the search page pages through them all. */
export const NODE_INITIATIVES_SHOWN = 50;

// The text sent is the file's, as it is; its result type is generated from it (ADR 0015).
import NODE_PAGE_QUERY from './queries/node-page.graphql?raw';
import TRANSFER_FRAGMENTS from './queries/practice-transfer.fragments.graphql?raw';

export interface NodePage {
  node: CityNodeDetail;
  initiatives: InitiativeSummary[];
  initiativeCount: number;
  practices: PracticeListItem[];
  network: NetworkCity[];
}

export async function loadNodePage(slug: string, lang: string): Promise<NodePage | null> {
  const result = await lookUpBySlug(() =>
    graphql<NodePageQuery, NodePageQueryVariables>(
      `
        ${NODE_PAGE_QUERY}
        ${TRANSFER_FRAGMENTS}
      `,
      { slug, nodes: [slug], first: NODE_INITIATIVES_SHOWN, lang },
    ),
  );
  if (!result?.cityNode) return null;
  return {
    node: result.cityNode,
    initiatives: result.initiatives.edges.map((edge) => edge.node),
    initiativeCount: result.initiatives.totalCount,
    practices: result.goodPractices.edges.map((edge) => edge.node).sort(byPracticeType),
    network: result.cityNodes,
  };
}
