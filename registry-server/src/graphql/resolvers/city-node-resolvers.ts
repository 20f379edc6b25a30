// Resolvers of CityNode. A node named by a record but unknown here still resolves, by handle.
import type { StoredCityNode } from '../../nodes/city-node-repository.ts';
import type { CityNodeRecord } from '../../records/record-types.ts';
import { chooseText } from '../../records/language.ts';
import { authorize, can } from '../../accounts/authorization.ts';
import type { NodeProfileInput } from '../../nodes/node-profile-service.ts';
import { mutation } from './mutation-support.ts';
import type { GraphQLContext } from '../context.ts';
import { readerWith, localized, wantedLanguages, type Reader } from '../reader.ts';
import { conceptView, countryView, languageView, textField, schemaNonNull, schemaUnchecked } from './shared-resolvers.ts';
import type { Resolvers } from '../generated/resolver-types.ts';
import { sourceViews } from './source-resolvers.ts';

export interface CityNodeView {
  doc: StoredCityNode | null;
  handle: string;
  reader: Reader;
}

export const cityNodeView = (doc: StoredCityNode | null, handle: string, reader: Reader): CityNodeView => ({ doc, handle, reader });

const r = (v: CityNodeView): Partial<CityNodeRecord> => v.doc?.record ?? {};
const text = (pick: (record: Partial<CityNodeRecord>) => CityNodeRecord['name'] | undefined) =>
  textField<CityNodeView>(
    (v) => pick(r(v)),
    (v) => r(v).defaultLanguages?.[0],
  );

export const cityNodeResolvers: Resolvers = {
  CityNode: {
    id: (v: CityNodeView, _: unknown, ctx: GraphQLContext) =>
      v.doc ? ctx.services.iris.of('nodes', v.doc) : ctx.services.iris.local('nodes', v.handle),
    slug: (v: CityNodeView) => v.handle,
    name: schemaNonNull(
      (v: CityNodeView, args: { lang?: string | null }) =>
        localized(r(v).name, readerWith(v.reader, args.lang), r(v).defaultLanguages?.[0]) ?? localized({ und: v.handle }, v.reader),
    ),
    summary: text((x) => x.summary),
    city: (v: CityNodeView, args: { lang?: string | null }) => {
      const names = {
        ...(r(v).localityNames ?? {}),
        ...(r(v).defaultLanguages?.[0] && r(v).locality ? { [r(v).defaultLanguages![0]!]: r(v).locality! } : {}),
      };
      return chooseText(names, wantedLanguages(readerWith(v.reader, args.lang)))?.text ?? r(v).locality ?? v.handle;
    },
    country: (v: CityNodeView) => countryView(r(v).country ?? 'ZZ', v.reader),
    region: (v: CityNodeView) => r(v).region ?? null,
    geo: (v: CityNodeView) => r(v).geo ?? null,
    operators: schemaUnchecked((v: CityNodeView, _: unknown, ctx: GraphQLContext) =>
      (r(v).operators ?? []).map((o) => ({ name: o.name, url: o.url ?? null, role: conceptView(ctx, 'actor-role', o.role, v.reader) })),
    ),
    defaultLanguages: (v: CityNodeView) => (r(v).defaultLanguages ?? []).map((code) => languageView(code, v.reader)),
    inclusionCriteria: text((x) => x.inclusionCriteria),
    validatedBy: text((x) => x.validatedBy),
    updateFrequency: text((x) => x.updateFrequency),
    dataLicence: (v: CityNodeView) => r(v).dataLicence ?? null,
    privacyPolicy: text((x) => x.privacyPolicy),
    // A city that follows us (or that we follow) without a published url: its node's origin.
    url: async (v: CityNodeView, _: unknown, ctx: GraphQLContext) =>
      v.handle === ctx.services.config.nodeHandle
        ? ctx.services.config.publicUrl.origin
        : (r(v).url ?? (await ctx.loaders.onlineNodes()).get(v.handle) ?? null),
    // From what the network knows (nodes/node-presence.ts), never from the seeds' text.
    status: async (v: CityNodeView, _: unknown, ctx: GraphQLContext) =>
      (await ctx.loaders.onlineNodes()).has(v.handle) ? 'ONLINE' : 'PLANNED',
    isPlaceholder: (v: CityNodeView, _: unknown, ctx: GraphQLContext) =>
      v.handle !== ctx.services.config.nodeHandle && v.doc?.origin.kind === 'local' && r(v).status === 'planned',
    contact: (v: CityNodeView) => (r(v).contact ? { email: r(v).contact!.email ?? null, address: r(v).contact!.address ?? null } : null),
    editableTexts: (v: CityNodeView, _: unknown, ctx: GraphQLContext) => {
      if (v.handle !== ctx.services.config.nodeHandle || !can(ctx.actor, { do: 'settings.update' })) return null;
      const { name = {}, summary = {} } = r(v);
      return [...new Set([...Object.keys(name), ...Object.keys(summary)])].map((language) => ({
        language,
        name: name[language] ?? null,
        summary: summary[language] ?? null,
      }));
    },
    profileVersion: (v: CityNodeView) => v.doc?.version ?? 0,
    isThisNode: (v: CityNodeView, _: unknown, ctx: GraphQLContext) => v.handle === ctx.services.config.nodeHandle,
    network: (v: CityNodeView) => r(v).network ?? [],
    initiativeCount: (v: CityNodeView, _: unknown, ctx: GraphQLContext) => ctx.loaders.initiativeCount.load(v.handle),
    goodPracticeCount: (v: CityNodeView, _: unknown, ctx: GraphQLContext) => ctx.loaders.practiceCount.load(v.handle),
    sources: (v: CityNodeView, _: unknown, ctx: GraphQLContext) => sourceViews(ctx, r(v).sources, v.reader),
  },
};

/** The admin's page of the node's own profile, and the first-run page of a new node. */
export const nodeProfileResolvers: Resolvers = {
  Query: {
    nodeSetup: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      authorize(ctx.actor, { do: 'settings.update' });
      const { settings, invitations, nodePresence, initiatives, practices } = ctx.services;
      const [s, invited, partners, ownInitiatives, ownPractices] = await Promise.all([
        settings.get(),
        invitations.anyMade(),
        nodePresence.followsAnyPartner(),
        initiatives.countPublishedLocal(),
        practices.countPublishedLocal(),
      ]);
      return {
        profileDone: s.profileEditedAt !== null,
        invitationsDone: invited,
        partnersDone: partners,
        empty: ownInitiatives + ownPractices === 0,
      };
    },
  },
  Mutation: {
    updateNodeProfile: mutation(
      async (args: { input: NodeProfileInput }, ctx) => {
        const saved = await ctx.services.nodeProfiles.update(ctx.actor, args.input);
        ctx.loaders.cityNode.clear(saved._id);
        return { node: cityNodeView(saved, saved._id, ctx.reader), error: null };
      },
      { node: null },
    ),
  },
};
