// What a moderator needs to know about a record waiting for review: which fields changed since
// it was last published (or since it was created, when it never was), from its revisions.

export interface RevisionFields {
  action: string;
  changes: ReadonlyArray<{ field: string }>;
}

/**
 * The fields changed since the last approval, newest revisions first as the registry lists
 * them; each field once, in the order first met. Submitting changes no field, so it is skipped.
 */
export function fieldsSinceLastApproval(revisions: readonly RevisionFields[]): string[] {
  const fields: string[] = [];
  for (const revision of revisions) {
    if (revision.action === 'approve') break;
    for (const change of revision.changes) if (!fields.includes(change.field)) fields.push(change.field);
  }
  return fields;
}

/** A rejection needs a reason the editors can act on: 3 to 2,000 characters, as the registry requires. */
export function checkRejectReason(reason: string): 'reviewErrorReasonMissing' | 'reviewErrorReasonTooLong' | null {
  if (reason.trim().length < 3) return 'reviewErrorReasonMissing';
  if (reason.length > 2000) return 'reviewErrorReasonTooLong';
  return null;
}
