// Adoption records received from partners (ADR 0040): fetched from their origin by id like
// listings (received-listings.ts has already checked that the id is on the sender's origin and
// that the sender is a partner), then read and checked here. A record speaks only for the node
// that sent it: a document attributed to anyone else is refused, the record is filed under the
// sender's handle whatever node it names, it goes through the same validation layer as local
// writes, and it may replace only a record the same partner sent, never a listing.
import type { Context } from '@fedify/fedify';
import { logger } from '../../config/logging.ts';
import { canonicalJson } from '../../json/canonical-json.ts';
import type { AdoptionRecord } from '../../adoptions/adoption-record.ts';
import type { FederationData } from '../federation-context.ts';
import { sameOrigin } from '../partners/partner-origin.ts';
import type { ReceiveResult } from '../received-listings.ts';

const log = logger('federation', 'received');

/** Our wire shape of an adoption record: an ActivityStreams Document carrying the record under `adoptionRecord` (adoption-jsonld.ts). */
export function isAdoptionDocument(document: unknown): document is Record<string, unknown> {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return false;
  return 'adoptionRecord' in document;
}

export async function receiveAdoption(
  ctx: Context<FederationData>,
  sender: string,
  objectId: string,
  document: Record<string, unknown>,
  nodeHandle: string,
): Promise<ReceiveResult> {
  const { services } = ctx.data;
  const refuse = (reason: string): ReceiveResult => {
    log.warning('Refused the adoption record {object} from {sender}: {reason}', { object: objectId, sender, reason });
    return 'refused';
  };
  if (document.id !== objectId) return refuse(`the document's id is ${String(document.id).slice(0, 200)}, not the one fetched`);
  if (document.attributedTo !== sender)
    return refuse(
      `it is attributed to ${JSON.stringify(document.attributedTo ?? null).slice(0, 200)}; a node publishes only its own records`,
    );
  const embedded = document.adoptionRecord;
  if (embedded === null || typeof embedded !== 'object' || Array.isArray(embedded))
    return invalid(objectId, 'adoptionRecord is not an object');
  // Filed under the partner that sent it, whatever node it names.
  const record = { ...(embedded as Record<string, unknown>), node: nodeHandle } as unknown as AdoptionRecord;
  const errors = services.validator.validate('adoption-record', record);
  if (errors.length) return invalid(objectId, errors.map((e) => `${e.field}: ${e.message}`).join('; '));

  const existing = await services.adoptionRecords.findById(objectId);
  if (existing && (existing.origin.kind !== 'remote' || existing.origin.node !== sender))
    return refuse('it was received from another origin');
  if ((await services.initiatives.findById(objectId)) || (await services.practices.findById(objectId)))
    return refuse('a listing already has this id');
  // A city keeps one record per practice it adopts (as on its own node): a partner sending many
  // records of one practice would flood the practice's page and its moderators' notices.
  const samePractice = await services.adoptionRecords.otherFromSenderForPractice(objectId, sender, record.practice);
  if (samePractice) return refuse(`that partner already sent a record of ${record.practice} (${samePractice})`);
  if (await services.adoptionRecords.otherHasNodeAndHandle(objectId, nodeHandle, record.handle))
    return refuse(`another adoption record of that node already has the handle ${record.handle}`);

  const updated = typeof document.updated === 'string' ? document.updated : null;
  const url =
    typeof document.url === 'string' && /^https?:\/\//i.test(document.url) && sameOrigin(document.url, objectId) ? document.url : objectId;
  if (
    existing?.origin.kind === 'remote' &&
    existing.publication.state === 'published' &&
    updated !== null &&
    existing.origin.remoteUpdatedAt === updated &&
    canonicalJson(existing.record) === canonicalJson(record)
  )
    return 'unchanged';
  const now = services.now().toISOString();
  await services.adoptionRecords.upsertReceived(objectId, record, {
    kind: 'remote',
    node: sender,
    objectId,
    url,
    receivedAt: now,
    remoteUpdatedAt: updated ?? now,
  });
  services.events.emit({
    type: 'adoption.received',
    id: objectId,
    practice: record.practice,
    created: !existing,
    stageChanged: existing !== null && existing.record.stage !== record.stage,
  });
  return 'stored';
}

function invalid(objectId: string, reason: string): ReceiveResult {
  log.warning('Ignored an invalid adoption record {object}: {reason}', { object: objectId, reason });
  return 'invalid';
}
