// The node actor's outbox lists a Create for every published record of this node, newest change
// first, page by page. Partners page through it to the end to copy the whole catalogue when
// their follow is accepted (backfill). This node's open market records come after the listings,
// so a partner holds an initiative before the needs and openings that belong to it (ADR 0038).
import type { Context, PageItems } from '@fedify/fedify';
import { Create, PUBLIC_COLLECTION, type Activity } from '@fedify/vocab';
import { NODE_ACTOR, type FederationData } from './federation-context.ts';
import { objectIdOf } from './objects.ts';
import { MARKET_PATH } from './market/market-objects.ts';

export async function outboxPage(
  ctx: Context<FederationData>,
  identifier: string,
  cursor: string | null,
  pageSize: number,
): Promise<PageItems<Activity> | null> {
  if (identifier !== NODE_ACTOR) return { items: [] };
  const { services } = ctx.data;
  const [initiatives, practices, market] = await Promise.all([
    services.initiatives.findPublishedLocal(),
    services.practices.findPublishedLocal(),
    services.publicMarketRecords.openLocal(),
  ]);
  const records: Array<{ kind: 'initiative' | 'goodPractice' | 'marketRecord'; handle: string; version: number; updatedAt: string }> = [
    ...[
      ...initiatives.map((d) => ({ kind: 'initiative' as const, handle: d.record.handle, version: d.version, updatedAt: d.updatedAt })),
      ...practices.map((d) => ({ kind: 'goodPractice' as const, handle: d.record.handle, version: d.version, updatedAt: d.updatedAt })),
    ].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.handle.localeCompare(b.handle)),
    ...market.map((d) => ({ kind: 'marketRecord' as const, handle: d.record.handle, version: d.version, updatedAt: d.updatedAt })),
  ];
  const start = cursor === null ? 0 : Math.max(Number(cursor) || 0, 0);
  const slice = cursor === null ? records : records.slice(start, start + pageSize);
  const items = slice.map(
    (r) =>
      new Create({
        id: new URL(`/ap/activities/${r.kind}/${encodeURIComponent(r.handle)}/v${r.version}/create`, services.config.publicUrl),
        actor: ctx.getActorUri(NODE_ACTOR),
        object:
          r.kind === 'marketRecord'
            ? new URL(MARKET_PATH.replace('{handle}', encodeURIComponent(r.handle)), services.config.publicUrl)
            : objectIdOf(ctx, r.kind, r.handle),
        tos: [PUBLIC_COLLECTION],
        ccs: [ctx.getFollowersUri(NODE_ACTOR)],
      }),
  );
  if (cursor === null) return { items };
  return { items, nextCursor: start + pageSize < records.length ? String(start + pageSize) : null };
}
