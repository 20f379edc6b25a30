// The requests of the good-practice editor (routes/admin/practices) to the registry: the node's
// practices for its staff, one practice with its record, its preview and history, the
// taxonomies of its pickers, and the mutations. All go through session.ts, as the signed-in
// reader. The result types are generated from the operations' .graphql files (ADR 0015).
import type { PracticeRecord } from '../../forms/manage/practice-changes.ts';
import type {
  EditablePracticeQuery,
  NodeGoodPracticesQuery,
  PracticeTaxonomiesQuery,
  UpdateGoodPracticeMutation,
} from '../../generated/operation-types.ts';
import { PRACTICE_PROFILE_FRAGMENTS } from '../practice-page.ts';
import PREVIEW_QUERY_OPERATION from './queries/practice-preview.graphql?raw';

export type NodePractice = NodeGoodPracticesQuery['nodeGoodPractices'][number];
export { default as NODE_GOOD_PRACTICES_QUERY } from './queries/node-good-practices.graphql?raw';

/** `record` is the JSON scalar; its shape is the record's JSON Schema (practice-changes.ts). */
export type EditablePractice = Omit<NonNullable<EditablePracticeQuery['editableGoodPractice']>, 'record'> & { record: PracticeRecord };
export { default as EDITABLE_PRACTICE_QUERY } from './queries/editable-practice.graphql?raw';

export type PracticeTaxonomies = PracticeTaxonomiesQuery;
export { default as PRACTICE_TAXONOMIES_QUERY } from './queries/practice-taxonomies.graphql?raw';

export { default as PRACTICE_HISTORY_QUERY } from './queries/practice-history.graphql?raw';
export { default as PRACTICE_COMPARE_QUERY } from './queries/practice-compare.graphql?raw';

export type PracticeEditResult = UpdateGoodPracticeMutation['result'];
export { default as CREATE_GOOD_PRACTICE } from './queries/create-good-practice.graphql?raw';
export { default as UPDATE_GOOD_PRACTICE } from './queries/update-good-practice.graphql?raw';

// The preview shows the practice being edited as its public page would: the same selection
// (one fragment), so the same components draw it.
export const PRACTICE_PREVIEW_QUERY = `${PREVIEW_QUERY_OPERATION}${PRACTICE_PROFILE_FRAGMENTS}\n`;
