// The shapes of transfers of practices the pages show (issue 16 point 2), from the generated operation types.
import type { PracticeTransferRowFragment, PracticeTypesQuery } from './generated/operation-types.ts';

/** One transfer: the practice's city, the practice, the adopting city, the stage, since when, and its outcomes. */
export type PracticeTransferRow = PracticeTransferRowFragment;

/** A practice in the ranking of the most transferred, with its city (taken from its first transfer). */
export type RankedPractice = PracticesTypesRanked & {
  practice: PracticeTransferRow['practice'];
  fromCity: PracticeTransferRow['fromCity'];
};

type PracticesTypesRanked = PracticeTypesQuery['mostTransferredPractices'][number];
