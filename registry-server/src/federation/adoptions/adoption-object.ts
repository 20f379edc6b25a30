// Serves a local adoption record's ActivityPub object at /adoptions/<handle> (ADR 0040): what a
// partner fetches when it hears a Create or Update. Only published records are served.
import type { Context } from '@fedify/fedify';
import { Document } from '@fedify/vocab';
import type { StoredAdoptionRecord } from '../../adoptions/adoption-record-repository.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { adoptionToJsonLd } from './adoption-jsonld.ts';

export const ADOPTION_PATH = '/adoptions/{handle}';

export async function adoptionObject(ctx: Context<FederationData>, doc: StoredAdoptionRecord): Promise<Document> {
  const id = ctx.getObjectUri(Document, { handle: doc.record.handle });
  const json = adoptionToJsonLd(doc.record, {
    id: id.href,
    nodeActorId: ctx.getActorUri(NODE_ACTOR).href,
    published: doc.publication.publishedAt ?? doc.createdAt,
    updatedAt: doc.updatedAt,
  });
  // Served as built (Fedify keeps the document it parsed), so the record reaches the partner whole.
  return (await Document.fromJsonLd(json, { contextLoader: ctx.contextLoader, documentLoader: ctx.documentLoader })) as Document;
}

/** The published local adoption record with this handle, as its object; null otherwise. */
export async function dispatchAdoption(ctx: Context<FederationData>, handle: string): Promise<Document | null> {
  const doc = await ctx.data.services.adoptionRecords.findPublishedById(handle);
  return doc && doc.origin.kind === 'local' ? adoptionObject(ctx, doc) : null;
}
