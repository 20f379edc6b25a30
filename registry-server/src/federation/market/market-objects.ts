// A market record's IRI (`<PUBLIC_URL>/market/<handle>`) answers ActivityPub clients with the
// record as a Page (market-record-jsonld.ts); a browser asking for it falls through to the site.
// Only what the public sees is served (PublicMarketRecords: published, not expired at this
// node's clock, of a public initiative); anything else is answered like a name nobody uses, and
// a partner that fetches it after an Update drops its copy (received-market-records.ts).
import type { Context } from '@fedify/fedify';
import { Page } from '@fedify/vocab';
import type { StoredMarketRecord } from '../../market/market-record-repository.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { ServedObjectCache } from '../served-object-cache.ts';
import { marketRecordToJsonLd } from './market-record-jsonld.ts';

/** The path of market records' IRIs, as RecordIris mints them (records/record-iris.ts). */
export const MARKET_PATH = '/market/{handle}';

const served = new ServedObjectCache<Page>();

export async function marketRecordObject(ctx: Context<FederationData>, handle: string): Promise<Page | null> {
  const found = await ctx.data.services.publicMarketRecords.findById(handle);
  if (!found || found.doc.origin.kind !== 'local') return null;
  const { doc } = found;
  const id = ctx.getObjectUri(Page, { handle });
  return served.get(`${id.href}|${doc.version}|${doc.updatedAt}`, () => buildObject(ctx, doc, id));
}

async function buildObject(ctx: Context<FederationData>, doc: StoredMarketRecord, id: URL): Promise<Page> {
  const owner = doc.record.owner.initiative;
  const json = marketRecordToJsonLd(doc, {
    id: id.href,
    nodeActorId: ctx.getActorUri(NODE_ACTOR).href,
    ...(owner ? { ownerInitiativeId: ctx.getActorUri(owner).href } : {}),
  });
  // Served as built, so the marketRecord term reaches the partner unchanged.
  return (await Page.fromJsonLd(json, { contextLoader: ctx.contextLoader, documentLoader: ctx.documentLoader })) as Page;
}

/** Whether an IRI names a market record by the UMN scheme (the path after the origin). */
export function isMarketRecordIri(iri: string): boolean {
  return URL.canParse(iri) && /^\/market\/[^/]+$/.test(new URL(iri).pathname);
}
