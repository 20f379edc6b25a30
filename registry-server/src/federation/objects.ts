// The ActivityPub objects of records: a good practice is an Article (Mastodon shows its name,
// summary and a link); an initiative is its own actor (actors.ts). The full public record, in our
// JSON-LD context, is what a partner gets when it fetches the object by id.
import type { Context } from '@fedify/fedify';
import { Article, type Object as APObject } from '@fedify/vocab';
import type { StoredGoodPractice } from '../practices/good-practice-repository.ts';
import { goodPracticeToJsonLd } from './jsonld/good-practice-jsonld.ts';
import { practiceWithPublishedReferences } from './published-references.ts';
import { NODE_ACTOR, type FederationData } from './federation-context.ts';
import { ServedObjectCache } from './served-object-cache.ts';

const servedPractices = new ServedObjectCache<Article>();

export async function practiceObject(ctx: Context<FederationData>, doc: StoredGoodPractice): Promise<Article> {
  const id = ctx.getObjectUri(Article, { handle: doc.record.handle });
  // Only published initiatives are named; which ones are is part of the cache key.
  const record = await practiceWithPublishedReferences(ctx.data.services, doc.record);
  return servedPractices.get(`${id.href}|${doc.version}|${doc.updatedAt}|${(record.initiatives ?? []).join(',')}`, () =>
    buildPracticeObject(ctx, doc, record, id),
  );
}

async function buildPracticeObject(
  ctx: Context<FederationData>,
  doc: StoredGoodPractice,
  record: StoredGoodPractice['record'],
  id: URL,
): Promise<Article> {
  const { services } = ctx.data;
  const json = goodPracticeToJsonLd(record, {
    id: id.href,
    url: id.href,
    nodeActorId: ctx.getActorUri(NODE_ACTOR).href,
    nodeId: ctx.getActorUri(NODE_ACTOR).href,
    catalog: services.catalog,
    published: doc.publication.publishedAt ?? doc.createdAt,
    updatedAt: doc.updatedAt,
    recordIri: (kind, handle) => (kind === 'initiatives' ? ctx.getActorUri(handle).href : services.iris.local(kind, handle)),
  });
  // Served as built, so our context's terms (the EWSI fields) reach the partner (brief §7).
  return (await Article.fromJsonLd(json, { contextLoader: ctx.contextLoader, documentLoader: ctx.documentLoader })) as Article;
}

/** The id of a local record's ActivityPub object (an initiative's actor, a practice's Article). */
export function objectIdOf(ctx: Context<FederationData>, kind: 'initiative' | 'goodPractice', handle: string): URL {
  return kind === 'initiative' ? ctx.getActorUri(handle) : ctx.getObjectUri(Article, { handle });
}

export type { APObject };
