// The moderators' requests about likely duplicates (routes/admin/duplicates, ADR 0052), as the
// signed-in reader. Result types are generated from the operations' .graphql files.
import type { DuplicatePairsQuery } from '../../generated/operation-types.ts';

export type DuplicatePairItem = DuplicatePairsQuery['proposed'][number];
export { default as DUPLICATE_PAIRS_QUERY } from './queries/duplicate-pairs.graphql?raw';
export { default as CONFIRM_DUPLICATE } from './queries/confirm-duplicate.graphql?raw';
export { default as REJECT_DUPLICATE } from './queries/reject-duplicate.graphql?raw';
export { default as UNLINK_DUPLICATE } from './queries/unlink-duplicate.graphql?raw';
