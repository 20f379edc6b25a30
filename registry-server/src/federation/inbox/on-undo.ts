// Undo of a Follow: the follower stops following. Only the follower itself can undo its follow.
import type { InboxContext } from '@fedify/fedify';
import type { Undo } from '@fedify/vocab';
import type { FederationData } from '../federation-context.ts';

export async function onUndo(ctx: InboxContext<FederationData>, undo: Undo): Promise<void> {
  const followId = undo.objectId?.href;
  const actor = undo.actorId?.href;
  if (!followId || !actor) return;
  await ctx.data.follows.removeFollow(followId, actor);
}
