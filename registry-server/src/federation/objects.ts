// The ActivityPub objects of records: a good practice is an Article (Mastodon shows its name,
// summary and a link); an initiative is its own actor (actors.ts). The full public record, in our
// JSON-LD context, is what a partner gets when it fetches the object by id.
import type { Context } from '@fedify/fedify';
import { Article, type Object as APObject } from '@fedify/vocab';
import type { StoredGoodPractice } from '../practices/good-practice-repository.ts';
import { languageStrings } from './actors.ts';
import { NODE_ACTOR, type FederationData } from './federation-context.ts';

export async function practiceObject(ctx: Context<FederationData>, doc: StoredGoodPractice): Promise<Article> {
  const record = doc.record;
  const id = ctx.getObjectUri(Article, { handle: record.handle });
  return new Article({
    id,
    url: id,
    attribution: ctx.getActorUri(NODE_ACTOR),
    names: languageStrings(record.title, record.originalLanguage),
    summaries: languageStrings(record.summary, record.originalLanguage),
    contents: languageStrings(record.howItWorks, record.originalLanguage),
    published: Temporal.Instant.from(doc.createdAt),
    updated: Temporal.Instant.from(doc.updatedAt),
  });
}

/** The id of a local record's ActivityPub object (an initiative's actor, a practice's Article). */
export function objectIdOf(ctx: Context<FederationData>, kind: 'initiative' | 'goodPractice', handle: string): URL {
  return kind === 'initiative' ? ctx.getActorUri(handle) : ctx.getObjectUri(Article, { handle });
}

export type { APObject };
