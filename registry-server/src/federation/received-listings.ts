// Listings received from partner nodes: fetched from their origin by id (never trusted from an
// embedded copy), parsed and checked by the same validation layer as local writes, and stored
// read-only with their provenance. Only the origin node may change or delete its listings: an
// object whose id is on another origin than the sender's is refused (the spoofing behind
// Mastodon's CVE-2024-23832), and a listing is filed only under its sender (partner-origin.ts).
import type { Context } from '@fedify/fedify';
import { getDocumentLoader } from '@fedify/vocab-runtime';
import { logger } from '../config/logging.ts';
import { NODE_ACTOR, type FederationData } from './federation-context.ts';
import { hostOf } from './iri.ts';
import { originMatches, partnerNodeHandle } from './partners/partner-origin.ts';
import { parseReceivedListing } from './received-listing-parser.ts';
import { lookupDeadline } from '../outgoing/outgoing-timeouts.ts';
import { OutgoingLimitError } from '../outgoing/outgoing-limits.ts';
import type { StoredRecord } from '../records/stored-record.ts';
import { canonicalJson } from '../json/canonical-json.ts';
import { isAdoptionDocument, receiveAdoption } from './adoptions/received-adoptions.ts';
import { deleteAllMarketRecordsFrom, deleteReceivedMarketRecord } from './market/received-market-records.ts';

const log = logger('federation', 'received');

/** `unchanged`: this node already holds exactly the version the origin served (nothing written). */
export type ReceiveResult = 'stored' | 'unchanged' | 'refused' | 'invalid' | 'gone';

export { originMatches };

export async function receiveListing(ctx: Context<FederationData>, sender: string, objectId: string): Promise<ReceiveResult> {
  const { services } = ctx.data;
  const ownOrigin = services.config.publicUrl.origin;
  if (!originMatches(sender, objectId, ownOrigin)) {
    log.warning('Refused {object} from {sender}: only its origin may publish it', { object: objectId, sender });
    return 'refused';
  }
  const partner = await partnerNodeHandle(ctx.data.follows, sender, services.config.nodeHandle);
  if ('refused' in partner) {
    log.warning('Refused {object} from {sender}: {reason}', { object: objectId, sender, reason: partner.refused });
    return 'refused';
  }
  let document: unknown;
  try {
    document = await fetchListing(ctx, objectId);
  } catch (error) {
    if (isTransportFailure(error)) {
      // The origin is unreachable or too slow right now. Throwing makes the inbox answer 500, so
      // the sender's queue delivers the activity again later instead of it being lost.
      log.warning('Could not reach {object}; the sender will retry: {error}', { object: objectId, error: (error as Error).message });
      throw new Error(`The origin of ${objectId} could not be reached: ${(error as Error).message}`, { cause: error });
    }
    log.warning('Could not fetch {object}: {error}', { object: objectId, error: (error as Error).message });
    return 'invalid';
  }
  // Adoption records travel the same way as listings, and are read and checked on their own (ADR 0040).
  if (isAdoptionDocument(document)) return receiveAdoption(ctx, sender, objectId, document, partner.handle);
  const parsed = parseReceivedListing(document, { catalog: services.catalog, expectedId: objectId, sender, nodeHandle: partner.handle });
  if (parsed.kind === 'gone') {
    await deleteReceived(ctx, sender, objectId);
    return 'gone';
  }
  if (parsed.kind === 'invalid') {
    log.warning('Ignored an invalid listing {object}: {errors}', {
      object: objectId,
      errors: parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    });
    return 'invalid';
  }
  if (parsed.dropped.length) {
    log.info('Left out of {object} from {sender}: {dropped}', {
      object: objectId,
      sender,
      dropped: parsed.dropped.map((e) => `${e.field}: ${e.message}`).join('; '),
    });
  }
  const repository = parsed.kind === 'initiative' ? services.initiatives : services.practices;
  const otherKind = parsed.kind === 'initiative' ? services.practices : services.initiatives;
  const existing = await repository.findById(objectId);
  if (
    (existing && (existing.origin.kind !== 'remote' || existing.origin.node !== sender)) ||
    (await otherKind.findById(objectId)) ||
    (await services.adoptionRecords.findById(objectId))
  ) {
    log.warning('Refused {object} from {sender}: it was received from another origin, or as another kind of listing', {
      object: objectId,
      sender,
    });
    return 'refused';
  }
  // Records name each other by node and handle: two listings under one name would be confused.
  const { handle } = parsed.record as { handle: string };
  if (await repository.otherHasNodeAndHandle(objectId, partner.handle, handle)) {
    log.warning('Refused {object} from {sender}: another listing of that node already has the handle {handle}', {
      object: objectId,
      sender,
      handle,
    });
    return 'refused';
  }
  if (existing && holdsServedVersion(existing, parsed, objectId)) {
    // The record is the same, but its links to other listings may not be (they change at the same version).
    if (parsed.kind === 'initiative') await linkSameOrganisation(ctx, objectId, parsed.sameAs);
    return 'unchanged';
  }
  const now = services.now().toISOString();
  await repository.upsertReceived(objectId, parsed.record as never, {
    kind: 'remote',
    node: sender,
    objectId,
    url: parsed.url ?? objectId,
    receivedAt: now,
    remoteUpdatedAt: parsed.updated ?? now,
  });
  services.events.emit({ type: 'listing.received', kind: parsed.kind, id: objectId });
  if (parsed.kind === 'initiative') await linkSameOrganisation(ctx, objectId, parsed.sameAs);
  return 'stored';
}

/** Links (or unlinks) the listing to the other listings of its organisation its origin names (ADR 0052); never fails the receipt. */
async function linkSameOrganisation(ctx: Context<FederationData>, objectId: string, sameAs: string[]): Promise<void> {
  try {
    await ctx.data.services.sameOrganisation.claimsReceived(objectId, sameAs);
  } catch (error) {
    log.error('Could not link {object} to the listings it names as the same organisation: {error}', { object: objectId, error });
  }
}

/**
 * Whether the stored copy already is the version the origin just served. An Update carries only
 * the listing's id and the origin always serves its latest version, so a partner working through
 * a backlog of Updates of one listing (or a delivery retried after a lost answer) fetches the same
 * version again and again: rewriting it would cost a store write, a search-index update and a
 * response-cache invalidation each time, for nothing. Same origin date, same address and the same
 * record, compared as canonical JSON.
 */
function holdsServedVersion(
  existing: StoredRecord<unknown, unknown>,
  parsed: { record: unknown; url: string | null; updated: string | null },
  objectId: string,
): boolean {
  const { origin } = existing;
  return (
    origin.kind === 'remote' &&
    existing.publication.state === 'published' &&
    parsed.updated !== null &&
    origin.remoteUpdatedAt === parsed.updated &&
    origin.url === (parsed.url ?? objectId) &&
    canonicalJson(existing.record) === canonicalJson(parsed.record)
  );
}

/**
 * The listing's document from its origin. Listings are public, so the first fetch is unsigned
 * (an RSA signature costs about 1.5 ms of CPU per delivery); an origin that answers 401 or 403
 * (Mastodon's "secure mode" and the like) is asked again with a request signed by this node.
 */
export async function fetchListing(ctx: Context<FederationData>, objectId: string): Promise<unknown> {
  try {
    // Not ctx.documentLoader: Fedify's default loader keeps documents for five minutes, which
    // would read a listing's previous version after an Update.
    const { config } = ctx.data.services;
    const loader = getDocumentLoader({
      allowPrivateAddress: config.allowPrivateAddresses,
      userAgent: { software: 'umn-registry/0.1', url: config.publicUrl },
    });
    return (await loader(objectId, { signal: lookupDeadline() })).document;
  } catch (error) {
    const status = (error as { response?: Response }).response?.status;
    if (status !== 401 && status !== 403) throw error;
    const signed = await ctx.getDocumentLoader({ identifier: NODE_ACTOR });
    return (await signed(objectId, { signal: lookupDeadline() })).document;
  }
}

/** A network failure or timeout (worth retrying), as opposed to an answer such as 404 or a bad document. */
export function isTransportFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // The origin answered too slowly (worth retrying), or with a body too large or too deeply
  // nested (a bad document, which retrying would only fetch again).
  const limit = limitErrorIn(error);
  if (limit) return limit.code === 'DEADLINE';
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  // Fedify's FetchError carries the transport error as its cause; HTTP error statuses have none.
  // Its document loader also lets fetch's own TypeError("fetch failed") through when the origin
  // refuses the connection: taken for an invalid listing, that acknowledged the Update and lost it.
  const fetchFailed = error.name === 'FetchError' || (error instanceof TypeError && error.message === 'fetch failed');
  return fetchFailed && error.cause instanceof Error;
}

function limitErrorIn(error: unknown): OutgoingLimitError | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++)
    if (e instanceof OutgoingLimitError) return e;
  return undefined;
}

/** Removes a received record, if the sender is its origin. */
export async function deleteReceived(ctx: Context<FederationData>, sender: string, objectId: string): Promise<number> {
  const { services } = ctx.data;
  let removed = 0;
  for (const repository of [services.initiatives, services.practices]) {
    removed += await repository.deleteReceivedFrom(objectId, sender);
  }
  if (removed) services.events.emit({ type: 'listing.removed', ids: [objectId] });
  // Adoption records are deleted the same way, by their origin only (ADR 0040).
  const adoptions = await services.adoptionRecords.deleteReceivedFrom(objectId, sender);
  if (adoptions) services.events.emit({ type: 'adoption.removed', ids: [objectId] });
  // Market records are kept apart, and tell their own event (received-market-records.ts).
  return removed + adoptions + (await deleteReceivedMarketRecord(ctx, sender, objectId));
}

/** Removes everything a node sent (it deleted itself, or its domain was blocked). */
export async function deleteAllFrom(ctx: { data: FederationData }, filter: { node?: string; host?: string }): Promise<number> {
  const { services } = ctx.data;
  let removed = 0;
  for (const repository of [services.initiatives, services.practices]) {
    const docs = await repository.findReceived();
    const ids = docs
      .filter((d) => d.origin.kind === 'remote' && (filter.node ? d.origin.node === filter.node : hostOf(d.origin.node) === filter.host))
      .map((d) => d._id);
    removed += await repository.deleteByIds(ids);
    if (ids.length) services.events.emit({ type: 'listing.removed', ids });
  }
  const adoptions = (await services.adoptionRecords.findReceived())
    .filter((d) => d.origin.kind === 'remote' && (filter.node ? d.origin.node === filter.node : hostOf(d.origin.node) === filter.host))
    .map((d) => d._id);
  removed += await services.adoptionRecords.deleteByIds(adoptions);
  if (adoptions.length) services.events.emit({ type: 'adoption.removed', ids: adoptions });
  return removed + (await deleteAllMarketRecordsFrom(ctx, filter));
}
