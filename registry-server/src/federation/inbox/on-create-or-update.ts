// Create / Update of a listing by a partner node this node follows: fetched from its origin and
// stored as a read-only copy (see received-listings.ts for the origin rule); an Update of the
// partner's own actor refreshes its city profile (received-node-profiles.ts).
import type { InboxContext } from '@fedify/fedify';
import { Create, type Update } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import type { FederationData } from '../federation-context.ts';
import { hostOf } from '../iri.ts';
import { receiveListing } from '../received-listings.ts';
import { receiveNodeProfile } from '../received-node-profiles.ts';
import { isMarketAnswer, onMarketAnswer } from '../market/market-answer-inbox.ts';
import { isCityAnswer, isCityQuestion, onCityAnswer, onCityQuestion } from '../questions/city-question-inbox.ts';
import { isMarketRecordIri } from '../market/market-objects.ts';
import { receiveMarketRecord } from '../market/received-market-records.ts';

const log = logger('federation', 'inbox');

export async function onCreateOrUpdate(ctx: InboxContext<FederationData>, activity: Create | Update): Promise<void> {
  const sender = activity.actorId?.href;
  const objectId = activity.objectId?.href;
  if (!sender || !objectId) return;
  if (await ctx.data.follows.isBlocked(hostOf(sender))) return;
  // An answer to one of our market records comes from a partner that follows us (we need not follow it).
  if (activity instanceof Create && isMarketAnswer(objectId)) return onMarketAnswer(ctx, activity);
  // Questions between cities and their answers go node to node, with their own checks (ADR 0046).
  if (activity instanceof Create && isCityQuestion(objectId)) return onCityQuestion(ctx, activity);
  if (activity instanceof Create && isCityAnswer(objectId)) return onCityAnswer(ctx, activity);
  const partner = await ctx.data.follows.acceptedPartner(sender);
  if (!partner) {
    // Listings are copied only from partners this node chose to follow.
    log.debug('Ignored {object} from {sender}, which this node does not follow', { object: objectId, sender });
    return;
  }
  // An Update of the partner's own actor: its city profile changed.
  if (objectId === sender) await receiveNodeProfile(ctx, sender);
  else if (isMarketRecordIri(objectId)) await receiveMarketRecord(ctx, sender, objectId);
  else await receiveListing(ctx, sender, objectId);
}
