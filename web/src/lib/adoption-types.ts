// The shapes of adoption records the pages show (issue 16), from the generated operation types.
import type { PracticeAdoptionsQuery } from './generated/operation-types.ts';

/** One city's adoption of a practice, as its page lists it. */
export type PracticeAdoption = NonNullable<PracticeAdoptionsQuery['goodPractice']>['adoptions'][number];
