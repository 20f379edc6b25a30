// Resolvers of Initiative and its parts: thin mappers from the stored document to the schema,
// with privacy applied by initiatives/public-initiative.ts.
import type { StoredInitiative } from '../../initiatives/initiative-repository.ts';
import { isMigrantLedPublic, publicContact, publicLocation } from '../../initiatives/public-initiative.ts';
import type { InitiativeRecord } from '../../records/record-types.ts';
import type { GraphQLContext, View } from '../context.ts';
import { nodeRef } from '../loaders.ts';
import type { Reader } from '../reader.ts';
import {
  conceptView,
  conceptViews,
  countryView,
  keyFigureViews,
  languageView,
  linkViews,
  textField,
  schemaNonNull,
} from './shared-resolvers.ts';
import { originView } from './origin-resolvers.ts';
import { cityNodeView } from './city-node-resolvers.ts';
import { goodPracticeView } from './good-practice-resolvers.ts';
import type { InitiativeStatus, LocationPrecision, Resolvers } from '../generated/resolver-types.ts';
import { sourceViews } from './source-resolvers.ts';
import { itemKeys } from '../../translations/translatable-texts.ts';

export type InitiativeView = View<StoredInitiative>;
/** `textKey`: the service's key in translation statuses' text paths (its id, or its position before ids: ADR 0053). */
export type ServiceView = { service: NonNullable<InitiativeRecord['services']>[number]; reader: Reader; textKey: string };
export type NeedView = { need: NonNullable<InitiativeRecord['needs']>[number]; reader: Reader; textKey: string };
export type MigrantLedView = { record: InitiativeRecord; reader: Reader };

export const initiativeView = (doc: StoredInitiative, reader: Reader): InitiativeView => ({ doc, reader });

const r = (v: InitiativeView) => v.doc.record;
const text = (pick: (record: InitiativeRecord) => InitiativeRecord['name'] | undefined) =>
  textField<InitiativeView>(
    (v) => pick(r(v)),
    (v) => r(v).originalLanguage,
  );
/**
 * The Location the public sees of a record (public-initiative.ts): for a place in the node's own
 * city, a city-only point is the city's centre. Also the editor's preview (place-resolvers.ts).
 */
export async function publicLocationView(record: InitiativeRecord, reader: Reader, ctx: GraphQLContext) {
  const node = await ctx.loaders.cityNode.load(record.node);
  const sameCity = node && node.record.locality === record.location.locality;
  const location = publicLocation(record, sameCity ? node.record.geo : undefined);
  return {
    ...location,
    precision: location.precision.toUpperCase() as LocationPrecision,
    country: countryView(location.country, reader),
  };
}

const STATUS = (s: string | undefined) => (s ? (s.toUpperCase() as InitiativeStatus) : null);

export const initiativeResolvers: Resolvers = {
  Initiative: {
    id: (v: InitiativeView, _: unknown, ctx: GraphQLContext) => ctx.services.iris.of('initiatives', v.doc),
    slug: (v: InitiativeView) => r(v).handle,
    url: (v: InitiativeView, _: unknown, ctx: GraphQLContext) => ctx.services.iris.pageOf('initiatives', v.doc),
    name: schemaNonNull(text((x) => x.name)),
    alternateNames: (v: InitiativeView) => r(v).alternateNames ?? [],
    summary: schemaNonNull(text((x) => x.summary)),
    description: text((x) => x.description),
    mission: text((x) => x.mission),
    originalLanguage: (v: InitiativeView) => languageView(r(v).originalLanguage, v.reader),
    legalForm: schemaNonNull((v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      conceptView(ctx, 'legal-form', r(v).legalForm, v.reader),
    ),
    nationalLegalForm: (v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      conceptView(ctx, 'national-legal-form', r(v).nationalLegalForm, v.reader),
    organisationalStructure: (v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      conceptView(ctx, 'organisational-structure', r(v).organisationalStructure, v.reader),
    primarySector: schemaNonNull((v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      conceptView(ctx, 'sector', r(v).primarySector, v.reader),
    ),
    additionalSectors: (v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      conceptViews(ctx, 'sector', r(v).additionalSectors, v.reader),
    activities: (v: InitiativeView, _: unknown, ctx: GraphQLContext) => conceptViews(ctx, 'activity', r(v).activities, v.reader),
    qualifiers: (v: InitiativeView, _: unknown, ctx: GraphQLContext) => conceptViews(ctx, 'qualifier', r(v).qualifiers, v.reader),
    governancePrinciples: (v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      conceptViews(ctx, 'governance-principle', r(v).governancePrinciples, v.reader),
    baseMembershipType: (v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      conceptView(ctx, 'base-membership-type', r(v).baseMembershipType, v.reader),
    migrantLed: (v: InitiativeView): MigrantLedView | null => (isMigrantLedPublic(r(v)) ? { record: r(v), reader: v.reader } : null),
    languagesOffered: (v: InitiativeView) => (r(v).languagesOffered ?? []).map((code) => languageView(code, v.reader)),
    location: (v: InitiativeView, _: unknown, ctx: GraphQLContext) => publicLocationView(r(v), v.reader, ctx),
    areaServed: text((x) => x.areaServed),
    contact: (v: InitiativeView, _: unknown, ctx: GraphQLContext) => publicContact(r(v), ctx.actor.kind === 'account'),
    website: (v: InitiativeView) => r(v).website ?? null,
    links: (v: InitiativeView) => linkViews(r(v).links, v.reader),
    status: (v: InitiativeView) => STATUS(r(v).status),
    startDate: (v: InitiativeView) => r(v).startDate ?? null,
    services: (v: InitiativeView): ServiceView[] => {
      const services = r(v).services ?? [];
      const keys = itemKeys(services);
      return services.map((service, index) => ({ service, reader: v.reader, textKey: keys[index]! }));
    },
    needs: (v: InitiativeView): NeedView[] => {
      const needs = r(v).needs ?? [];
      const keys = itemKeys(needs);
      return needs.map((need, index) => ({ need, reader: v.reader, textKey: keys[index]! }));
    },
    keyFigures: (v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      keyFigureViews(r(v).keyFigures, v.reader, ctx.services.sources.completeAll(r(v).sources)),
    practices: async (v: InitiativeView, _: unknown, ctx: GraphQLContext) => {
      const record = r(v);
      const [named, naming] = await Promise.all([
        Promise.all((record.practices ?? []).map((h) => ctx.loaders.practice.load(nodeRef(record.node, h)))),
        ctx.loaders.practicesNaming.load(nodeRef(record.node, record.handle)),
      ]);
      const unique = new Map([...named, ...naming].filter((d) => d !== null).map((d) => [d._id, d]));
      return [...unique.values()].map((d) => goodPracticeView(d, v.reader));
    },
    partOf: async (v: InitiativeView, _: unknown, ctx: GraphQLContext) => {
      const parent = r(v).partOf ? await ctx.loaders.initiative.load(nodeRef(r(v).node, r(v).partOf!)) : null;
      return parent ? initiativeView(parent, v.reader) : null;
    },
    parts: async (v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      (await ctx.loaders.parts.load(nodeRef(r(v).node, r(v).handle))).map((d) => initiativeView(d, v.reader)),
    supportedBy: (v: InitiativeView) => r(v).supportedBy ?? [],
    node: async (v: InitiativeView, _: unknown, ctx: GraphQLContext) =>
      cityNodeView(await ctx.loaders.cityNode.load(r(v).node), r(v).node, v.reader),
    origin: (v: InitiativeView) => originView('initiatives', v.doc, r(v).node, v.reader),
    sources: (v: InitiativeView, _: unknown, ctx: GraphQLContext) => sourceViews(ctx, r(v).sources, v.reader),
    createdAt: (v: InitiativeView) => v.doc.createdAt,
    updatedAt: (v: InitiativeView) => v.doc.updatedAt,
  },
  MigrantLedDeclaration: {
    declared: () => true,
    governance: textField<MigrantLedView>(
      (v) => v.record.migrantLed?.governance,
      (v) => v.record.originalLanguage,
    ),
  },
  Service: {
    textKey: (v: ServiceView) => v.textKey,
    name: schemaNonNull(textField<ServiceView>((v) => v.service.name)),
    description: textField<ServiceView>((v) => v.service.description),
    languages: (v: ServiceView) => (v.service.languages ?? []).map((code) => languageView(code, v.reader)),
    interpretationServices: textField<ServiceView>((v) => v.service.interpretationServices),
    applicationProcess: textField<ServiceView>((v) => v.service.applicationProcess),
    feesDescription: textField<ServiceView>((v) => v.service.feesDescription),
    eligibilityDescription: textField<ServiceView>((v) => v.service.eligibilityDescription),
    serviceAreas: textField<ServiceView>((v) => v.service.serviceAreas),
    accessibility: textField<ServiceView>((v) => v.service.accessibility),
  },
  Need: {
    textKey: (v: NeedView) => v.textKey,
    type: schemaNonNull((v: NeedView, _: unknown, ctx: GraphQLContext) => conceptView(ctx, 'need', v.need.type, v.reader)),
    description: textField<NeedView>((v) => v.need.description),
  },
};
