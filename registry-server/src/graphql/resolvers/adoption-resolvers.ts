// Adoption records in GraphQL (issue 16 points 1, 2 and 5, ADR 0040): thin mappers from the stored
// record, the public queries, a practice's adoptions, the staff's view, and create / start /
// update. The workflow (submit, approve, reject, unpublish, delete, restore) goes through the
// shared editorial mutations, which know adoption records by their IRI or handle.
import DataLoader from 'dataloader';
import { authorize, can, requireSignedIn } from '../../accounts/authorization.ts';
import { ActionError } from '../../accounts/action-error.ts';
import type { RecordChanges } from '../../editorial/editorial-service.ts';
import type { AdoptionRecord, AdoptionStage } from '../../adoptions/adoption-record.ts';
import { adoptionRecordStoreFilter, type AdoptionRecordFilterInput } from '../../adoptions/adoption-record-filter.ts';
import type { StoredAdoptionRecord } from '../../adoptions/adoption-record-repository.ts';
import { startAdopting } from '../../adoptions/start-adopting.ts';
import type { AdoptionSearchInput } from '../../adoptions/adoption-search.ts';
import { BadInputError } from '../../records/bad-input-error.ts';
import type { SourceReference } from '../../records/record-types.ts';
import type { GraphQLContext, View } from '../context.ts';
import type { Loaders } from '../loaders.ts';
import { readerWith, type Reader } from '../reader.ts';
import type { Resolvers } from '../generated/resolver-types.ts';
import { cityNodeView } from './city-node-resolvers.ts';
import { draftFields, draftView, result, type DraftView } from './editorial-resolvers.ts';
import { goodPracticeView, type GoodPracticeView } from './good-practice-resolvers.ts';
import { mutation } from './mutation-support.ts';
import { originView } from './origin-resolvers.ts';
import { recordFromInput } from './record-input.ts';
import { pageSize } from './query-resolvers.ts';
import { conceptView, languageView, schemaNonNull, textField } from './shared-resolvers.ts';
import { sourceViews } from './source-resolvers.ts';
import { itemKeys } from '../../translations/translatable-texts.ts';

export type AdoptionRecordView = View<StoredAdoptionRecord>;
/** `textKey`: the item's key in translation statuses' text paths (its id, or its position before ids: ADR 0053). */
export type AdoptionChangeView = { change: NonNullable<AdoptionRecord['changes']>[number]; reader: Reader; textKey: string };
export type AdoptionOrganisationView = { organisation: NonNullable<AdoptionRecord['organisations']>[number]; reader: Reader };
export type AdoptionOutcomeView = { outcome: NonNullable<AdoptionRecord['outcomes']>[number]; reader: Reader; textKey: string };
type Change = AdoptionChangeView;
type Organisation = AdoptionOrganisationView;
type Outcome = AdoptionOutcomeView;
type LangArgs = { lang?: string | null };

const view = (doc: StoredAdoptionRecord, reader: Reader): AdoptionRecordView => ({ doc, reader });
const r = (v: AdoptionRecordView) => v.doc.record;
const text = (pick: (record: AdoptionRecord) => AdoptionRecord['title'] | undefined) =>
  textField<AdoptionRecordView>(
    (v) => pick(r(v)),
    (v) => r(v).originalLanguage,
  );
const upper = (value: string) => value.toUpperCase();
const withLang = (reader: Reader, args: LangArgs) => readerWith(reader, args.lang);

/** A record input in the record's shape: language lists become maps, the stage and source kinds the record's values. */
function adoptionFromInput(input: Record<string, unknown>): RecordChanges<AdoptionRecord> {
  const record = recordFromInput(input);
  if (typeof record.stage === 'string') record.stage = record.stage.toLowerCase() as AdoptionStage;
  // An outcome's source kind (WEB_PAGE) is the record's "web-page", as for a record's sources.
  for (const outcome of (record.outcomes as Array<{ source?: { kind?: unknown } }> | null | undefined) ?? [])
    if (typeof outcome.source?.kind === 'string') outcome.source.kind = outcome.source.kind.toLowerCase().replaceAll('_', '-');
  return record as RecordChanges<AdoptionRecord>;
}

/** Published adoption records by practice IRI, batched per request (a list of practices asks once). */
const perRequest = new WeakMap<Loaders, DataLoader<string, StoredAdoptionRecord[]>>();
function adoptionsOf(ctx: GraphQLContext): DataLoader<string, StoredAdoptionRecord[]> {
  let loader = perRequest.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (iris) => {
      const docs = await ctx.services.adoptionRecords.findPublishedForPractices(iris);
      return iris.map((iri) => docs.filter((d) => d.derived.practice === iri));
    });
    perRequest.set(ctx.loaders, loader);
  }
  return loader;
}

const MAX_PAGE_SIZE = 100;

function storeIdOf(ctx: GraphQLContext, args: { id?: string | null; slug?: string | null }): string {
  if ((args.id == null) === (args.slug == null))
    throw new BadInputError(args.id == null ? 'id' : 'slug', 'give exactly one of `id` or `slug`.');
  const given = (args.id ?? args.slug)!;
  if (given.length > 2000) throw new BadInputError(args.id != null ? 'id' : 'slug', 'is longer than any id (at most 2,000 characters).');
  return args.id != null ? ctx.services.iris.storeIdFor('adoptions', args.id) : args.slug!;
}

/** A facet value with what names it: a practice type's concept, or a city's name (stages are named by the site). */
export type AdoptionFacetValueView = { facet: 'stage' | 'practiceType' | 'city'; value: string; count: number; reader: Reader };

const facetValues = (facet: AdoptionFacetValueView['facet'], values: Array<{ value: string; count: number }>, reader: Reader) =>
  values.map((v): AdoptionFacetValueView => ({ facet, value: v.value, count: v.count, reader }));

export const adoptionResolvers: Resolvers = {
  AdoptionFacetValue: {
    value: (v: AdoptionFacetValueView) => (v.facet === 'stage' ? upper(v.value) : v.value),
    count: (v: AdoptionFacetValueView) => v.count,
    label: async (v: AdoptionFacetValueView, args: LangArgs, ctx: GraphQLContext) => {
      const reader = withLang(v.reader, args);
      if (v.facet === 'practiceType') {
        const concept = ctx.services.catalog.concept('practice-type', v.value);
        return concept ? (reader.languages.map((l) => concept.labels[l]).find(Boolean) ?? concept.labels.en ?? v.value) : null;
      }
      if (v.facet === 'city') {
        const node = await ctx.loaders.cityNode.load(v.value);
        return node?.record.locality ?? null;
      }
      return null;
    },
  },
  AdoptionRecord: {
    id: (v: AdoptionRecordView, _: unknown, ctx: GraphQLContext) => ctx.services.iris.of('adoptions', v.doc),
    slug: (v: AdoptionRecordView) => r(v).handle,
    practiceId: (v: AdoptionRecordView) => r(v).practice,
    practice: async (v: AdoptionRecordView, args: LangArgs, ctx: GraphQLContext) => {
      const doc = await ctx.services.adoptedPractices.find(r(v).practice);
      return doc ? goodPracticeView(doc, withLang(v.reader, args)) : null;
    },
    practiceType: async (v: AdoptionRecordView, args: LangArgs, ctx: GraphQLContext) => {
      const doc = await ctx.services.adoptedPractices.find(r(v).practice);
      return doc ? conceptView(ctx, 'practice-type', doc.record.practiceType, withLang(v.reader, args)) : null;
    },
    stage: (v: AdoptionRecordView) => upper(r(v).stage) as never,
    stageDates: (v: AdoptionRecordView) => ({ adopting: null, adapting: null, reused: null, dropped: null, ...r(v).stageDates }),
    title: schemaNonNull(text((x) => x.title)),
    summary: text((x) => x.summary),
    kept: text((x) => x.kept),
    changes: (v: AdoptionRecordView): Change[] => {
      const changes = r(v).changes ?? [];
      const keys = itemKeys(changes);
      return changes.map((change, index) => ({ change, reader: v.reader, textKey: keys[index]! }));
    },
    organisations: (v: AdoptionRecordView): Organisation[] =>
      (r(v).organisations ?? []).map((organisation) => ({ organisation, reader: v.reader })),
    resources: text((x) => x.resources),
    outcomes: (v: AdoptionRecordView): Outcome[] => {
      const outcomes = r(v).outcomes ?? [];
      const keys = itemKeys(outcomes);
      return outcomes.map((outcome, index) => ({ outcome, reader: v.reader, textKey: keys[index]! }));
    },
    results: text((x) => x.results),
    sources: (v: AdoptionRecordView, _: unknown, ctx: GraphQLContext) =>
      sourceViews(ctx, r(v).sources as SourceReference[] | undefined, v.reader),
    originalLanguage: (v: AdoptionRecordView) => languageView(r(v).originalLanguage, v.reader),
    node: async (v: AdoptionRecordView, _: unknown, ctx: GraphQLContext) =>
      cityNodeView(await ctx.loaders.cityNode.load(r(v).node), r(v).node, v.reader),
    origin: (v: AdoptionRecordView) => originView('adoptions', v.doc, r(v).node, v.reader),
    updatedAt: (v: AdoptionRecordView) => v.doc.updatedAt,
  },
  AdoptionChange: {
    textKey: (v: Change) => v.textKey,
    change: schemaNonNull(textField<Change>((v) => v.change.change)),
    why: textField<Change>((v) => v.change.why),
  },
  AdoptionOrganisation: {
    name: (v: Organisation) => v.organisation.name,
    role: (v: Organisation, _: unknown, ctx: GraphQLContext) => conceptView(ctx, 'actor-role', v.organisation.role, v.reader),
    url: (v: Organisation) => v.organisation.url ?? null,
  },
  AdoptionOutcome: {
    textKey: (v: Outcome) => v.textKey,
    value: (v: Outcome) => v.outcome.value,
    unit: (v: Outcome) => v.outcome.unit ?? null,
    description: schemaNonNull(textField<Outcome>((v) => v.outcome.description)),
    date: (v: Outcome) => v.outcome.date ?? null,
    source: (v: Outcome, _: unknown, ctx: GraphQLContext) =>
      // An outcome's own source is no item of the record's sources: its notes are `outcomes.<key>.source.notes`.
      v.outcome.source ? { ...sourceViews(ctx, [v.outcome.source as SourceReference], v.reader)[0]!, textKey: null } : null,
  },
  AdoptionRecordDraft: {
    ...draftFields,
    preview: (v: DraftView, _: unknown, ctx: GraphQLContext) => {
      const doc = v.doc as unknown as StoredAdoptionRecord;
      const record = doc.pending?.record ?? doc.record;
      return view({ ...doc, record, derived: ctx.services.adoptionRecords.derive(record) }, v.reader);
    },
    live: (v: DraftView) => (v.doc.publication.state === 'published' ? view(v.doc as unknown as StoredAdoptionRecord, v.reader) : null),
  },
  GoodPractice: {
    adoptions: async (v: GoodPracticeView, args: LangArgs, ctx: GraphQLContext) => {
      const docs = await adoptionsOf(ctx).load(ctx.services.iris.of('practices', v.doc));
      return docs.map((doc) => view(doc, withLang(v.reader, args)));
    },
    myAdoption: async (v: GoodPracticeView, _: unknown, ctx: GraphQLContext) => {
      if (!can(ctx.actor, { do: 'adoption.write' })) return null;
      const [doc] = await ctx.services.adoptionRecords.findLocalForPractice(ctx.services.iris.of('practices', v.doc));
      return doc ? draftView('adoptionRecord', doc, v.reader) : null;
    },
  },
  Query: {
    searchAdoptions: async (
      _: unknown,
      args: { input?: AdoptionSearchInput | null; first?: number | null; offset?: number | null; lang?: string | null },
      ctx: GraphQLContext,
    ) => {
      const first = args.first ?? 20;
      const offset = args.offset ?? 0;
      if (first < 0 || first > MAX_PAGE_SIZE) throw new BadInputError('first', `must be between 0 and ${MAX_PAGE_SIZE} (got ${first}).`);
      if (offset < 0 || offset > 10_000) throw new BadInputError('offset', `must be between 0 and 10,000 (got ${offset}).`);
      const reader = withLang(ctx.reader, args);
      const found = await ctx.services.adoptionSearch.search(args.input);
      const docs = await ctx.services.adoptionRecords.findPublishedByIds(found.ids.slice(offset, offset + first));
      const byId = new Map(docs.map((d) => [d._id, d]));
      return {
        totalCount: found.totalCount,
        records: found.ids.slice(offset, offset + first).flatMap((id) => (byId.get(id) ? [view(byId.get(id)!, reader)] : [])),
        facets: {
          stage: facetValues('stage', found.facets.stage, reader),
          practiceType: facetValues('practiceType', found.facets.practiceType, reader),
          city: facetValues('city', found.facets.city, reader),
        },
      };
    },
    adoptionRecord: async (_: unknown, args: { id?: string | null; slug?: string | null; lang?: string | null }, ctx: GraphQLContext) => {
      const doc = await ctx.services.adoptionRecords.findPublishedById(storeIdOf(ctx, args));
      return doc ? view(doc, withLang(ctx.reader, args)) : null;
    },
    adoptionRecords: async (
      _: unknown,
      args: { first?: number | null; after?: string | null; filter?: AdoptionRecordFilterInput | null; lang?: string | null },
      ctx: GraphQLContext,
    ) => {
      const first = pageSize(args.first);
      const reader = withLang(ctx.reader, args);
      const page = await ctx.services.adoptionRecords.page(adoptionRecordStoreFilter(args.filter), 'NAME', first, args.after);
      return {
        ...page,
        edges: page.edges.map((e) => ({
          get cursor() {
            return e.cursor;
          },
          node: view(e.node, reader),
        })),
      };
    },
    editableAdoptionRecord: async (_: unknown, args: { id?: string | null; slug?: string | null }, ctx: GraphQLContext) => {
      requireSignedIn(ctx.actor);
      const storeId = args.id ? ctx.services.iris.storeIdFor('adoptions', args.id) : args.slug;
      if (!storeId) throw new ActionError('NOT_FOUND', 'Give the id or the slug of the record.');
      const doc = await ctx.services.adoptionRecords.findById(storeId);
      if (!doc || doc.origin.kind !== 'local' || doc.publication.state === 'deleted') return null;
      // A draft the actor may not know of is null, like a name nobody uses.
      if (!ctx.services.adoptionEditorial.mayKnowOf(ctx.actor, doc)) return null;
      authorize(ctx.actor, { do: 'adoption.write' });
      return draftView('adoptionRecord', doc, ctx.reader);
    },
  },
  Mutation: {
    createAdoptionRecord: mutation(async (args: { input: Record<string, unknown> }, ctx) =>
      result('adoptionRecord', ctx)(await ctx.services.adoptionEditorial.create(ctx.actor, adoptionFromInput(args.input))),
    ),
    startAdoptingPractice: mutation(async (args: { practice: string }, ctx) => {
      requireSignedIn(ctx.actor);
      if (args.practice.length > 2000) throw new BadInputError('practice', 'is longer than any IRI (at most 2,000 characters).');
      const { adoptionRecords: records, adoptedPractices: practices, adoptionEditorial: editorial, now } = ctx.services;
      return result('adoptionRecord', ctx)(await startAdopting({ records, practices, editorial, now }, ctx.actor, args.practice));
    }),
    updateAdoptionRecord: mutation(async (args: { id: string; version: number; changes: Record<string, unknown> }, ctx) => {
      const storeId = ctx.services.iris.storeIdFor('adoptions', args.id);
      return result(
        'adoptionRecord',
        ctx,
      )(await ctx.services.adoptionEditorial.update(ctx.actor, storeId, args.version, adoptionFromInput(args.changes)));
    }),
  },
};
