// The explore pages' names for the parts of the registry's answers they read (city nodes, practice
// types, the network overview). Generated from the pages' queries (lib/server/queries/*.graphql)
// and the schema (ADR 0015); RecentListing and PracticeTypeSummary are the pages' own shapes.
import type {
  CityFragment,
  CityNodeStatus as GeneratedCityNodeStatus,
  NodePageQuery,
  PracticeTypeComparisonQuery,
  PracticeTypesQuery,
} from './generated/operation-types.ts';
import type { InitiativeSummary, LocalizedText } from './registry-types.ts';

export type CityNodeStatus = GeneratedCityNodeStatus;

/** A city node as the map and the network list show it. */
export type NetworkCity = CityFragment;

/** Everything a city node's page (/nodes/<handle>) says about the node. */
export type CityNodeDetail = NonNullable<NodePageQuery['cityNode']>;

/** A good practice in a list (a node's practices). */
export type PracticeListItem = NodePageQuery['goodPractices']['edges'][number]['node'];

/** A listing of the "recently updated" list of the home page: an initiative or a good practice. */
export interface RecentListing {
  kind: 'initiatives' | 'practices';
  id?: string;
  slug: string;
  url: string;
  origin: { isLocal: boolean };
  name: LocalizedText;
  city: string;
  updatedAt: string;
}

/** A good practice with every field the comparison between cities shows side by side. */
export type ComparedPractice = PracticeTypeComparisonQuery['goodPractices']['edges'][number]['node'];

/** An initiative illustrating a practice type, with its city. */
export type InitiativeOfCity = PracticeTypeComparisonQuery['initiatives']['edges'][number]['node'];

/** One of the ten practice types in the index, with the cities that implement it. */
export type PracticeTypeSummary = PracticeTypesQuery['taxonomy']['concepts'][number] & {
  cities: Array<{ slug: string; city: string }>;
};

export type { InitiativeSummary };
