// Translations done by people (ADR 0041): thin resolvers over the translation desk. Statuses are
// computed from the record as stored; requests and proposals go through the desk, which checks
// and authorises.
import { ActionError } from '../../accounts/action-error.ts';
import type { RecordKindName } from '../../events/domain-events.ts';
import type { StoredRecord } from '../../records/stored-record.ts';
import {
  recordStatus,
  tagIn,
  textsOf,
  textStatuses,
  type TextStatus,
  type TranslatableRecord,
} from '../../translations/translatable-texts.ts';
import type { QueueItem } from '../../translations/translation-desk.ts';
import type { GraphQLContext, View } from '../context.ts';
import type { Resolvers, TranslatableKind } from '../generated/resolver-types.ts';
import { direction, localized, readerWith, type Reader } from '../reader.ts';
import { result } from './editorial-resolvers.ts';
import { mutation } from './mutation-support.ts';
import { languageView } from './shared-resolvers.ts';

type TranslatedDoc = StoredRecord<TranslatableRecord & { handle: string }, unknown>;
export type StatusView = { kind: RecordKindName; doc: TranslatedDoc; reader: Reader };
export type TextStatusView = { status: TextStatus; reader: Reader };
export type TaskView = { item: QueueItem; reader: Reader };

type TranslatedKindName = 'initiative' | 'goodPractice' | 'adoptionRecord';
const KINDS: Record<TranslatableKind, { name: TranslatedKindName; iris: 'initiatives' | 'practices' | 'adoptions' }> = {
  INITIATIVE: { name: 'initiative', iris: 'initiatives' },
  GOOD_PRACTICE: { name: 'goodPractice', iris: 'practices' },
  ADOPTION_RECORD: { name: 'adoptionRecord', iris: 'adoptions' },
};
const ENUM_OF = { initiative: 'INITIATIVE', goodPractice: 'GOOD_PRACTICE', adoptionRecord: 'ADOPTION_RECORD' } as const;
const IRIS_OF = { initiative: 'initiatives', goodPractice: 'practices', adoptionRecord: 'adoptions' } as const;

/** The store id an IRI or slug names; a record of another node is translated there. */
function storeId(ctx: GraphQLContext, kind: TranslatableKind, id: string): string {
  const found = ctx.services.iris.storeIdFor(KINDS[kind].iris, id);
  if (found.includes('://'))
    throw new ActionError('NOT_FOUND', 'This record is on another node: its translations are made and asked for there.');
  return found;
}

const statusOf = (ctx: GraphQLContext, v: StatusView): TextStatus[] => {
  const texts = ctx.services.translations.textsOf(v.kind);
  return texts ? textStatuses(v.doc.record, texts) : [];
};
const languages = (codes: readonly string[], reader: Reader) => codes.map((code) => languageView(code, reader));

const statusField = (kind: RecordKindName) => (v: View<TranslatedDoc>) => ({ kind, doc: v.doc, reader: v.reader });

export const translationResolvers: Resolvers = {
  Initiative: { translationStatus: statusField('initiative') as never },
  GoodPractice: { translationStatus: statusField('goodPractice') as never },
  AdoptionRecord: { translationStatus: statusField('adoptionRecord') as never },
  TranslationStatus: {
    texts: (v: StatusView, _: unknown, ctx: GraphQLContext) => statusOf(ctx, v).map((status) => ({ status, reader: v.reader })),
    available: (v: StatusView, _: unknown, ctx: GraphQLContext) => languages(recordStatus(statusOf(ctx, v)).available, v.reader),
    outdated: (v: StatusView, _: unknown, ctx: GraphQLContext) => languages(recordStatus(statusOf(ctx, v)).outdated, v.reader),
    partial: (v: StatusView, _: unknown, ctx: GraphQLContext) => languages(recordStatus(statusOf(ctx, v)).partial, v.reader),
    missing: (v: StatusView, _: unknown, ctx: GraphQLContext) => languages(recordStatus(statusOf(ctx, v)).missing, v.reader),
    requests: async (v: StatusView, _: unknown, ctx: GraphQLContext) => {
      if (v.doc.origin.kind !== 'local') return [];
      const demand = await ctx.services.translations.demandOf(v.kind, v.doc._id);
      return [...demand.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([language, count]) => ({ language: languageView(language, v.reader), count }));
    },
  },
  TextTranslationStatus: {
    field: (v: TextStatusView) => v.status.field,
    sourceLanguage: (v: TextStatusView) => (v.status.sourceLanguage ? languageView(v.status.sourceLanguage, v.reader) : null),
    available: (v: TextStatusView) => languages(v.status.available, v.reader),
    outdated: (v: TextStatusView) => languages(v.status.outdated, v.reader),
    missing: (v: TextStatusView) => languages(v.status.missing, v.reader),
  },
  TranslationTask: {
    kind: (v: TaskView) => ENUM_OF[v.item.kind as TranslatedKindName],
    id: (v: TaskView, _: unknown, ctx: GraphQLContext) =>
      ctx.services.iris.of(IRIS_OF[v.item.kind as TranslatedKindName], v.item.doc as never),
    slug: (v: TaskView) => v.item.doc.record.handle,
    version: (v: TaskView) => v.item.doc.version,
    recordName: (v: TaskView) =>
      localized(v.item.title, readerWith({ languages: [v.item.sourceLanguage], defaults: [] }, null), v.item.doc.record.originalLanguage)!,
    field: (v: TaskView) => v.item.field,
    itemName: (v: TaskView) => {
      const name = v.item.itemName;
      if (name === undefined || typeof name === 'string') return name ?? null;
      const tag = tagIn(name, v.item.sourceLanguage) ?? Object.keys(name)[0];
      return tag ? name[tag]! : null;
    },
    need: (v: TaskView) => (v.item.need === 'outdated' ? 'OUTDATED' : 'MISSING'),
    source: (v: TaskView) => translation(v.item, v.item.sourceLanguage)!,
    targetLanguage: (v: TaskView) => languageView(v.item.targetLanguage, v.reader),
    current: (v: TaskView) => (v.item.need === 'outdated' ? translation(v.item, v.item.targetLanguage) : null),
    demand: (v: TaskView) => v.item.demand,
  },
  Query: {
    translationQueue: async (_: unknown, args: { from: string; to: string; first?: number | null }, ctx: GraphQLContext) => {
      const queue = await ctx.services.translations.queue(ctx.actor, args.from, args.to, args.first ?? 50);
      return { items: queue.items.map((item) => ({ item, reader: ctx.reader })), totalCount: queue.totalCount };
    },
    translationTask: async (_: unknown, args: { kind: TranslatableKind; id: string; field: string; to: string }, ctx: GraphQLContext) => {
      const item = await ctx.services.translations.task(
        ctx.actor,
        KINDS[args.kind].name,
        storeId(ctx, args.kind, args.id),
        args.field,
        args.to,
      );
      return item ? { item, reader: ctx.reader } : null;
    },
  },
  Mutation: {
    translateText: mutation(
      async (
        args: { input: { kind: TranslatableKind; id: string; version: number; field: string; language: string; text: string } },
        ctx: GraphQLContext,
      ) => {
        const { kind, ...input } = args.input;
        const doc = await ctx.services.translations.translate(ctx.actor, {
          ...input,
          kind: KINDS[kind].name,
          id: storeId(ctx, kind, input.id),
        });
        return result(KINDS[kind].name, ctx)(doc);
      },
      { record: null },
    ),
    requestTranslation: mutation(
      async (args: { input: { kind: TranslatableKind; id: string; language: string } }, ctx: GraphQLContext) => {
        const { kind, id, language } = args.input;
        const answer = await ctx.services.translations.ask(KINDS[kind].name, storeId(ctx, kind, id), language, ctx.address);
        return { ...answer, error: null };
      },
      { counted: false, demand: 0 },
    ),
  },
};

/** One language version of the task's text, as a Translation. */
function translation(item: QueueItem, language: string): { language: string; text: string; direction: 'LTR' | 'RTL' } | null {
  const map = textsOf(item.doc.record, item.field);
  const tag = map && Object.keys(map).find((t) => t.toLowerCase().split('-')[0] === language.toLowerCase().split('-')[0]);
  return tag ? { language: tag, text: map[tag]!, direction: direction(tag) } : null;
}
