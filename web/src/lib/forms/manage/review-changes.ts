// What a moderator's decision needs before it goes to the registry. What changed is the
// registry's to say (InitiativeDraft.changesToReview), compared with the published version.

/** A rejection needs a reason the editors can act on: 3 to 2,000 characters, as the registry requires. */
export function checkRejectReason(reason: string): 'reviewErrorReasonMissing' | 'reviewErrorReasonTooLong' | null {
  if (reason.trim().length < 3) return 'reviewErrorReasonMissing';
  if (reason.length > 2000) return 'reviewErrorReasonTooLong';
  return null;
}
