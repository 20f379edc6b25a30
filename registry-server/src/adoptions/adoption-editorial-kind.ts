// What editing adoption records adds to the shared publishing workflow (editorial-service.ts): the
// node's moderators and admins write them for the city, the practice adopted must be a published
// practice known here (this node's own or a partner's copy), it cannot change after creation, and
// a node keeps one record per practice it adopts (ADR 0040).
import type { EditorialKind } from '../editorial/editorial-service.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { TranslatableTexts } from '../translations/translatable-texts.ts';
import { SOURCE_TEXTS } from '../translations/shared-text-lists.ts';
import type { LanguageMap } from '../records/language.ts';
import type { AdoptionRecord } from './adoption-record.ts';
import type { AdoptionRecordRepository } from './adoption-record-repository.ts';
import type { AdoptedPractices } from './adopted-practices.ts';

/**
 * The human texts of an adoption record people translate (ADR 0041, ADR 0053): the top-level
 * language maps, then each change and why it was made, each outcome's description (and its
 * source's note), and the sources' notes, each under its item's id (`outcomes.k3f9a0c21.description`).
 */
export const ADOPTION_TEXTS: TranslatableTexts = {
  fields: ['title', 'summary', 'kept', 'resources', 'results'],
  lists: [
    { field: 'changes', texts: ['change', 'why'], label: (change) => change.change as LanguageMap },
    {
      field: 'outcomes',
      texts: ['description', 'source.notes'],
      label: (outcome) => `${String(outcome.value)}${outcome.unit ? ` ${String(outcome.unit)}` : ''}`,
    },
    SOURCE_TEXTS,
  ],
};

export function adoptionEditorialKind(records: AdoptionRecordRepository, practices: AdoptedPractices): EditorialKind<AdoptionRecord> {
  return {
    name: 'adoptionRecord',
    label: 'adoption record',
    recordType: 'adoption-record',
    repository: records as never,
    translatable: ADOPTION_TEXTS,
    createAction: { do: 'adoption.write' },
    editAction: () => ({ do: 'adoption.write' }),
    moderateAction: () => ({ do: 'adoption.moderate' }),
    async checkReferences(record, _actor, previous) {
      const errors: FieldError[] = [];
      if (previous && previous.practice !== record.practice) {
        errors.push({
          field: 'practice',
          code: 'IMMUTABLE',
          message: 'cannot change after creation; record the other practice separately.',
        });
        return errors;
      }
      if (previous) return errors;
      if (!(await practices.find(record.practice)))
        errors.push({
          field: 'practice',
          code: 'UNKNOWN_REFERENCE',
          message: `no published good practice "${record.practice}" is known on this node; follow the partner city that publishes it first.`,
        });
      const [existing] = await records.findLocalForPractice(record.practice);
      if (existing)
        errors.push({
          field: 'practice',
          code: 'ALREADY_EXISTS',
          message: `this city already records its adoption of this practice ("${existing._id}"); edit that record instead.`,
        });
      return errors;
    },
  };
}
