import type { Actor } from '../accounts/actor.ts';
import type { Registry } from '../registry.ts';
import type { FederationRuntime } from '../federation/federation-runtime.ts';
import type { Loaders } from './loaders.ts';
import type { Reader } from './reader.ts';

/**
 * The services and repositories resolvers use: never the store, nor anything a resolver has no
 * business with. Resolvers stay thin: they check input and call these.
 */
export const GRAPHQL_SERVICES = [
  'accountAdministration',
  'accountService',
  'accounts',
  'adoptedPractices',
  'adoptionEditorial',
  'adoptionRecords',
  'adoptionSearch',
  'cityQuestions',
  'sameOrganisation',
  'audit',
  'catalog',
  'config',
  'fediverseSettings',
  'firstAdminSetup',
  'initiativeEditorial',
  'initiatives',
  'marketEditorial',
  'marketAnswers',
  'marketRecords',
  'publicMarketRecords',
  'marketMatches',
  'matchExplainer',
  'murmurations',
  'networkPotential',
  'invitations',
  'imports',
  'iris',
  'listingRequests',
  'nodes',
  'nodePresence',
  'nodeProfiles',
  'openData',
  'notifications',
  'now',
  'passwordResets',
  'practiceEditorial',
  'practices',
  'practiceTransfers',
  'relay',
  'reports',
  'reportDesk',
  'revisions',
  'search',
  'settings',
  'sources',
  // The request's actor is resolved from its session (request-actor.ts).
  'sessions',
  'translations',
] as const satisfies ReadonlyArray<keyof Registry>;

export type GraphQLServices = Pick<Registry, (typeof GRAPHQL_SERVICES)[number]>;

/** The resolvers' services, taken from the registry (the one place they are chosen). */
export function graphqlServices(registry: Registry): GraphQLServices {
  return Object.fromEntries(GRAPHQL_SERVICES.map((name) => [name, registry[name]])) as GraphQLServices;
}

/** Per-request context of resolvers. */
export interface GraphQLContext {
  services: GraphQLServices;
  /** Languages from Accept-Language, then the node's defaults. */
  reader: Reader;
  loaders: Loaders;
  /** Who is asking (see request-actor.ts). */
  actor: Actor;
  /** Whether a cookie session's write carries its CSRF token. */
  csrfValid: boolean;
  /** CSRF token of the cookie session, for `me`. */
  csrfToken: string | null;
  /** Client address, for rate limits. */
  address: string;
  /** Federation, when the node federates. */
  federation: FederationRuntime | null;
  /** Sets or clears (token null) the web session cookie on the response. */
  setSessionCookie(token: string | null, expiresAt: string | null): void;
  /** The trusted-device cookie the browser sent, if any. */
  deviceCookie: string | null;
  /** Sets the trusted-device cookie on the response. */
  setDeviceCookie(token: string, expiresAt: string): void;
  /** Marks the answer as made for this request only (a form token): sent with no-store, never kept by the response cache. */
  markPrivate(): void;
}

/** What a resolver of a record type receives: the stored document and the reader's languages. */
export interface View<T> {
  doc: T;
  reader: Reader;
}
