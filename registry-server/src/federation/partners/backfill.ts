// Backfill: when a partner accepts our follow, copy its whole catalogue by paging through its
// node actor's outbox to the last page (each item is a Create of a listing, fetched from its
// origin like any received listing). Bounded in pages, and safe against a page that links back.
import type { Context } from '@fedify/fedify';
import { Collection, CollectionPage, isActor, type Activity } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { receiveListing } from '../received-listings.ts';
import { lookupDeadline } from '../../http/outgoing-timeouts.ts';

const log = logger('federation', 'backfill');
const MAX_PAGES = 10_000;

export async function backfillPartner(ctx: Context<FederationData>, partnerActor: string): Promise<{ records: number; errors: number }> {
  const { follows, registry } = ctx.data;
  const documentLoader = await ctx.getDocumentLoader({ identifier: NODE_ACTOR });
  const options = { documentLoader, contextLoader: ctx.contextLoader };
  let records = 0;
  let errors = 0;
  const actor = await ctx.lookupObject(partnerActor, { documentLoader, signal: lookupDeadline() });
  if (!isActor(actor) || !actor.outboxId) throw new Error(`${partnerActor} has no outbox to copy from`);
  const outbox = await ctx.lookupObject(actor.outboxId.href, { documentLoader, signal: lookupDeadline() });
  if (!(outbox instanceof Collection)) throw new Error(`${actor.outboxId.href} is not a collection`);
  const seen = new Set<string>();
  let page: unknown = await outbox.getFirst(options);
  for (let pages = 0; page instanceof CollectionPage && pages < MAX_PAGES; pages++) {
    if (page.id && seen.has(page.id.href)) break;
    if (page.id) seen.add(page.id.href);
    for await (const item of page.getItems(options)) {
      const objectId = (item as Activity).objectId?.href;
      if (!objectId) continue;
      const result = await receiveListing(ctx, partnerActor, objectId);
      if (result === 'stored' || result === 'unchanged') records++;
      else if (result !== 'gone') errors++;
    }
    page = await page.getNext(options);
  }
  await follows.following.updateOne({ _id: partnerActor }, { $set: { lastBackfill: { at: registry.now().toISOString(), records, errors } } });
  log.info('Copied {records} listing(s) from {partner} ({errors} refused or invalid)', { records, partner: partnerActor, errors });
  return { records, errors };
}
