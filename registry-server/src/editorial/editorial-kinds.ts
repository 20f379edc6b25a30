// What differs between editing initiatives and editing good practices: authorisation actions,
// references to check, and what happens after an editor creates an initiative.
import type { AccountRepository } from '../accounts/account-repository.ts';
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { GoodPracticeRecord, InitiativeRecord } from '../records/record-types.ts';
import type { EditorialKind } from './editorial-service.ts';

/** Handles among `handles` with no (undeleted) local record in `repository`. */
async function missing(repository: InitiativeRepository | GoodPracticeRepository, handles: readonly string[]): Promise<Set<string>> {
  if (handles.length === 0) return new Set();
  const found = await repository.collection.find({ _id: { $in: [...handles] }, 'origin.kind': 'local', 'publication.state': { $ne: 'deleted' } }, { projection: { _id: 1 } });
  const present = new Set(found.map((d) => d._id));
  return new Set(handles.filter((h) => !present.has(h)));
}

export function initiativeEditorialKind(initiatives: InitiativeRepository, practices: GoodPracticeRepository, accounts: AccountRepository, now: () => Date = () => new Date()): EditorialKind<InitiativeRecord> {
  return {
    name: 'initiative',
    label: 'initiative',
    recordType: 'initiative',
    repository: initiatives as never,
    createAction: { do: 'initiative.create' },
    editAction: (initiative) => ({ do: 'initiative.edit', initiative }),
    moderateAction: (initiative) => ({ do: 'initiative.moderate', initiative }),
    async checkReferences(record) {
      const errors: FieldError[] = [];
      const absent = await missing(practices, record.practices ?? []);
      (record.practices ?? []).forEach((h, i) => absent.has(h) && errors.push({ field: `practices.${i}`, code: 'UNKNOWN_REFERENCE', message: `no good practice "${h}" on this node.` }));
      if (record.partOf) {
        if (record.partOf === record.handle) errors.push({ field: 'partOf', code: 'INVALID', message: 'cannot be the initiative itself.' });
        else if ((await missing(initiatives, [record.partOf])).size) errors.push({ field: 'partOf', code: 'UNKNOWN_REFERENCE', message: `no initiative "${record.partOf}" on this node.` });
      }
      return errors;
    },
    async afterCreate(actor, record) {
      // An editor who creates an initiative becomes one of its editors.
      if (actor.role === 'editor') await accounts.addEditor(actor.accountId, record.handle, now().toISOString());
    },
  };
}

export function goodPracticeEditorialKind(practices: GoodPracticeRepository, initiatives: InitiativeRepository): EditorialKind<GoodPracticeRecord> {
  return {
    name: 'goodPractice',
    label: 'good practice',
    recordType: 'good-practice',
    repository: practices as never,
    createAction: { do: 'practice.create' },
    editAction: (practice) => ({ do: 'practice.edit', practice }),
    moderateAction: (practice) => ({ do: 'practice.moderate', practice }),
    async checkReferences(record) {
      const absent = await missing(initiatives, record.initiatives ?? []);
      return (record.initiatives ?? []).flatMap((h, i) => (absent.has(h) ? [{ field: `initiatives.${i}`, code: 'UNKNOWN_REFERENCE', message: `no initiative "${h}" on this node.` }] : []));
    },
  };
}
