// The editorial workflow's refusals, in words that say what to do: a record changed since it was
// loaded (with the fields that changed), an action its state does not allow, a reason missing.
import { ActionError } from '../accounts/action-error.ts';
import { canonicalJson } from '../json/canonical-json.ts';
import type { PublicationState, StoredRecord } from '../records/stored-record.ts';
import type { FieldChange } from './record-diff.ts';

/**
 * The refusal of a change made on version `expectedVersion` of a record now at `doc.version`:
 * `changed` lists what changed since (empty when that version's revision is unknown).
 */
export function versionConflict(label: string, doc: { version: number }, expectedVersion: number, changed: FieldChange[]): ActionError {
  const fields = changed.map((c) => c.field);
  return new ActionError(
    'VERSION_CONFLICT',
    `This ${label} changed since you loaded it (your version ${expectedVersion}, now ${doc.version})${fields.length ? `: ${fields.join(', ')} changed` : ''}. Reload it, re-apply your edits and save again; nothing was overwritten.`,
    {
      currentVersion: doc.version,
      fields: changed.map((c) => ({
        field: c.field,
        code: 'CHANGED',
        message: `changed from ${canonicalJson(c.before)} to ${canonicalJson(c.after)}`,
      })),
    },
  );
}

/** `action` is not possible in the record's current state; `why` says what would make it possible. */
export function stateError(
  label: string,
  doc: Pick<StoredRecord<unknown, object>, 'pending' | 'publication'>,
  action: string,
  why: string,
): ActionError {
  return new ActionError(
    'INVALID_STATE',
    `Cannot ${action} this ${label} while it is ${doc.pending ? `published with changes ${doc.pending.state === 'draft' ? 'in draft' : 'in review'}` : (doc.publication.state as PublicationState)}. ${why}`,
  );
}

/**
 * A moderator's reason, trimmed; 3 to 2,000 characters, else a field error saying so. Exported so a
 * decision that does something first (the listing request's invitation) checks it before.
 */
export function checkedReason(reason: string, message: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3 || trimmed.length > 2000)
    throw new ActionError('VALIDATION_FAILED', message, {
      fields: [{ field: 'reason', code: trimmed.length < 3 ? 'REQUIRED' : 'TOO_LONG', message: 'must be 3 to 2,000 characters.' }],
    });
  return trimmed;
}
