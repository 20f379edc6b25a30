// Market records in GraphQL (issue 15 point 1, ADR 0033): thin mappers from the stored record,
// the public queries (published and unexpired only), the editors' view, and create/update. The
// workflow (submit, approve, reject, unpublish, delete, restore) goes through the shared
// editorial mutations, which know market records by their IRI or handle.
import { authorize, can, requireSignedIn } from '../../accounts/authorization.ts';
import { ActionError } from '../../accounts/action-error.ts';
import type { RecordChanges } from '../../editorial/editorial-service.ts';
import { marketRecordStoreFilter, type MarketRecordFilterInput } from '../../market/market-record-filter.ts';
import type { MarketRecord } from '../../market/market-record.ts';
import type { StoredMarketRecord } from '../../market/market-record-repository.ts';
import { BadInputError } from '../../records/bad-input-error.ts';
import type { GraphQLContext, View } from '../context.ts';
import { nodeRef } from '../loaders.ts';
import { readerWith, type Reader } from '../reader.ts';
import type { Resolvers } from '../generated/resolver-types.ts';
import { draftFields, draftView, result, type DraftView } from './editorial-resolvers.ts';
import { initiativeView } from './initiative-resolvers.ts';
import { mutation } from './mutation-support.ts';
import { recordFromInput } from './record-input.ts';
import { pageSize } from './query-resolvers.ts';
import { conceptView, conceptViews, countryView, languageView, schemaNonNull, textField } from './shared-resolvers.ts';

export type MarketRecordView = View<StoredMarketRecord> & { now: Date };
type Details<K extends 'request' | 'need' | 'offer' | 'opening'> = { details: NonNullable<MarketRecord[K]>; reader: Reader };
export type RequestDetailsView = Details<'request'>;
export type NeedDetailsView = Details<'need'>;
export type OfferDetailsView = Details<'offer'>;
export type OpeningDetailsView = Details<'opening'>;
type LangArgs = { lang?: string | null };

const view = (doc: StoredMarketRecord, reader: Reader, now: Date): MarketRecordView => ({ doc, reader, now });
const r = (v: MarketRecordView) => v.doc.record;
const text = (pick: (record: MarketRecord) => MarketRecord['title'] | undefined) =>
  textField<MarketRecordView>(
    (v) => pick(r(v)),
    (v) => r(v).originalLanguage,
  );
const detailText = <K extends 'request' | 'need' | 'offer' | 'opening'>(
  pick: (d: NonNullable<MarketRecord[K]>) => MarketRecord['title'] | undefined,
) => textField<Details<K>>((v) => pick(v.details));
const details =
  <K extends 'request' | 'need' | 'offer' | 'opening'>(kind: K) =>
  (v: MarketRecordView) => {
    const d = r(v)[kind];
    return d ? { details: d, reader: v.reader } : null;
  };
/** Enum values of the schema from the record's lower-case values (reserved-contract → RESERVED_CONTRACT). */
const upper = <T extends string>(value: string) => value.toUpperCase().replaceAll('-', '_') as T;
const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase().replaceAll('_', '-') : value);
const withLang = (reader: Reader, args: LangArgs) => readerWith(reader, args.lang);

/** A record input in the record's shape: language lists become maps, enum values the record's lower-case values. */
function marketRecordFromInput(input: Record<string, unknown>): RecordChanges<MarketRecord> {
  const record = recordFromInput(input);
  if (record.kind != null) record.kind = lower(record.kind);
  const request = record.request as Record<string, unknown> | null | undefined;
  if (request) for (const field of ['requestKind', 'intent']) if (request[field] != null) request[field] = lower(request[field]);
  return record as RecordChanges<MarketRecord>;
}

export const marketResolvers: Resolvers = {
  MarketRecord: {
    id: (v: MarketRecordView, _: unknown, ctx: GraphQLContext) => ctx.services.iris.of('market', v.doc),
    slug: (v: MarketRecordView) => r(v).handle,
    kind: (v: MarketRecordView) => upper(r(v).kind),
    title: schemaNonNull(text((x) => x.title)),
    summary: schemaNonNull(text((x) => x.summary)),
    description: text((x) => x.description),
    originalLanguage: (v: MarketRecordView) => languageView(r(v).originalLanguage, v.reader),
    ownerInitiative: async (v: MarketRecordView, _: unknown, ctx: GraphQLContext) => {
      const handle = r(v).owner.initiative;
      const doc = handle ? await ctx.loaders.initiative.load(nodeRef(r(v).node, handle)) : null;
      return doc ? initiativeView(doc, v.reader) : null;
    },
    ownerOrganisation: (v: MarketRecordView) => r(v).owner.organisation ?? null,
    ownerOrganisationUrl: (v: MarketRecordView) => r(v).owner.organisationUrl ?? null,
    sectors: (v: MarketRecordView, args: LangArgs, ctx: GraphQLContext) =>
      conceptViews(ctx, 'sector', r(v).sectors, withLang(v.reader, args)),
    area: (v: MarketRecordView) => ({
      country: countryView(r(v).area.country, v.reader),
      region: r(v).area.region ?? null,
      locality: r(v).area.locality ?? null,
      centre: r(v).area.centre ?? null,
      radiusKm: r(v).area.radiusKm ?? null,
    }),
    startDate: (v: MarketRecordView) => r(v).period?.startDate ?? null,
    endDate: (v: MarketRecordView) => r(v).period?.endDate ?? null,
    expiresOn: (v: MarketRecordView) => r(v).expiresOn,
    open: (v: MarketRecordView) => v.doc.derived.closesAt > v.now.toISOString(),
    request: details('request'),
    need: details('need'),
    offer: details('offer'),
    opening: details('opening'),
    node: (v: MarketRecordView) => r(v).node,
    updatedAt: (v: MarketRecordView) => v.doc.updatedAt,
  },
  MarketRequestDetails: {
    requestKind: (v: Details<'request'>) => upper(v.details.requestKind),
    intent: (v: Details<'request'>) => upper(v.details.intent),
    cpvCodes: (v: Details<'request'>) => v.details.cpvCodes ?? [],
    budgetBand: (v: Details<'request'>, args: LangArgs, ctx: GraphQLContext) =>
      conceptView(ctx, 'budget-band', v.details.budgetBand, withLang(v.reader, args)),
    deadline: (v: Details<'request'>) => v.details.deadline ?? null,
  },
  MarketNeedDetails: {
    needKinds: (v: Details<'need'>, args: LangArgs, ctx: GraphQLContext) =>
      conceptViews(ctx, 'need', v.details.needKinds, withLang(v.reader, args)),
    frequency: detailText<'need'>((d) => d.frequency),
  },
  MarketOfferDetails: {
    offerKind: (v: Details<'offer'>, args: LangArgs, ctx: GraphQLContext) =>
      conceptView(ctx, 'offer-kind', v.details.offerKind, withLang(v.reader, args)),
    premisesKinds: (v: Details<'offer'>, args: LangArgs, ctx: GraphQLContext) =>
      conceptViews(ctx, 'need', v.details.premisesKinds, withLang(v.reader, args)),
    lendingForms: (v: Details<'offer'>, args: LangArgs, ctx: GraphQLContext) =>
      conceptViews(ctx, 'lending-form', v.details.lendingForms, withLang(v.reader, args)),
    availability: detailText<'offer'>((d) => d.availability),
    conditions: detailText<'offer'>((d) => d.conditions),
  },
  MarketOpeningDetails: {
    openingKind: (v: Details<'opening'>, args: LangArgs, ctx: GraphQLContext) =>
      conceptView(ctx, 'opening-kind', v.details.openingKind, withLang(v.reader, args)),
    places: (v: Details<'opening'>) => v.details.places ?? null,
    languages: (v: Details<'opening'>) => (v.details.languages ?? []).map((code) => languageView(code, v.reader)),
    conditions: detailText<'opening'>((d) => d.conditions),
  },
  MarketRecordDraft: {
    ...draftFields,
    preview: (v: DraftView, _: unknown, ctx: GraphQLContext) => {
      const doc = v.doc as StoredMarketRecord;
      const record = doc.pending?.record ?? doc.record;
      return view({ ...doc, record, derived: ctx.services.marketRecords.derive(record) }, v.reader, ctx.services.now());
    },
    live: (v: DraftView, _: unknown, ctx: GraphQLContext) =>
      v.doc.publication.state === 'published' ? view(v.doc as StoredMarketRecord, v.reader, ctx.services.now()) : null,
    expired: (v: DraftView, _: unknown, ctx: GraphQLContext) =>
      (v.doc as StoredMarketRecord).derived.expiresAt <= ctx.services.now().toISOString(),
  },
  Query: {
    marketRecord: async (_: unknown, args: { id?: string | null; slug?: string | null; lang?: string | null }, ctx: GraphQLContext) => {
      if ((args.id == null) === (args.slug == null))
        throw new BadInputError(args.id == null ? 'id' : 'slug', 'give exactly one of `id` or `slug`.');
      const given = (args.id ?? args.slug)!;
      if (given.length > 2000)
        throw new BadInputError(args.id != null ? 'id' : 'slug', 'is longer than any id (at most 2,000 characters).');
      const storeId = args.id != null ? ctx.services.iris.storeIdFor('market', args.id) : args.slug!;
      const found = await ctx.services.publicMarketRecords.findById(storeId);
      return found ? view(found.doc, withLang(ctx.reader, args), found.now) : null;
    },
    marketRecords: async (
      _: unknown,
      args: { first?: number | null; after?: string | null; filter?: MarketRecordFilterInput | null; lang?: string | null },
      ctx: GraphQLContext,
    ) => {
      const first = pageSize(args.first);
      const reader = withLang(ctx.reader, args);
      const filter = marketRecordStoreFilter(args.filter, ctx.services.catalog, ctx.services.now());
      const { page, now } = await ctx.services.publicMarketRecords.page(filter, first, args.after);
      return {
        ...page,
        edges: page.edges.map((e) => ({
          get cursor() {
            return e.cursor;
          },
          node: view(e.node, reader, now),
        })),
      };
    },
    editableMarketRecord: async (_: unknown, args: { id?: string | null; slug?: string | null }, ctx: GraphQLContext) => {
      requireSignedIn(ctx.actor);
      const storeId = args.id ? ctx.services.iris.storeIdFor('market', args.id) : args.slug;
      if (!storeId) throw new ActionError('NOT_FOUND', 'Give the id or the slug of the record.');
      const doc = await ctx.services.marketRecords.findById(storeId);
      if (!doc || doc.origin.kind !== 'local' || doc.publication.state === 'deleted') return null;
      // As for initiatives: a record the actor may not know of is null, like a name nobody uses;
      // a published one (public anyway) is refused as a right.
      if (!ctx.services.marketEditorial.mayKnowOf(ctx.actor, doc)) return null;
      const write = { do: 'market.write' as const, kind: doc.record.kind, initiative: doc.record.owner.initiative };
      if (!can(ctx.actor, { do: 'market.moderate' })) authorize(ctx.actor, write);
      return draftView('marketRecord', doc, ctx.reader);
    },
    editableMarketRecords: async (_: unknown, args: { initiative?: string | null }, ctx: GraphQLContext) => {
      requireSignedIn(ctx.actor);
      // An initiative's editors see its needs and openings; the records for organisations are
      // the staff's. Refused as a right (NOT_AUTHORIZED), like any write they could not make.
      if (!can(ctx.actor, { do: 'market.moderate' }))
        authorize(
          ctx.actor,
          args.initiative ? { do: 'market.write', kind: 'need', initiative: args.initiative } : { do: 'market.moderate' },
        );
      const docs = await ctx.services.marketRecords.listEditable(args.initiative ?? null);
      return docs.map((doc) => draftView('marketRecord', doc, ctx.reader));
    },
  },
  Mutation: {
    createMarketRecord: mutation(async (args: { input: Record<string, unknown> }, ctx) =>
      result('marketRecord', ctx)(await ctx.services.marketEditorial.create(ctx.actor, marketRecordFromInput(args.input))),
    ),
    updateMarketRecord: mutation(async (args: { id: string; version: number; changes: Record<string, unknown> }, ctx) => {
      const storeId = ctx.services.iris.storeIdFor('market', args.id);
      const changes = marketRecordFromInput(args.changes);
      return result('marketRecord', ctx)(await ctx.services.marketEditorial.update(ctx.actor, storeId, args.version, changes));
    }),
  },
};
