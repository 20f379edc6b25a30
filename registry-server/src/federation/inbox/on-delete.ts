// Delete: a partner removed one of its listings (or itself). Only the origin may delete.
import type { InboxContext } from '@fedify/fedify';
import type { Delete } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import type { FederationData } from '../federation-context.ts';
import { deleteAllFrom, deleteReceived, originMatches } from '../received-listings.ts';

const log = logger('federation', 'inbox');

export async function onDelete(ctx: InboxContext<FederationData>, activity: Delete): Promise<void> {
  const sender = activity.actorId?.href;
  const objectId = activity.objectId?.href;
  if (!sender || !objectId) return;
  if (!originMatches(sender, objectId, ctx.data.services.config.publicUrl.origin)) {
    log.warning('Refused to delete {object} on behalf of {sender}: only its origin may delete it', { object: objectId, sender });
    return;
  }
  if (objectId === sender) {
    const removed = await deleteAllFrom(ctx, { node: sender });
    await ctx.data.follows.removeFollowing(sender);
    await ctx.data.follows.removeFollowersBy(sender);
    log.info('Node {sender} was deleted; removed its {removed} listing(s)', { sender, removed });
    return;
  }
  await deleteReceived(ctx, sender, objectId);
}
