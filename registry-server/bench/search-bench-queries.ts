// The searches the search benchmark runs: a real word of one of the network's languages plus two
// facet filters (a country and a sector), asking for the first 20 results and every facet's
// counts, the way the search page asks. Deterministic, so runs compare.
import { CROSS_LANGUAGE_TERMS } from '../src/search/cross-language-terms.ts';
import { SYNTHETIC_CITIES } from '../src/synthetic/synthetic-cities.ts';

export interface BenchQuery {
  text: string;
  country: string;
  sector: string;
}

const SECTORS = Array.from({ length: 16 }, (_, i) => `AM${(i + 1) * 10}`);

export function benchQueries(count: number, nodes: number): BenchQuery[] {
  const words = Object.values(CROSS_LANGUAGE_TERMS).flatMap((entry) => Object.values(entry).flatMap((w) => w.split(' ')));
  const countries = [...new Set(SYNTHETIC_CITIES.slice(0, Math.max(1, nodes)).map((c) => c.country))];
  let state = 12345;
  const next = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  return Array.from({ length: count }, () => ({
    text: words[next(words.length)]!,
    country: countries[next(countries.length)]!,
    sector: SECTORS[next(SECTORS.length)]!,
  }));
}

export const GRAPHQL_SEARCH = `query Bench($input: SearchInput) {
  search(input: $input, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor score nodeHandle received node { __typename ... on Initiative { slug name { text language } summary { text } } ... on GoodPractice { slug title { text language } summary { text } } } }
    facets { name values { value label count selected } }
  }
}`;
