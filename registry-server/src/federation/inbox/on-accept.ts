// Accept / Reject of our Follow of a partner, or of a Flag we sent (on-report-outcome.ts). The embedded Follow is matched by id against the
// follows we sent (fetching it again would fail: we do not serve activities at their ids).
import type { InboxContext } from '@fedify/fedify';
import type { Accept, Reject } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import type { FederationData } from '../federation-context.ts';
import { onReportOutcome } from './on-report-outcome.ts';

const log = logger('federation', 'inbox');

export async function onAccept(ctx: InboxContext<FederationData>, accept: Accept): Promise<void> {
  const following = await matchingFollow(ctx, accept);
  if (!following) {
    await onReportOutcome(ctx, accept, 'resolved');
    return;
  }
  await ctx.data.follows.accept(following._id, ctx.data.services.now().toISOString());
  log.info('Partner {partner} accepted our follow; copying its catalogue', { partner: following._id });
  ctx.data.backfill(following._id);
}

export async function onReject(ctx: InboxContext<FederationData>, reject: Reject): Promise<void> {
  const following = await matchingFollow(ctx, reject);
  if (!following) {
    await onReportOutcome(ctx, reject, 'dismissed');
    return;
  }
  await ctx.data.follows.reject(following._id);
  log.info('Partner {partner} rejected our follow', { partner: following._id });
}

async function matchingFollow(ctx: InboxContext<FederationData>, activity: Accept | Reject) {
  const followId = activity.objectId?.href;
  if (!followId || !activity.actorId) return null;
  const following = await ctx.data.follows.findFollowingByFollowId(followId);
  // Only the actor we asked may answer for it.
  return following && following._id === activity.actorId.href ? following : null;
}
