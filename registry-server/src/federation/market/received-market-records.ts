// Market records received from partner nodes (contract D, ADR 0038): fetched from their origin by
// id (never trusted from the activity), checked by received-market-record-parser.ts, and stored
// read-only in the market repository beside the local ones, with their provenance, so the public
// reads (PublicMarketRecords) and matching treat them alike. The same domain events as for local
// records are emitted (record.published, .updated, .deleted; the expiry sweep tells
// record.expired), so matching runs on a partner's records too.
//
// Only the origin may write or remove its records (the origin rule of partner-origin.ts), a need
// or an opening only for one of the sender's own initiatives that this node holds, and a copy
// leaves by this node's own clock at its expiry instant, whether or not the origin's Delete
// arrives (dropExpiredCopies).
import type { Context } from '@fedify/fedify';
import { logger } from '../../config/logging.ts';
import type { DomainEvents } from '../../events/domain-events.ts';
import { canonicalJson } from '../../json/canonical-json.ts';
import type { StoredMarketRecord } from '../../market/market-record-repository.ts';
import type { FederationData } from '../federation-context.ts';
import { hostOf } from '../iri.ts';
import { originMatches, partnerNodeHandle } from '../partners/partner-origin.ts';
import { fetchListing, isTransportFailure, type ReceiveResult } from '../received-listings.ts';
import { ownerInitiativeIri, parseReceivedMarketRecord } from './received-market-record-parser.ts';

const log = logger('federation', 'market');

export async function receiveMarketRecord(ctx: Context<FederationData>, sender: string, objectId: string): Promise<ReceiveResult> {
  const { services } = ctx.data;
  if (!originMatches(sender, objectId, services.config.publicUrl.origin)) {
    log.warning('Refused market record {object} from {sender}: only its origin may publish it', { object: objectId, sender });
    return 'refused';
  }
  const partner = await partnerNodeHandle(ctx.data.follows, sender, services.config.nodeHandle);
  if ('refused' in partner) {
    log.warning('Refused market record {object} from {sender}: {reason}', { object: objectId, sender, reason: partner.refused });
    return 'refused';
  }
  let document: unknown;
  try {
    document = await fetchListing(ctx, objectId);
  } catch (error) {
    if (isTransportFailure(error)) {
      log.warning('Could not reach {object}; the sender will retry: {error}', { object: objectId, error: (error as Error).message });
      throw new Error(`The origin of ${objectId} could not be reached: ${(error as Error).message}`, { cause: error });
    }
    // The origin no longer serves it (withdrawn, expired there, its initiative hidden): a copy goes.
    const status = (error as { response?: Response }).response?.status;
    if (status === 404 || status === 410) {
      await deleteReceivedMarketRecord(ctx, sender, objectId);
      return 'gone';
    }
    log.warning('Could not fetch market record {object}: {error}', { object: objectId, error: (error as Error).message });
    return 'invalid';
  }
  const parsed = parseReceivedMarketRecord(document, {
    validator: services.validator,
    expectedId: objectId,
    sender,
    nodeHandle: partner.handle,
    today: services.now().toISOString().slice(0, 10),
  });
  if (parsed.kind === 'gone') {
    await deleteReceivedMarketRecord(ctx, sender, objectId);
    return 'gone';
  }
  if (parsed.kind === 'invalid') {
    log.warning('Refused an invalid market record {object} from {sender}: {errors}', {
      object: objectId,
      sender,
      errors: parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    });
    return 'invalid';
  }
  const { record } = parsed;
  if (record.owner.initiative && !(await holdsInitiativeOf(ctx, sender, ownerInitiativeIri(objectId, record.owner.initiative)))) {
    log.warning('Refused market record {object} from {sender}: its initiative {initiative} is not a listing this node holds from it', {
      object: objectId,
      sender,
      initiative: ownerInitiativeIri(objectId, record.owner.initiative),
    });
    return 'refused';
  }
  const repository = services.marketRecords;
  const existing = await repository.findById(objectId);
  if (existing && (existing.origin.kind !== 'remote' || existing.origin.node !== sender)) {
    log.warning('Refused market record {object} from {sender}: it was received from another origin', { object: objectId, sender });
    return 'refused';
  }
  if (await repository.otherHasNodeAndHandle(objectId, partner.handle, record.handle)) {
    log.warning('Refused market record {object} from {sender}: another record of that node has the handle {handle}', {
      object: objectId,
      sender,
      handle: record.handle,
    });
    return 'refused';
  }
  if (existing && holdsServedVersion(existing, record, parsed.updated)) return 'unchanged';
  const now = services.now().toISOString();
  await repository.upsertReceived(objectId, record, {
    kind: 'remote',
    node: sender,
    objectId,
    url: objectId,
    receivedAt: now,
    remoteUpdatedAt: parsed.updated ?? now,
  });
  const version = (existing?.version ?? 0) + 1;
  services.events.emit(
    existing
      ? { type: 'record.updated', kind: 'marketRecord', id: objectId, version, fields: [] }
      : { type: 'record.published', kind: 'marketRecord', id: objectId, version },
  );
  return 'stored';
}

/** Whether this node holds the initiative `iri` as a published listing received from `sender`. */
async function holdsInitiativeOf(ctx: Context<FederationData>, sender: string, iri: string): Promise<boolean> {
  const doc = await ctx.data.services.initiatives.findPublishedById(iri);
  return doc !== null && doc.origin.kind === 'remote' && doc.origin.node === sender;
}

/** The copy held is the version served: same origin date and the same record (nothing to write, no event). */
function holdsServedVersion(existing: StoredMarketRecord, record: unknown, updated: string | null): boolean {
  return (
    existing.origin.kind === 'remote' &&
    existing.publication.state === 'published' &&
    updated !== null &&
    existing.origin.remoteUpdatedAt === updated &&
    canonicalJson(existing.record) === canonicalJson(record)
  );
}

/** Removes a received market record if `sender` is its origin; how many (0 or 1). */
export async function deleteReceivedMarketRecord(ctx: { data: FederationData }, sender: string, objectId: string): Promise<number> {
  const { services } = ctx.data;
  const doc = await services.marketRecords.findById(objectId);
  const removed = await services.marketRecords.deleteReceivedFrom(objectId, sender);
  if (removed && doc) services.events.emit({ type: 'record.deleted', kind: 'marketRecord', id: objectId, version: doc.version });
  return removed;
}

/** Removes every market record a node sent (it deleted itself, was unfollowed or its domain blocked). */
export async function deleteAllMarketRecordsFrom(ctx: { data: FederationData }, filter: { node?: string; host?: string }): Promise<number> {
  const { services } = ctx.data;
  const docs = (await services.marketRecords.findReceived()).filter(
    (d) => d.origin.kind === 'remote' && (filter.node ? d.origin.node === filter.node : hostOf(d.origin.node) === filter.host),
  );
  return removeCopies(services.marketRecords, services.events, docs);
}

async function removeCopies(
  repository: FederationData['services']['marketRecords'],
  events: DomainEvents,
  docs: StoredMarketRecord[],
): Promise<number> {
  const removed = await repository.deleteByIds(docs.map((d) => d._id));
  for (const doc of docs) events.emit({ type: 'record.deleted', kind: 'marketRecord', id: doc._id, version: doc.version });
  return removed;
}

/**
 * Keeps the copies honest by this node's own events: a copy that expired here (the expiry sweep
 * told `record.expired`) is removed at once, whether or not the origin's Delete arrives; and when
 * the copy of a partner's initiative goes, the needs and openings it owned go with it (their
 * owner is no longer public here). Returns the unsubscribe function.
 */
export function keepCopiesHonest(data: FederationData): () => void {
  const { events, marketRecords } = data.services;
  return events.subscribe(async (event) => {
    if (event.type === 'record.expired' && event.kind === 'marketRecord') {
      const doc = await marketRecords.findById(event.id);
      if (doc?.origin.kind === 'remote' && doc.version === event.version) {
        await marketRecords.deleteReceivedFrom(doc._id, doc.origin.node);
        log.info('Dropped the copy of {object}: it expired', { object: doc._id });
      }
      return;
    }
    if (event.type === 'listing.removed') {
      const gone = new Set(event.ids);
      const owned = (await marketRecords.findReceived()).filter(
        (d) => d.record.owner.initiative && gone.has(ownerInitiativeIri(d._id, d.record.owner.initiative)),
      );
      if (owned.length) await removeCopies(marketRecords, events, owned);
    }
  });
}
