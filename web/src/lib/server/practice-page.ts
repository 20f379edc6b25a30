// What the good practice page (/practices/<slug>) shows, in one GraphQL request: the fields of
// the European Website on Integration's good-practice template, in the reader's language where
// the registry has them. Null when no practice has that handle.
import { graphql } from './graphql.ts';
import { lookUpBySlug } from './record-lookup.ts';
import type { GoodPracticeDetail } from '../registry-types.ts';

const PRACTICE_PAGE_QUERY = /* GraphQL */ `
  query PracticePage($slug: String!, $lang: String!) {
    goodPractice(slug: $slug, lang: $lang) {
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
      initiatives { slug url origin { isLocal } name(lang: $lang) { ...Text } }
      node { slug city(lang: $lang) }
      origin { isLocal url }
      sources { title file url date note }
      updatedAt
    }
  }

  fragment Text on LocalizedText { text language direction isFallback }
  fragment Label on Concept { code label(lang: $lang) labelLanguage(lang: $lang) }
`;

export async function loadPracticePage(slug: string, lang: string): Promise<GoodPracticeDetail | null> {
  return lookUpBySlug(async () => (await graphql<{ goodPractice: GoodPracticeDetail | null }>(PRACTICE_PAGE_QUERY, { slug, lang })).goodPractice);
}
