// Ids of the activities this node sends. Activities about a record's change are named by record
// and version (federation-bridge.ts); the others (Follow, Accept, Reject, Undo, Flag) get a new
// random id each.

/** A new, unique activity id: receivers drop activities whose id they have seen. */
export function activityId(publicUrl: URL, verb: string): URL {
  return new URL(`/ap/activities/${verb}/${crypto.randomUUID()}`, publicUrl);
}
