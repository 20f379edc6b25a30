// What editing market records adds to the shared publishing workflow (editorial-service.ts):
// who may write a record depends on its kind and owner (requests and offers: the node's staff
// for an organisation; needs and openings: the editors of the initiative), the owner initiative
// must exist on this node, and the expiry and dates follow the day's rules (ADR 0033).
import type { Actor } from '../accounts/actor.ts';
import { authorize, can } from '../accounts/authorization.ts';
import type { EditorialKind } from '../editorial/editorial-service.ts';
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { MarketRecord } from './market-record.ts';
import type { MarketRecordRepository } from './market-record-repository.ts';
import { expiredOnPublish, marketRecordRules } from './market-record-rules.ts';

const writeAction = (record: MarketRecord) => ({ do: 'market.write' as const, kind: record.kind, initiative: record.owner.initiative });

export function marketEditorialKind(
  records: MarketRecordRepository,
  initiatives: InitiativeRepository,
  now: () => Date,
): EditorialKind<MarketRecord> {
  const today = () => now().toISOString().slice(0, 10);
  return {
    name: 'marketRecord',
    label: 'market record',
    recordType: 'market-record',
    repository: records as never,
    createAction: { do: 'market.create' },
    editAction: (_handle, record) => writeAction(record),
    moderateAction: () => ({ do: 'market.moderate' }),
    async checkReferences(record, actor, previous) {
      // Who the record is for is part of what is written: an editor cannot move a need to
      // another initiative, nor write a request. Refused as a right, not as a field.
      authorize(actor, writeAction(record));
      const errors: FieldError[] = [];
      if (previous && previous.kind !== record.kind)
        errors.push({ field: 'kind', code: 'IMMUTABLE', message: 'cannot change after creation; create a record of the other kind.' });
      const initiative = record.owner.initiative;
      if (initiative && initiative !== previous?.owner.initiative && !(await initiativeKnown(initiatives, initiative, actor)))
        errors.push({ field: 'owner.initiative', code: 'UNKNOWN_REFERENCE', message: `no initiative "${initiative}" on this node.` });
      errors.push(...marketRecordRules(record, today()));
      return errors;
    },
    checkPublishable(record) {
      const expired = expiredOnPublish(record, today());
      return expired ? [expired] : [];
    },
  };
}

/** Whether a local initiative with this handle exists (not deleted) and the actor may know of it. */
async function initiativeKnown(initiatives: InitiativeRepository, handle: string, actor: Actor): Promise<boolean> {
  const [doc] = await initiatives.findLocalUndeleted([handle]);
  if (!doc) return false;
  return (
    doc.publication.state === 'published' ||
    can(actor, { do: 'initiative.edit', initiative: handle }) ||
    can(actor, { do: 'initiative.moderate', initiative: handle })
  );
}
