// What the initiative page (/initiatives/<slug>) shows, in one GraphQL request, every text in
// the reader's language where the registry has it. Null when no initiative has that handle.
import { graphql } from './graphql.ts';
import { lookUpBySlug } from './record-lookup.ts';
import type { InitiativeDetail } from '../registry-types.ts';

/**
 * Everything the initiative page shows, as a fragment, so the editor's preview
 * (manage/editor-queries.ts) renders the record being edited with the same selection.
 */
export const INITIATIVE_PROFILE_FRAGMENTS = /* GraphQL */ `
  fragment InitiativeProfile on Initiative {
    id
    slug
    url
    name(lang: $lang) { ...Text }
    alternateNames
    summary(lang: $lang) { ...Text }
    description(lang: $lang) { ...Text }
    mission(lang: $lang) { ...Text }
    legalForm { ...Label }
    nationalLegalForm { ...Label }
    organisationalStructure { ...Label }
    primarySector { ...Label }
    additionalSectors { ...Label }
    qualifiers { ...Label }
    governancePrinciples { ...Label }
    migrantLed { governance(lang: $lang) { ...Text } }
    languagesOffered { code name(lang: $lang) }
    location { locality region neighbourhood streetAddress postalCode country { code name(lang: $lang) } precision }
    areaServed(lang: $lang) { ...Text }
    contact { email phone relay }
    website
    links { url label(lang: $lang) { ...Text } }
    status
    startDate
    services {
      name(lang: $lang) { ...Text }
      description(lang: $lang) { ...Text }
      languages { code name(lang: $lang) }
    }
    needs { type { ...Label } description(lang: $lang) { ...Text } }
    keyFigures { value year description(lang: $lang) { ...Text } }
    practices { id slug url origin { isLocal } title(lang: $lang) { ...Text } }
    partOf { ...InitiativeLink }
    parts { ...InitiativeLink }
    supportedBy
    node { slug city(lang: $lang) }
    origin { isLocal url }
    sources { title file url date note }
    updatedAt
  }

  fragment Text on LocalizedText { text language direction isFallback }
  fragment InitiativeLink on Initiative { id slug url origin { isLocal } name(lang: $lang) { ...Text } }
  fragment Label on Concept { code label(lang: $lang) labelLanguage(lang: $lang) }
`;

const INITIATIVE_PAGE_QUERY = /* GraphQL */ `
  query InitiativePage($slug: String, $id: ID, $lang: String!) {
    initiative(slug: $slug, id: $id, lang: $lang) { ...InitiativeProfile }
  }
  ${INITIATIVE_PROFILE_FRAGMENTS}
`;

export async function loadInitiativePage(slug: string, lang: string): Promise<InitiativeDetail | null> {
  return lookUpBySlug(async () => (await graphql<{ initiative: InitiativeDetail | null }>(INITIATIVE_PAGE_QUERY, { slug, id: null, lang })).initiative);
}

/** The same page's data for an initiative found by its global id (a listing received from a partner node: /network/initiatives?id=…). */
export async function loadInitiativeById(id: string, lang: string): Promise<InitiativeDetail | null> {
  return (await graphql<{ initiative: InitiativeDetail | null }>(INITIATIVE_PAGE_QUERY, { slug: null, id, lang })).initiative;
}
