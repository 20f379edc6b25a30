// Backfill: when a partner accepts our follow, copy its whole catalogue by paging through its
// node actor's outbox to the last page (each item is a Create of a listing, fetched from its
// origin like any received listing). Bounded in pages, and safe against a page that links back.
// The outbox and every page must be on the partner's origin: a page that links elsewhere ends
// the copy, so a partner cannot make this node crawl (or copy) another node's catalogue.
import type { Context } from '@fedify/fedify';
import { Collection, CollectionPage, isActor, type Activity } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { receiveListing } from '../received-listings.ts';
import { isMarketRecordIri } from '../market/market-objects.ts';
import { isNoteIri } from '../notes/note-activities.ts';
import { receiveMarketRecord } from '../market/received-market-records.ts';
import { receiveNodeProfile } from '../received-node-profiles.ts';
import { sameOrigin } from './partner-origin.ts';
import { lookupDeadline } from '../../outgoing/outgoing-timeouts.ts';

const log = logger('federation', 'backfill');
const MAX_PAGES = 10_000;

export async function backfillPartner(ctx: Context<FederationData>, partnerActor: string): Promise<{ records: number; errors: number }> {
  const { follows, services } = ctx.data;
  // The partner's own profile first: its page here stops showing a seeded placeholder.
  await receiveNodeProfile(ctx, partnerActor).catch((error: unknown) =>
    log.warning('Could not copy the profile of {partner}: {error}', { partner: partnerActor, error: (error as Error).message }),
  );
  const documentLoader = await ctx.getDocumentLoader({ identifier: NODE_ACTOR });
  const options = { documentLoader, contextLoader: ctx.contextLoader };
  let records = 0;
  let errors = 0;
  const actor = await ctx.lookupObject(partnerActor, { documentLoader, signal: lookupDeadline() });
  if (!isActor(actor) || !actor.outboxId) throw new Error(`${partnerActor} has no outbox to copy from`);
  if (!sameOrigin(actor.outboxId.href, partnerActor))
    throw new Error(`${partnerActor} names an outbox on another origin (${actor.outboxId.href}); only its own catalogue is copied`);
  const outbox = await ctx.lookupObject(actor.outboxId.href, { documentLoader, signal: lookupDeadline() });
  if (!(outbox instanceof Collection)) throw new Error(`${actor.outboxId.href} is not a collection`);
  const seen = new Set<string>();
  const onPartner = (url: URL | null) => {
    if (url === null || sameOrigin(url.href, partnerActor)) return true;
    log.info('Stopped copying {partner} at {url}: a page on another origin', { partner: partnerActor, url: url.href });
    return false;
  };
  let page: unknown = onPartner(outbox.firstId) ? await outbox.getFirst(options) : null;
  for (let pages = 0; page instanceof CollectionPage && pages < MAX_PAGES; pages++) {
    if (!onPartner(page.id)) break;
    if (page.id && seen.has(page.id.href)) break;
    if (page.id) seen.add(page.id.href);
    for await (const item of page.getItems(options)) {
      const objectId = (item as Activity).objectId?.href;
      // The Notes written for fediverse accounts (ADR 0051) are not listings.
      if (!objectId || isNoteIri(objectId)) continue;
      const result = isMarketRecordIri(objectId)
        ? await receiveMarketRecord(ctx, partnerActor, objectId)
        : await receiveListing(ctx, partnerActor, objectId);
      if (result === 'stored' || result === 'unchanged') records++;
      else if (result !== 'gone') errors++;
    }
    page = onPartner(page.nextId) ? await page.getNext(options) : null;
  }
  await follows.recordBackfill(partnerActor, { at: services.now().toISOString(), records, errors });
  log.info('Copied {records} listing(s) from {partner} ({errors} refused or invalid)', { records, partner: partnerActor, errors });
  return { records, errors };
}
