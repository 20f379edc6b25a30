// An actor's outbox. First its Notes, newest first: what a fediverse account browsing the
// profile sees (ADR 0051). Then, for the node actor only, a Create for every published record of
// this node, newest change first, page by page: partners page through it to the end to copy the
// whole catalogue when their follow is accepted (backfill, which skips the Notes). This node's
// open market records come after the listings, so a partner holds an initiative before the needs
// and openings that belong to it (ADR 0038).
import type { Context, PageItems } from '@fedify/fedify';
import { Create, PUBLIC_COLLECTION, type Activity } from '@fedify/vocab';
import { NODE_ACTOR, type FederationData } from './federation-context.ts';
import { objectIdOf } from './objects.ts';
import { MARKET_PATH } from './market/market-objects.ts';
import { noteCreate } from './notes/note-activities.ts';

type RecordItem = { kind: 'initiative' | 'goodPractice' | 'marketRecord'; handle: string; version: number; updatedAt: string };

export async function outboxPage(
  ctx: Context<FederationData>,
  identifier: string,
  cursor: string | null,
  pageSize: number,
): Promise<PageItems<Activity> | null> {
  const notes = await ctx.data.notes.count(identifier);
  const records = identifier === NODE_ACTOR ? await recordItems(ctx) : [];
  const total = notes + records.length;
  const start = cursor === null ? 0 : Math.max(Number(cursor) || 0, 0);
  const end = cursor === null ? total : Math.min(start + pageSize, total);
  const items: Activity[] = [];
  if (start < notes) {
    for (const note of await ctx.data.notes.page(identifier, start, Math.min(end, notes) - start)) items.push(noteCreate(ctx, note));
  }
  for (const r of records.slice(Math.max(start - notes, 0), Math.max(end - notes, 0))) items.push(recordCreate(ctx, r));
  if (cursor === null) return { items };
  return { items, nextCursor: end < total ? String(end) : null };
}

/** How many items the actor's outbox holds. */
export async function outboxCount(ctx: Context<FederationData>, identifier: string): Promise<number> {
  const notes = await ctx.data.notes.count(identifier);
  if (identifier !== NODE_ACTOR) return notes;
  const { services } = ctx.data;
  return (
    notes +
    (await services.initiatives.countPublishedLocal()) +
    (await services.practices.countPublishedLocal()) +
    (await services.publicMarketRecords.openLocal()).length
  );
}

async function recordItems(ctx: Context<FederationData>): Promise<RecordItem[]> {
  const { services } = ctx.data;
  const [initiatives, practices, market] = await Promise.all([
    services.initiatives.findPublishedLocal(),
    services.practices.findPublishedLocal(),
    services.publicMarketRecords.openLocal(),
  ]);
  return [
    ...[
      ...initiatives.map((d) => ({ kind: 'initiative' as const, handle: d.record.handle, version: d.version, updatedAt: d.updatedAt })),
      ...practices.map((d) => ({ kind: 'goodPractice' as const, handle: d.record.handle, version: d.version, updatedAt: d.updatedAt })),
    ].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.handle.localeCompare(b.handle)),
    ...market.map((d) => ({ kind: 'marketRecord' as const, handle: d.record.handle, version: d.version, updatedAt: d.updatedAt })),
  ];
}

function recordCreate(ctx: Context<FederationData>, r: RecordItem): Create {
  const { services } = ctx.data;
  return new Create({
    id: new URL(`/ap/activities/${r.kind}/${encodeURIComponent(r.handle)}/v${r.version}/create`, services.config.publicUrl),
    actor: ctx.getActorUri(NODE_ACTOR),
    object:
      r.kind === 'marketRecord'
        ? new URL(MARKET_PATH.replace('{handle}', encodeURIComponent(r.handle)), services.config.publicUrl)
        : objectIdOf(ctx, r.kind, r.handle),
    tos: [PUBLIC_COLLECTION],
    ccs: [ctx.getFollowersUri(NODE_ACTOR)],
  });
}
