// What the practice-type pages show. The index (/practice-types): the ten Union Migrant Net
// practice types (taxonomy PRACTICE_TYPE) with the cities that implement each. A comparison
// (/practice-types/<code>): every good practice of that type known here, from every city, with
// the fields of the EWSI template side by side, the initiatives that illustrate the type across
// cities, and those cities for the map. One GraphQL request per page.
import { graphql } from './graphql.ts';
import { isRefusedPracticeType } from './practice-type-refusal.ts';
import { byCode } from '../format/explore-lists.ts';
import { collator as collatorFor } from '../i18n/intl-formatters.ts';
import type { ComparedPractice, InitiativeOfCity, NetworkCity, PracticeTypeSummary } from '../explore-types.ts';
import type { DefinedConcept } from '../registry-types.ts';
import type {
  PracticeTypeComparisonQuery,
  PracticeTypeComparisonQueryVariables,
  PracticeTypesQuery,
  PracticeTypesQueryVariables,
} from '../generated/operation-types.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import INDEX_QUERY from './queries/practice-types.graphql?raw';
import COMPARISON_QUERY from './queries/practice-type-comparison.graphql?raw';
import TRANSFER_FRAGMENTS from './queries/practice-transfer.fragments.graphql?raw';
import type { PracticeTransferRow, RankedPractice } from '../transfer-types.ts';

/** Good practices (and initiatives) read per type: far more than cities in the network. */
const PER_TYPE = 100;

export interface PracticeTypesPage {
  types: PracticeTypeSummary[];
  /** The practices with the most transfers and documented outcomes, in the registry's ranking. */
  mostTransferred: RankedPractice[];
}

export async function loadPracticeTypes(lang: string): Promise<PracticeTypesPage> {
  const result = await graphql<PracticeTypesQuery, PracticeTypesQueryVariables>(
    `
      ${INDEX_QUERY}
      ${TRANSFER_FRAGMENTS}
    `,
    { lang },
  );
  const collator = collatorFor(lang);
  const types = [...result.taxonomy.concepts].sort(byCode).map((concept) => {
    const cities = new Map<string, { slug: string; city: string }>();
    for (const { node } of result.goodPractices.edges) if (node.practiceType.code === concept.code) cities.set(node.node.slug, node.node);
    return { ...concept, cities: [...cities.values()].sort((a, b) => collator.compare(a.city, b.city)) };
  });
  // Every ranked practice has at least one transfer, which names the practice and its city.
  const mostTransferred = result.mostTransferredPractices.flatMap((ranked): RankedPractice[] =>
    ranked.transfers[0] ? [{ ...ranked, practice: ranked.transfers[0].practice, fromCity: ranked.transfers[0].fromCity }] : [],
  );
  return { types, mostTransferred };
}

export interface PracticeTypeComparison {
  practiceType: DefinedConcept;
  /** One per good practice of the type, ordered by city name. */
  practices: ComparedPractice[];
  initiatives: InitiativeOfCity[];
  /** The city nodes that have a good practice of this type (for the map). */
  cities: NetworkCity[];
  /** Who learned from whom for this type: the transfer view's diagram and table. */
  transfers: PracticeTransferRow[];
}

/** The comparison of one type; null when `code` is not one of the ten types. */
export async function loadPracticeTypeComparison(code: string, lang: string): Promise<PracticeTypeComparison | null> {
  let result;
  try {
    result = await graphql<PracticeTypeComparisonQuery, PracticeTypeComparisonQueryVariables>(
      `
        ${COMPARISON_QUERY}
        ${TRANSFER_FRAGMENTS}
      `,
      {
        codes: [code],
        code,
        first: PER_TYPE,
        lang,
      },
    );
  } catch (error) {
    // The registry refuses a filter on a type it does not have (PT11): no such page.
    if (isRefusedPracticeType(error)) return null;
    throw error;
  }
  const practiceType = result.taxonomy.concepts.find((concept) => concept.code === code);
  if (!practiceType) return null;
  const collator = collatorFor(lang);
  const practices = result.goodPractices.edges.map((edge) => edge.node).sort((a, b) => collator.compare(a.node.city, b.node.city));
  const citySlugs = new Set(practices.map((practice) => practice.node.slug));
  return {
    practiceType,
    practices,
    initiatives: result.initiatives.edges.map((edge) => edge.node),
    cities: result.cityNodes.filter((city) => citySlugs.has(city.slug)),
    transfers: result.practiceTransfers,
  };
}
