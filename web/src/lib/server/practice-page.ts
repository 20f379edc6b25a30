// What the good practice page (/practices/<slug>) shows: the fields of the European Website on
// Integration's good-practice template, in the reader's language where the registry has them,
// and the initiatives of every city of the network that illustrate a practice of the same type
// (a second request: the type is only known once the practice is). Null when no practice has
// that handle (or, for a received practice, that global id).
import { graphql } from './graphql.ts';
import { lookUpBySlug } from './record-lookup.ts';
import { otherInitiatives } from '../format/explore-lists.ts';
import type { GoodPracticeDetail } from '../registry-types.ts';
import type {
  PracticePageQuery,
  PracticePageQueryVariables,
  SameTypeInitiativesQuery,
  SameTypeInitiativesQueryVariables,
} from '../generated/operation-types.ts';
import type { InitiativeOfCity } from '../explore-types.ts';
import { loadPracticeAdoptions, type PracticeAdoption } from './practice-adoptions.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import PRACTICE_PAGE_QUERY_OPERATION from './queries/practice-page.graphql?raw';
// The practice's selection is one fragment, shared with the editors' preview (routes/admin/practices).
import PRACTICE_PROFILE_FRAGMENTS from './queries/practice-profile.fragments.graphql?raw';
import SAME_TYPE_INITIATIVES_QUERY from './queries/same-type-initiatives.graphql?raw';

export { PRACTICE_PROFILE_FRAGMENTS };

const PRACTICE_PAGE_QUERY = `${PRACTICE_PAGE_QUERY_OPERATION}${PRACTICE_PROFILE_FRAGMENTS}\n`;

/** Most initiatives shown "across cities"; the practice-type page lists them all. */
const ACROSS_CITIES_LIMIT = 50;

/** An initiative of another city (or of this one) that illustrates a practice of the same type. */
export type InitiativeAcrossCities = InitiativeOfCity;

export interface PracticePage {
  practice: GoodPracticeDetail;
  /** Initiatives of every city illustrating a practice of this type, except those this practice already lists. */
  acrossCities: InitiativeAcrossCities[];
  /** The cities that adopted the practice (issue 16): published adoption records this node holds. */
  adoptions: PracticeAdoption[];
}

async function withAcrossCities(practice: GoodPracticeDetail | null, lang: string): Promise<PracticePage | null> {
  if (!practice) return null;
  const [result, adoptions] = await Promise.all([
    graphql<SameTypeInitiativesQuery, SameTypeInitiativesQueryVariables>(SAME_TYPE_INITIATIVES_QUERY, {
      type: practice.practiceType.code,
      first: ACROSS_CITIES_LIMIT,
      lang,
    }),
    loadPracticeAdoptions(practice.id, lang),
  ]);
  return {
    practice,
    adoptions,
    acrossCities: otherInitiatives(
      practice.initiatives,
      result.initiatives.edges.map((edge) => edge.node),
    ),
  };
}

export async function loadPracticePage(slug: string, lang: string): Promise<PracticePage | null> {
  const practice = await lookUpBySlug(
    async () => (await graphql<PracticePageQuery, PracticePageQueryVariables>(PRACTICE_PAGE_QUERY, { slug, id: null, lang })).goodPractice,
  );
  return withAcrossCities(practice, lang);
}

/** A good practice found by its global id (a listing received from a partner node: /network/practices?id=…). */
export async function loadPracticeById(id: string, lang: string): Promise<PracticePage | null> {
  const practice = (await graphql<PracticePageQuery, PracticePageQueryVariables>(PRACTICE_PAGE_QUERY, { slug: null, id, lang }))
    .goodPractice;
  return withAcrossCities(practice, lang);
}
