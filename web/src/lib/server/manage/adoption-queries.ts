// The requests of the adoption pages (routes/admin/adoptions, issue 16 point 2) to the registry, as
// the signed-in reader; result types generated from the operations' .graphql files (ADR 0015).
import type { EditableAdoptionQuery, UpdateAdoptionMutation } from '../../generated/operation-types.ts';
import type { AdoptionRecordShape } from '../../forms/manage/adoption-form.ts';

/** `record` is the JSON scalar; its shape is schemas/records/adoption-record.schema.json. */
export type EditableAdoption = Omit<NonNullable<EditableAdoptionQuery['editableAdoptionRecord']>, 'record'> & {
  record: AdoptionRecordShape;
};
export type AdoptionEditResult = UpdateAdoptionMutation['result'];

export { default as EDITABLE_ADOPTION_QUERY } from './queries/adoptions/editable-adoption.graphql?raw';
export { default as START_ADOPTING } from './queries/adoptions/start-adopting.graphql?raw';
export { default as UPDATE_ADOPTION } from './queries/adoptions/update-adoption.graphql?raw';
export { default as SUBMIT_ADOPTION } from './queries/adoptions/submit-adoption.graphql?raw';
export { default as APPROVE_ADOPTION } from './queries/adoptions/approve-adoption.graphql?raw';
