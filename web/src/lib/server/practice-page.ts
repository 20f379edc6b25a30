// What the good practice page (/practices/<slug>) shows: the fields of the European Website on
// Integration's good-practice template, in the reader's language where the registry has them,
// and the initiatives of every city of the network that illustrate a practice of the same type
// (a second request: the type is only known once the practice is). Null when no practice has
// that handle (or, for a received practice, that global id).
import { graphql } from './graphql.ts';
import { lookUpBySlug } from './record-lookup.ts';
import { otherInitiatives } from '../format/explore-lists.ts';
import type { GoodPracticeDetail } from '../registry-types.ts';
import type { InitiativeOfCity } from '../explore-types.ts';

const PRACTICE_PAGE_QUERY = /* GraphQL */ `
  query PracticePage($slug: String, $id: ID, $lang: String!) {
    goodPractice(slug: $slug, id: $id, lang: $lang) {
      id
      slug
      url
      practiceType { ...Label definition(lang: $lang) { ...Text } }
      title(lang: $lang) { ...Text }
      summary(lang: $lang) { ...Text }
      context(lang: $lang) { ...Text }
      objectives(lang: $lang) { ...Text }
      howItWorks(lang: $lang) { ...Text }
      targetGroup(lang: $lang) { ...Text }
      location { locality region country { code name(lang: $lang) } }
      period { startDate endDate regularService }
      actors { name role { ...Label } description(lang: $lang) { ...Text } url }
      funding(lang: $lang) { ...Text }
      results(lang: $lang) { ...Text }
      evaluation(lang: $lang) { ...Text }
      transferability(lang: $lang) { ...Text }
      initiatives { id slug url origin { isLocal } name(lang: $lang) { ...Text } }
      node { slug city(lang: $lang) }
      origin { isLocal url }
      sources { title file url date note }
      updatedAt
    }
  }

  fragment Text on LocalizedText { text language direction isFallback }
  fragment Label on Concept { code label(lang: $lang) labelLanguage(lang: $lang) }
`;

/** Most initiatives shown "across cities"; the practice-type page lists them all. */
const ACROSS_CITIES_LIMIT = 50;

const SAME_TYPE_INITIATIVES_QUERY = /* GraphQL */ `
  query SameTypeInitiatives($type: String!, $first: Int!, $lang: String!) {
    initiatives(first: $first, filter: { practiceType: [$type] }, lang: $lang) {
      edges { node { id slug url origin { isLocal } name(lang: $lang) { ...Text } node { slug city(lang: $lang) } } }
    }
  }

  fragment Text on LocalizedText { text language direction isFallback }
`;

/** An initiative of another city (or of this one) that illustrates a practice of the same type. */
export type InitiativeAcrossCities = InitiativeOfCity;

export interface PracticePage {
  practice: GoodPracticeDetail;
  /** Initiatives of every city illustrating a practice of this type, except those this practice already lists. */
  acrossCities: InitiativeAcrossCities[];
}

async function withAcrossCities(practice: GoodPracticeDetail | null, lang: string): Promise<PracticePage | null> {
  if (!practice) return null;
  const result = await graphql<{ initiatives: { edges: Array<{ node: InitiativeAcrossCities }> } }>(SAME_TYPE_INITIATIVES_QUERY, { type: practice.practiceType.code, first: ACROSS_CITIES_LIMIT, lang });
  return { practice, acrossCities: otherInitiatives(practice.initiatives, result.initiatives.edges.map((edge) => edge.node)) };
}

export async function loadPracticePage(slug: string, lang: string): Promise<PracticePage | null> {
  const practice = await lookUpBySlug(async () => (await graphql<{ goodPractice: GoodPracticeDetail | null }>(PRACTICE_PAGE_QUERY, { slug, id: null, lang })).goodPractice);
  return withAcrossCities(practice, lang);
}

/** A good practice found by its global id (a listing received from a partner node: /network/practices?id=…). */
export async function loadPracticeById(id: string, lang: string): Promise<PracticePage | null> {
  const practice = (await graphql<{ goodPractice: GoodPracticeDetail | null }>(PRACTICE_PAGE_QUERY, { slug: null, id, lang })).goodPractice;
  return withAcrossCities(practice, lang);
}
