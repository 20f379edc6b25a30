// Editing and moderation: drafts, history and the workflow mutations. Each resolver resolves
// which record an id names, then calls the editorial service, which authorises and validates.
import { authorize, requireSignedIn } from '../../accounts/authorization.ts';
import { ActionError } from '../../accounts/action-error.ts';
import type { EditorialService, RecordChanges } from '../../editorial/editorial-service.ts';
import type { Revision } from '../../editorial/revision-repository.ts';
import { diffRecords } from '../../editorial/record-diff.ts';
import { compareRecords } from '../../editorial/record-comparison.ts';
import type { StoredInitiative } from '../../initiatives/initiative-repository.ts';
import type { StoredGoodPractice } from '../../practices/good-practice-repository.ts';
import type { StoredMarketRecord } from '../../market/market-record-repository.ts';
import type { StoredAdoptionRecord } from '../../adoptions/adoption-record-repository.ts';
import type { AdoptionRecord } from '../../adoptions/adoption-record.ts';
import type { GoodPracticeRecord, InitiativeRecord } from '../../records/record-types.ts';
import type { MarketRecord } from '../../market/market-record.ts';
import type { GraphQLContext } from '../context.ts';
import type { Reader } from '../reader.ts';
import { goodPracticeView } from './good-practice-resolvers.ts';
import { initiativeView } from './initiative-resolvers.ts';
import { mutation } from './mutation-support.ts';
import { valueChangeView } from './value-change-resolvers.ts';
import { recordFromInput, withInitiativeDefaults } from './record-input.ts';
import { locationPreview } from './place-resolvers.ts';
import type { PublicationState, Resolvers } from '../generated/resolver-types.ts';

type Kind = 'initiative' | 'goodPractice' | 'marketRecord' | 'adoptionRecord';
type StoredAny = StoredInitiative | StoredGoodPractice | StoredMarketRecord | StoredAdoptionRecord;
export interface DraftView {
  kind: Kind;
  doc: StoredAny;
  reader: Reader;
}

const STATE = (state: string) => state.toUpperCase().replace('-', '_') as PublicationState;

export function draftView(kind: Kind, doc: StoredAny, reader: Reader): DraftView {
  return { kind, doc, reader };
}

/**
 * Which record an id names: an initiative or practice IRI, or a bare handle (initiatives first).
 * A bare handle only finds records the actor may know of (EditorialService.mayKnowOf), so a
 * hidden one is answered like a name nobody uses.
 */
async function locate(ctx: GraphQLContext, id: string): Promise<{ kind: Kind; storeId: string }> {
  const { iris, initiatives, practices, marketRecords, initiativeEditorial, practiceEditorial, marketEditorial } = ctx.services;
  const { adoptionRecords, adoptionEditorial } = ctx.services;
  const asInitiative = iris.storeIdFor('initiatives', id);
  const asPractice = iris.storeIdFor('practices', id);
  const asMarketRecord = iris.storeIdFor('market', id);
  if (asInitiative !== id) return { kind: 'initiative', storeId: asInitiative };
  if (asPractice !== id) return { kind: 'goodPractice', storeId: asPractice };
  if (asMarketRecord !== id) return { kind: 'marketRecord', storeId: asMarketRecord };
  const asAdoptionRecord = iris.storeIdFor('adoptions', id);
  if (asAdoptionRecord !== id) return { kind: 'adoptionRecord', storeId: asAdoptionRecord };
  const initiative = await initiatives.findById(id);
  if (initiative && initiativeEditorial.mayKnowOf(ctx.actor, initiative)) return { kind: 'initiative', storeId: id };
  const practice = await practices.findById(id);
  if (practice && practiceEditorial.mayKnowOf(ctx.actor, practice)) return { kind: 'goodPractice', storeId: id };
  const marketRecord = await marketRecords.findById(id);
  if (marketRecord && marketEditorial.mayKnowOf(ctx.actor, marketRecord)) return { kind: 'marketRecord', storeId: id };
  const adoptionRecord = await adoptionRecords.findById(id);
  if (adoptionRecord && adoptionEditorial.mayKnowOf(ctx.actor, adoptionRecord)) return { kind: 'adoptionRecord', storeId: id };
  throw new ActionError(
    'NOT_FOUND',
    `No initiative, good practice, market record or adoption record "${id}" on this node that you can change. Check the id (the IRI from the API) or the slug.`,
  );
}

function service(
  ctx: GraphQLContext,
  kind: Kind,
):
  | EditorialService<InitiativeRecord>
  | EditorialService<GoodPracticeRecord>
  | EditorialService<MarketRecord>
  | EditorialService<AdoptionRecord> {
  if (kind === 'marketRecord') return ctx.services.marketEditorial;
  if (kind === 'adoptionRecord') return ctx.services.adoptionEditorial;
  return kind === 'initiative' ? ctx.services.initiativeEditorial : ctx.services.practiceEditorial;
}

const IRI_KINDS = { initiative: 'initiatives', goodPractice: 'practices', marketRecord: 'market', adoptionRecord: 'adoptions' } as const;

export const result = (kind: Kind, ctx: GraphQLContext) => (doc: { _id: string }) => ({
  record: draftView(kind, doc as StoredAny, ctx.reader),
  error: null,
});

/** A state change on whatever record `id` names. */
function workflow(
  run: (
    s: EditorialService<InitiativeRecord>,
    storeId: string,
    args: { version: number; reason?: string; revision?: number },
    ctx: GraphQLContext,
  ) => Promise<{ _id: string }>,
) {
  return mutation(async (args: { id: string; version: number; reason?: string; revision?: number }, ctx) => {
    // Before any lookup, so the answer to the anonymous public never depends on what exists.
    requireSignedIn(ctx.actor);
    const { kind, storeId } = await locate(ctx, args.id);
    // Both services share one interface; the record type only matters inside them.
    return result(kind, ctx)(await run(service(ctx, kind) as unknown as EditorialService<InitiativeRecord>, storeId, args, ctx));
  });
}

/**
 * A record to edit. The anonymous public is asked to sign in whatever the name; a signed-in
 * account gets null for a name nobody uses and for a record it may not know of alike, and is
 * refused (NOT_AUTHORIZED) only on a published record, whose existence is public anyway.
 */
async function editable(ctx: GraphQLContext, kind: Kind, args: { id?: string | null; slug?: string | null }): Promise<DraftView | null> {
  requireSignedIn(ctx.actor);
  const repository = kind === 'initiative' ? ctx.services.initiatives : ctx.services.practices;
  const storeId = args.id ? ctx.services.iris.storeIdFor(kind === 'initiative' ? 'initiatives' : 'practices', args.id) : args.slug;
  if (!storeId) throw new ActionError('NOT_FOUND', 'Give the id or the slug of the record.');
  const doc = await repository.findById(storeId);
  if (!doc || doc.origin.kind !== 'local' || doc.publication.state === 'deleted') return null;
  if (!(service(ctx, kind) as EditorialService<InitiativeRecord>).mayKnowOf(ctx.actor, doc as StoredInitiative)) return null;
  authorize(
    ctx.actor,
    kind === 'initiative' ? { do: 'initiative.edit', initiative: doc.record.handle } : { do: 'practice.edit', practice: doc.record.handle },
  );
  return draftView(kind, doc, ctx.reader);
}

/** The revisions `from` and `to` of the record, or NOT_FOUND naming the one it lacks. */
async function twoRevisions(v: DraftView, args: { from: number; to: number }, ctx: GraphQLContext): Promise<[Revision, Revision]> {
  const [from, to] = await Promise.all([
    ctx.services.revisions.get(v.kind, v.doc._id, args.from),
    ctx.services.revisions.get(v.kind, v.doc._id, args.to),
  ]);
  if (!from || !to)
    throw new ActionError('NOT_FOUND', `This record has no revision ${!from ? args.from : args.to}; list them with \`revisions\`.`);
  return [from, to];
}

const working = (v: DraftView) => v.doc.pending?.record ?? v.doc.record;

export const draftFields = {
  id: (v: DraftView, _: unknown, ctx: GraphQLContext) => ctx.services.iris.of(IRI_KINDS[v.kind], v.doc),
  slug: (v: DraftView) => v.doc.record.handle,
  version: (v: DraftView) => v.doc.version,
  state: (v: DraftView) => STATE(v.doc.publication.state),
  pendingChanges: (v: DraftView) => (v.doc.pending ? STATE(v.doc.pending.state) : null),
  review: (v: DraftView) => {
    const review = v.doc.pending?.review ?? v.doc.publication.review;
    return review ? { decision: review.decision, reason: review.reason, at: review.at } : null;
  },
  record: (v: DraftView) => working(v),
  revisions: (v: DraftView, args: { first?: number | null }, ctx: GraphQLContext) =>
    ctx.services.revisions.list(v.kind, v.doc._id, Math.min(Math.max(args.first ?? 50, 1), 200)),
  revision: (v: DraftView, args: { version: number }, ctx: GraphQLContext) => ctx.services.revisions.get(v.kind, v.doc._id, args.version),
  diff: async (v: DraftView, args: { from: number; to: number }, ctx: GraphQLContext) => {
    const [from, to] = await twoRevisions(v, args, ctx);
    return diffRecords(from.snapshot, to.snapshot, v.kind);
  },
  changesToReview: (v: DraftView) => {
    const { doc } = v;
    if (doc.pending) return compareRecords(doc.record, doc.pending.record, v.kind).map(valueChangeView);
    return doc.publication.state === 'published' ? [] : compareRecords({}, doc.record, v.kind).map(valueChangeView);
  },
  compare: async (v: DraftView, args: { from: number; to: number }, ctx: GraphQLContext) => {
    const [from, to] = await twoRevisions(v, args, ctx);
    return compareRecords(from.snapshot, to.snapshot, v.kind).map(valueChangeView);
  },
  updatedAt: (v: DraftView) => v.doc.updatedAt,
};

export const editorialResolvers: Resolvers = {
  EditableRecord: {
    __resolveType: (v: DraftView) =>
      v.kind === 'initiative'
        ? 'InitiativeDraft'
        : v.kind === 'goodPractice'
          ? 'GoodPracticeDraft'
          : v.kind === 'marketRecord'
            ? 'MarketRecordDraft'
            : 'AdoptionRecordDraft',
  },
  InitiativeDraft: {
    ...draftFields,
    preview: (v: DraftView) => initiativeView({ ...(v.doc as StoredInitiative), record: working(v) as InitiativeRecord }, v.reader),
    live: (v: DraftView) => (v.doc.publication.state === 'published' ? initiativeView(v.doc as StoredInitiative, v.reader) : null),
    locationPreview: (v: DraftView, args: { location?: Record<string, unknown> | null }, ctx: GraphQLContext) =>
      locationPreview(working(v) as InitiativeRecord, args.location, v.reader, ctx),
    messages: async (v: DraftView, args: { unreadOnly?: boolean | null; first?: number | null }, ctx: GraphQLContext) =>
      ctx.services.relay.list(ctx.actor, v.doc.record.handle, { unreadOnly: args.unreadOnly ?? false, first: args.first ?? 50 }),
  },
  GoodPracticeDraft: {
    ...draftFields,
    preview: (v: DraftView) => goodPracticeView({ ...(v.doc as StoredGoodPractice), record: working(v) as GoodPracticeRecord }, v.reader),
    live: (v: DraftView) => (v.doc.publication.state === 'published' ? goodPracticeView(v.doc as StoredGoodPractice, v.reader) : null),
  },
  Revision: {
    by: (r: Revision) => r.by,
    note: (r: Revision) => r.note ?? null,
  },
  Query: {
    myInitiatives: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      if (ctx.actor.kind !== 'account') return [];
      const docs = await ctx.services.initiatives.findLocalUndeleted([...ctx.actor.initiatives]);
      return docs.map((doc) => draftView('initiative', doc, ctx.reader));
    },
    editableInitiative: (_: unknown, args: { id?: string | null; slug?: string | null }, ctx: GraphQLContext) =>
      editable(ctx, 'initiative', args),
    editableGoodPractice: (_: unknown, args: { id?: string | null; slug?: string | null }, ctx: GraphQLContext) =>
      editable(ctx, 'goodPractice', args),
    reviewQueue: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      authorize(ctx.actor, { do: 'review.list' });
      const [initiatives, practices, marketRecords, adoptionRecords] = await Promise.all([
        ctx.services.initiatives.reviewQueue(),
        ctx.services.practices.reviewQueue(),
        ctx.services.marketRecords.reviewQueue(),
        ctx.services.adoptionRecords.reviewQueue(),
      ]);
      return [
        ...initiatives.map((d) => draftView('initiative', d, ctx.reader)),
        ...practices.map((d) => draftView('goodPractice', d, ctx.reader)),
        ...marketRecords.map((d) => draftView('marketRecord', d, ctx.reader)),
        ...adoptionRecords.map((d) => draftView('adoptionRecord', d, ctx.reader)),
      ].sort((a, b) => a.doc.updatedAt.localeCompare(b.doc.updatedAt));
    },
  },
  Mutation: {
    createInitiative: mutation(async (args: { input: Record<string, unknown> }, ctx) => {
      const record = withInitiativeDefaults(recordFromInput(args.input)) as RecordChanges<InitiativeRecord>;
      return result('initiative', ctx)(await ctx.services.initiativeEditorial.create(ctx.actor, record));
    }),
    updateInitiative: mutation(async (args: { id: string; version: number; changes: Record<string, unknown> }, ctx) => {
      const storeId = ctx.services.iris.storeIdFor('initiatives', args.id);
      const changes = recordFromInput(args.changes) as RecordChanges<InitiativeRecord>;
      return result('initiative', ctx)(await ctx.services.initiativeEditorial.update(ctx.actor, storeId, args.version, changes));
    }),
    createGoodPractice: mutation(async (args: { input: Record<string, unknown> }, ctx) => {
      const record = recordFromInput(args.input) as RecordChanges<GoodPracticeRecord>;
      return result('goodPractice', ctx)(await ctx.services.practiceEditorial.create(ctx.actor, record));
    }),
    updateGoodPractice: mutation(async (args: { id: string; version: number; changes: Record<string, unknown> }, ctx) => {
      const storeId = ctx.services.iris.storeIdFor('practices', args.id);
      const changes = recordFromInput(args.changes) as RecordChanges<GoodPracticeRecord>;
      return result('goodPractice', ctx)(await ctx.services.practiceEditorial.update(ctx.actor, storeId, args.version, changes));
    }),
    submitForReview: workflow((s, id, args, ctx) => s.submit(ctx.actor, id, args.version)),
    approve: workflow((s, id, args, ctx) => s.approve(ctx.actor, id, args.version)),
    reject: workflow((s, id, args, ctx) => s.reject(ctx.actor, id, args.version, args.reason ?? '')),
    unpublish: workflow((s, id, args, ctx) => s.unpublish(ctx.actor, id, args.version)),
    delete: workflow((s, id, args, ctx) => s.delete(ctx.actor, id, args.version)),
    restoreRevision: workflow((s, id, args, ctx) => s.restore(ctx.actor, id, args.revision ?? 0, args.version)),
  },
};
