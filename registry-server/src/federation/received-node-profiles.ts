// A partner's own profile: its node actor carries the city's public profile (names, summary,
// operators, languages …, jsonld/city-node-jsonld.ts). When a partner this node follows accepts
// our follow, or sends an Update of its actor, the actor is fetched again from its origin, read
// by the one validation layer, and replaces what this node held of that city (a seeded
// placeholder such as "planned node: profile only" included). Only a partner this node chose to
// follow speaks for a city, and only for the handle its actor IRI is filed under
// (partner-origin.ts): a stranger following us cannot rewrite Milan's page.
import type { Context } from '@fedify/fedify';
import { logger } from '../config/logging.ts';
import type { FederationData } from './federation-context.ts';
import { cityNodeFromJsonLd } from './jsonld/city-node-jsonld.ts';
import { partnerNodeHandle, sameOrigin } from './partners/partner-origin.ts';
import type { CityNodeRecord } from '../records/record-types.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { fetchListing, isTransportFailure } from './received-listings.ts';

const log = logger('federation', 'received');

export type ProfileResult = 'stored' | 'refused' | 'invalid';

export async function receiveNodeProfile(ctx: Context<FederationData>, sender: string): Promise<ProfileResult> {
  const { services, follows } = ctx.data;
  if (!(await follows.acceptedPartner(sender))) return 'refused';
  const partner = await partnerNodeHandle(follows, sender, services.config.nodeHandle);
  if ('refused' in partner) {
    log.warning('Refused the profile of {sender}: {reason}', { sender, reason: partner.refused });
    return 'refused';
  }
  let document: unknown;
  try {
    document = await fetchListing(ctx, sender);
  } catch (error) {
    if (isTransportFailure(error))
      throw new Error(`The profile of ${sender} could not be fetched: ${(error as Error).message}`, { cause: error });
    log.warning('Could not fetch the profile of {sender}: {error}', { sender, error: (error as Error).message });
    return 'invalid';
  }
  const read = profileFromActor(document, { sender, handle: partner.handle, catalog: services.catalog });
  if ('problem' in read) {
    log.warning('Refused the profile of {sender}: {reason}', { sender, reason: read.problem });
    return read.result;
  }
  const { record } = read;
  const existing = await services.nodes.findById(partner.handle);
  if (existing?.origin.kind === 'remote' && existing.origin.node !== sender) {
    log.warning('Refused the profile of {sender}: {handle} came from {other}', {
      sender,
      handle: partner.handle,
      other: existing.origin.node,
    });
    return 'refused';
  }
  const now = services.now().toISOString();
  await services.nodes.upsertReceived(partner.handle, record, {
    kind: 'remote',
    node: sender,
    objectId: sender,
    url: record.url ?? new URL(sender).origin,
    receivedAt: now,
    remoteUpdatedAt: now,
  });
  services.events.emit({ type: 'node.profileReceived', handle: partner.handle });
  log.info('Stored the profile of {sender} as {handle}', { sender, handle: partner.handle });
  return 'stored';
}

/**
 * The city profile a partner's actor document gives, as this node stores it: the document must
 * be the sender's own (its id), the record passes the validation layer, the seeds' `status` goes
 * (whether a node runs is what the network knows, nodes/node-presence.ts), and a `url` on another
 * origin is left out, so a partner cannot make its city's page here link somewhere else.
 */
export function profileFromActor(
  document: unknown,
  options: { sender: string; handle: string; catalog: TaxonomyCatalog },
): { record: CityNodeRecord } | { result: 'refused' | 'invalid'; problem: string } {
  if ((document as { id?: unknown } | null)?.id !== options.sender)
    return { result: 'refused', problem: 'the document fetched has another id than its sender' };
  const read = cityNodeFromJsonLd(document, { catalog: options.catalog, handle: options.handle });
  if (!read.valid) return { result: 'invalid', problem: read.errors.map((e) => `${e.field}: ${e.message}`).join('; ') };
  const { status: _status, url, ...record } = read.record;
  return { record: url && sameOrigin(url, options.sender) ? { ...record, url } : record };
}
