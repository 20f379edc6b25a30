// Turns the public filter of `adoptionRecords` into a store filter, refusing unknown stages so a
// client learns what to send instead of silently getting nothing.
import { checkList } from '../records/filter-checks.ts';
import { BadInputError } from '../records/bad-input-error.ts';
import { inList } from '../records/record-filter.ts';
import type { Filter } from '../store/store.ts';
import { ADOPTION_STAGES, type AdoptionStage } from './adoption-record.ts';

export interface AdoptionRecordFilterInput {
  practice?: string[] | null;
  stage?: string[] | null;
  node?: string[] | null;
}

/** The store filter of `input` (published is added by the repository). */
export function adoptionRecordStoreFilter(input: AdoptionRecordFilterInput | null | undefined): Filter {
  if (!input) return {};
  const stages = checkList('filter.stage', input.stage)?.map((s) => s.toLowerCase());
  for (const stage of stages ?? [])
    if (!ADOPTION_STAGES.includes(stage as AdoptionStage))
      throw new BadInputError('filter.stage', `"${stage}" is not a stage; use one of ${ADOPTION_STAGES.join(', ')}.`);
  const parts: Filter[] = [
    inList('derived.practice', checkList('filter.practice', input.practice)),
    inList('record.stage', stages),
    inList('derived.nodeHandle', checkList('filter.node', input.node)),
  ].filter((p) => Object.keys(p).length > 0);
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { $and: parts };
}
