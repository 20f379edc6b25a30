// The node actor's `featured` collection (ADR 0051): the practices the admin pinned on
// /admin/fediverse, in the order chosen, as the Articles partners get. Only those still
// published here are served: unpublishing a practice unpins it without the admin's help.
import type { Context } from '@fedify/fedify';
import type { Article } from '@fedify/vocab';
import type { FederationData } from '../federation-context.ts';
import { practiceObject } from '../objects.ts';

export async function featuredPractices(ctx: Context<FederationData>): Promise<Article[]> {
  const { services } = ctx.data;
  const { pinnedPractices } = await services.fediverseSettings.current();
  const items: Article[] = [];
  for (const handle of pinnedPractices) {
    const doc = await services.practices.findPublishedById(handle);
    if (doc && doc.origin.kind === 'local') items.push(await practiceObject(ctx, doc));
  }
  return items;
}
