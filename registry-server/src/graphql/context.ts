import type { Actor } from '../accounts/actor.ts';
import type { Registry } from '../registry.ts';
import type { FederationRuntime } from '../federation/federation-runtime.ts';
import type { Loaders } from './loaders.ts';
import type { Reader } from './reader.ts';

/** Per-request context of resolvers. */
export interface GraphQLContext {
  registry: Registry;
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
}

/** What a resolver of a record type receives: the stored document and the reader's languages. */
export interface View<T> {
  doc: T;
  reader: Reader;
}
