// Resolvers of GoodPractice (EWSI fields): thin mappers from the stored document.
import type { StoredGoodPractice } from '../../practices/good-practice-repository.ts';
import type { GoodPracticeRecord } from '../../records/record-types.ts';
import type { GraphQLContext, View } from '../context.ts';
import { nodeRef } from '../loaders.ts';
import type { Reader } from '../reader.ts';
import { cityNodeView } from './city-node-resolvers.ts';
import { initiativeView } from './initiative-resolvers.ts';
import { originView } from './origin-resolvers.ts';
import { conceptView, countryView, languageView, textField, schemaNonNull } from './shared-resolvers.ts';
import type { Resolvers } from '../generated/resolver-types.ts';
import { sourceViews } from './source-resolvers.ts';
import { itemKeys } from '../../translations/translatable-texts.ts';

export type GoodPracticeView = View<StoredGoodPractice>;
/** `textKey`: the actor's key in translation statuses' text paths (its id, or its position before ids: ADR 0053). */
export type ActorView = { actor: NonNullable<GoodPracticeRecord['actors']>[number]; reader: Reader; textKey: string };

export const goodPracticeView = (doc: StoredGoodPractice, reader: Reader): GoodPracticeView => ({ doc, reader });

const r = (v: GoodPracticeView) => v.doc.record;
const text = (pick: (record: GoodPracticeRecord) => GoodPracticeRecord['title'] | undefined) =>
  textField<GoodPracticeView>(
    (v) => pick(r(v)),
    (v) => r(v).originalLanguage,
  );

export const goodPracticeResolvers: Resolvers = {
  GoodPractice: {
    id: (v: GoodPracticeView, _: unknown, ctx: GraphQLContext) => ctx.services.iris.of('practices', v.doc),
    slug: (v: GoodPracticeView) => r(v).handle,
    url: (v: GoodPracticeView, _: unknown, ctx: GraphQLContext) => ctx.services.iris.pageOf('practices', v.doc),
    practiceType: schemaNonNull((v: GoodPracticeView, _: unknown, ctx: GraphQLContext) =>
      conceptView(ctx, 'practice-type', r(v).practiceType, v.reader),
    ),
    title: schemaNonNull(text((x) => x.title)),
    summary: schemaNonNull(text((x) => x.summary)),
    context: text((x) => x.context),
    objectives: text((x) => x.objectives),
    howItWorks: text((x) => x.howItWorks),
    targetGroup: text((x) => x.targetGroup),
    location: (v: GoodPracticeView) => ({
      locality: r(v).location.locality,
      country: countryView(r(v).location.country, v.reader),
      region: r(v).location.region ?? null,
      geo: r(v).location.geo ?? null,
    }),
    period: (v: GoodPracticeView) =>
      r(v).period ? { startDate: null, endDate: null, ...r(v).period, regularService: r(v).period?.regularService ?? false } : null,
    actors: (v: GoodPracticeView): ActorView[] => {
      const actors = r(v).actors ?? [];
      const keys = itemKeys(actors);
      return actors.map((actor, index) => ({ actor, reader: v.reader, textKey: keys[index]! }));
    },
    funding: text((x) => x.funding),
    results: text((x) => x.results),
    evaluation: text((x) => x.evaluation),
    transferability: text((x) => x.transferability),
    initiatives: async (v: GoodPracticeView, _: unknown, ctx: GraphQLContext) => {
      const record = r(v);
      const named = await Promise.all((record.initiatives ?? []).map((h) => ctx.loaders.initiative.load(nodeRef(record.node, h))));
      const naming = await ctx.services.initiatives.findPublishedNamingPractice(nodeRef(record.node, record.handle));
      const unique = new Map([...named, ...naming].filter((d) => d !== null).map((d) => [d._id, d]));
      return [...unique.values()].map((d) => initiativeView(d, v.reader));
    },
    originalLanguage: (v: GoodPracticeView) => languageView(r(v).originalLanguage, v.reader),
    node: async (v: GoodPracticeView, _: unknown, ctx: GraphQLContext) =>
      cityNodeView(await ctx.loaders.cityNode.load(r(v).node), r(v).node, v.reader),
    origin: (v: GoodPracticeView) => originView('practices', v.doc, r(v).node, v.reader),
    sources: (v: GoodPracticeView, _: unknown, ctx: GraphQLContext) => sourceViews(ctx, r(v).sources, v.reader),
    createdAt: (v: GoodPracticeView) => v.doc.createdAt,
    updatedAt: (v: GoodPracticeView) => v.doc.updatedAt,
  },
  PracticeActor: {
    textKey: (v: ActorView) => v.textKey,
    name: (v: ActorView) => v.actor.name,
    role: schemaNonNull((v: ActorView, _: unknown, ctx: GraphQLContext) => conceptView(ctx, 'actor-role', v.actor.role, v.reader)),
    description: textField<ActorView>((v) => v.actor.description),
    url: (v: ActorView) => v.actor.url ?? null,
  },
};
