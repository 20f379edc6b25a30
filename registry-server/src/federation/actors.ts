// The node's actors: the node itself (a Service, found as acct:registry@host) and each published
// initiative (an Organization at its own page URL), so partner nodes and ordinary fediverse
// accounts can follow a whole city or one initiative. Only public fields go into them.
import type { Context } from '@fedify/fedify';
import { Endpoints, LanguageString, Organization, PropertyValue, Service, Tombstone, type Actor } from '@fedify/vocab';
import { REGISTRY_NODE_FIELD } from './inbox/on-follow.ts';
import { initiativeToJsonLd } from './jsonld/initiative-jsonld.ts';
import { withPublishedReferences } from './published-references.ts';
import { cityNodeProfileJsonLd } from './jsonld/city-node-jsonld.ts';
import { withUmnContext } from './jsonld/umn-context.ts';
import { textToInlineHtml } from './jsonld/html-text.ts';
import { mapValues } from './jsonld/language-maps.ts';
import type { StoredInitiative } from '../initiatives/initiative-repository.ts';
import type { StoredCityNode } from '../nodes/city-node-repository.ts';
import type { LanguageMap } from '../records/language.ts';
import { NODE_ACTOR, type FederationData } from './federation-context.ts';
import { ServedObjectCache } from './served-object-cache.ts';
import { actorPresentation, profileFields } from './profile/actor-presentation.ts';
import { publicInitiativeRecord } from './jsonld/public-initiative-record.ts';
import type { FediverseSettings } from '../nodes/fediverse-settings-repository.ts';

/** Language-tagged strings, with one plain string first for software that reads only `name`. */
export function languageStrings(map: LanguageMap | undefined, original: string | undefined): Array<string | LanguageString> {
  if (!map) return [];
  const entries = Object.entries(map);
  const plain = (original && map[original]) ?? entries[0]?.[1];
  return [...(plain ? [plain] : []), ...entries.filter(([tag]) => tag !== 'und').map(([tag, text]) => new LanguageString(text, tag))];
}

async function actorFields(ctx: Context<FederationData>, identifier: string, settings: FediverseSettings) {
  const keys = await ctx.getActorKeyPairs(identifier);
  return {
    // Avatar, header, discoverable and indexable: the node admin's choices (ADR 0051).
    ...actorPresentation(settings, ctx.data.services.config.publicUrl),
    id: ctx.getActorUri(identifier),
    inbox: ctx.getInboxUri(identifier),
    outbox: ctx.getOutboxUri(identifier),
    followers: ctx.getFollowersUri(identifier),
    // Pinned posts: the node's pinned practices; an initiative's is empty (ADR 0051).
    featured: ctx.getFeaturedUri(identifier),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    publicKey: keys[0]?.cryptographicKey,
    assertionMethods: keys.map((k) => k.multikey),
  };
}

export async function nodeActor(ctx: Context<FederationData>, node: StoredCityNode | null): Promise<Actor> {
  const { services } = ctx.data;
  const record = node?.record;
  const original = record?.defaultLanguages[0];
  const settings = await services.fediverseSettings.current();
  const service = new Service({
    ...(await actorFields(ctx, NODE_ACTOR, settings)),
    preferredUsername: services.config.federationHandle,
    names: record ? languageStrings(record.name, original) : [services.config.nodeHandle],
    // summary is HTML in AS2 (name is plain text): the node's description is escaped.
    summaries: languageStrings(mapValues(record?.summary, textToInlineHtml), original),
    url: new URL('/', services.config.publicUrl),
    // A profile field that marks registry nodes: their follows wait for an admin's approval.
    // Anyone can copy it, which only ever makes their follow wait longer.
    attachments: [
      new PropertyValue({ name: REGISTRY_NODE_FIELD, value: new URL('/graphql', services.config.publicUrl).href }),
      ...profileFields({ language: original ?? 'en', website: record?.url ?? services.config.publicUrl.href, city: record?.locality }),
    ],
    // Partner nodes need an admin's approval; ordinary accounts are accepted automatically.
    manuallyApprovesFollowers: false,
  });
  if (!record) return service;
  // The city's public profile (operators, languages, inclusion criteria …) in our context.
  const built = (await service.toJsonLd({ format: 'compact', contextLoader: ctx.contextLoader })) as Record<string, unknown>;
  const merged = withUmnContext({ ...cityNodeProfileJsonLd(record, services.catalog), ...built });
  return (await Service.fromJsonLd(merged, { contextLoader: ctx.contextLoader, documentLoader: ctx.documentLoader })) as Service;
}

/** Actor terms Fedify builds (keys, inboxes, collections) that our record document lacks. */
export const ACTOR_TERMS = [
  'inbox',
  'outbox',
  'followers',
  'endpoints',
  'publicKey',
  'assertionMethod',
  'preferredUsername',
  'manuallyApprovesFollowers',
  'discoverable',
  // What Mastodon shows on a profile (ADR 0051); the record document has none of these terms.
  'indexable',
  'featured',
  'icon',
  'image',
  'attachment',
];

const servedInitiatives = new ServedObjectCache<Organization>();

export async function initiativeActor(ctx: Context<FederationData>, doc: StoredInitiative): Promise<Actor | Tombstone> {
  const { services } = ctx.data;
  const id = ctx.getActorUri(doc.record.handle);
  if (doc.publication.state !== 'published') return new Tombstone({ id, formerType: Organization });
  const node = await services.nodes.findById(services.config.nodeHandle);
  // Only published practices and parent are named; which ones are is part of the cache key.
  const record = await withPublishedReferences(services, doc.record);
  const settings = await services.fediverseSettings.current();
  // Links to other listings of the organisation are served beside the record (ADR 0052), so they are part of the key.
  const sameAs = await services.sameOrganisation.sameAsOf(doc._id);
  const key = `${id.href}|${doc.version}|${doc.updatedAt}|${node?.version ?? 0}|${node?.updatedAt ?? ''}|${(record.practices ?? []).join(',')}|${record.partOf ?? ''}|${settings.updatedAt ?? ''}|${sameAs.join(' ')}`;
  return servedInitiatives.get(key, () => buildInitiativeActor(ctx, doc, record, id, node, settings, sameAs));
}

async function buildInitiativeActor(
  ctx: Context<FederationData>,
  doc: StoredInitiative,
  record: StoredInitiative['record'],
  id: URL,
  node: StoredCityNode | null,
  settings: FediverseSettings,
  sameAs: readonly string[],
): Promise<Organization> {
  const { services } = ctx.data;
  const shown = publicInitiativeRecord(record);
  const language = shown.originalLanguage;
  const sector = services.catalog.concept('sector', shown.primarySector)?.labels;
  const actor = new Organization({
    ...(await actorFields(ctx, record.handle, settings)),
    preferredUsername: record.handle,
    manuallyApprovesFollowers: false,
    attachments: profileFields({
      language,
      website: shown.website,
      city: shown.location.locality,
      sector: sector?.[language] ?? sector?.en ?? null,
    }),
  });
  const built = (await actor.toJsonLd({ format: 'compact', contextLoader: ctx.contextLoader })) as Record<string, unknown>;
  const sameCity = node?.record.locality === record.location.locality;
  const full = initiativeToJsonLd(record, {
    id: id.href,
    url: id.href,
    nodeActorId: ctx.getActorUri(NODE_ACTOR).href,
    nodeId: ctx.getActorUri(NODE_ACTOR).href,
    catalog: services.catalog,
    published: doc.publication.publishedAt ?? doc.createdAt,
    updatedAt: doc.updatedAt,
    ...(sameCity && node?.record.geo ? { cityCentre: node.record.geo } : {}),
    sameAs,
  }) as Record<string, unknown>;
  // The full public record in our context, plus Fedify's actor terms; served as built (brief §7).
  const merged = withUmnContext({
    ...full,
    ...Object.fromEntries(ACTOR_TERMS.filter((t) => t in built).map((t) => [t, built[t]])),
    '@context': built['@context'],
  });
  return (await Organization.fromJsonLd(merged, { contextLoader: ctx.contextLoader, documentLoader: ctx.documentLoader })) as Organization;
}
