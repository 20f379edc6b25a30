// The cities that adopted a good practice, for its page (issue 16 point 2): one more request
// beside the practice's own, by the practice's global id, so a received practice's page lists the
// adoptions this node holds as well as a local one's.
import { graphql } from './graphql.ts';
import type { PracticeAdoptionsQuery, PracticeAdoptionsQueryVariables } from '../generated/operation-types.ts';
import PRACTICE_ADOPTIONS_QUERY from './queries/practice-adoptions.graphql?raw';

export type { PracticeAdoption } from '../adoption-types.ts';
import type { PracticeAdoption } from '../adoption-types.ts';

export async function loadPracticeAdoptions(practiceId: string, lang: string): Promise<PracticeAdoption[]> {
  const result = await graphql<PracticeAdoptionsQuery, PracticeAdoptionsQueryVariables>(PRACTICE_ADOPTIONS_QUERY, { id: practiceId, lang });
  return result.goodPractice?.adoptions ?? [];
}
