// Shapes of the registry's GraphQL types that the explore pages read (city nodes, practice types,
// the network overview): schemas/graphql/nodes.graphql, practices.graphql, taxonomies.graphql.
import type { Concept, DefinedConcept, InitiativeReference, InitiativeSummary, LanguageName, LocalizedText, PracticeActor, PracticePeriod, PracticeReference, SourceReference } from './registry-types.ts';

export type CityNodeStatus = 'ONLINE' | 'PLANNED';

/** A city node as the map and the network list show it. */
export interface NetworkCity {
  slug: string;
  /** City name in the reader's language. */
  city: string;
  country: { code: string; name: string };
  geo: { lat: number; lon: number } | null;
  status: CityNodeStatus;
  /** Public URL of the node, once online. */
  url: string | null;
  isThisNode: boolean;
  initiativeCount: number;
  goodPracticeCount: number;
}

/** Everything a city node's page (/nodes/<handle>) says about the node. */
export interface CityNodeDetail extends NetworkCity {
  name: LocalizedText;
  summary: LocalizedText | null;
  region: string | null;
  operators: Array<{ name: string; role: Concept; url: string | null }>;
  defaultLanguages: LanguageName[];
  inclusionCriteria: LocalizedText | null;
  validatedBy: LocalizedText | null;
  updateFrequency: LocalizedText | null;
  dataLicence: string | null;
  privacyPolicy: LocalizedText | null;
  network: string[];
  sources: SourceReference[];
}

/** A good practice in a list (a node's practices). */
export interface PracticeListItem extends PracticeReference {
  practiceType: Concept;
}

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
export interface ComparedPractice {
  id?: string;
  slug: string;
  url: string;
  origin: { isLocal: boolean };
  title: LocalizedText;
  summary: LocalizedText;
  context: LocalizedText | null;
  objectives: LocalizedText | null;
  howItWorks: LocalizedText | null;
  targetGroup: LocalizedText | null;
  actors: PracticeActor[];
  funding: LocalizedText | null;
  results: LocalizedText | null;
  evaluation: LocalizedText | null;
  transferability: LocalizedText | null;
  period: PracticePeriod | null;
  node: { slug: string; city: string; geo: { lat: number; lon: number } | null };
}

/** An initiative illustrating a practice type, with its city. */
export interface InitiativeOfCity extends InitiativeReference {
  node: { slug: string; city: string };
}

/** One of the ten practice types in the index, with the cities that implement it. */
export interface PracticeTypeSummary extends DefinedConcept {
  cities: Array<{ slug: string; city: string }>;
}

export type { InitiativeSummary };
