// The signed-in reader's calls to the registry. Pages for the anonymous public keep using
// graphql.ts (no cookie, so the API can answer them from its response cache); the pages of
// /sign-in, /account and /admin call the API through here, with the reader's session cookie
// and, for writes, the CSRF token that the page's form sent back in a hidden field.
//
// CSRF: SvelteKit refuses form posts from another origin before any action runs, the session
// cookie is SameSite=Lax, and every write also needs the session's CSRF token, which only
// pages of this site hold. The API checks that token (x-csrf-token), so a forged post without
// it changes nothing.
import { redirect, type Cookies } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { REGISTRY_GRAPHQL_URL } from '$app/env/private';
import { GraphQLRequestError, postGraphQL, type GraphQLVariables } from './graphql-request.ts';
import {
  CSRF_FIELD,
  DEVICE_COOKIE,
  issuedCookie,
  issuedSession,
  SESSION_COOKIE,
  sessionHeaders,
  type SessionCredentials,
} from './session-cookie.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { siteClientHeaders } from './site-client-address.ts';
import { withoutSecrets } from './log-redaction.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import ME_QUERY from './queries/me.graphql?raw';
import SIGN_IN_MUTATION from './queries/sign-in.graphql?raw';
import TRUST_DEVICE_MUTATION from './queries/trust-this-device.graphql?raw';
import SIGN_OUT_MUTATION from './queries/sign-out.graphql?raw';

const log = getLogger(['umn', 'web', 'session']);

/** The signed-in account, as every signed-in page receives it from the root layout. */
export interface SignedInAccount {
  email: string;
  role: 'ADMIN' | 'MODERATOR' | 'EDITOR' | 'TRANSLATOR';
  initiatives: string[];
  canModerate: boolean;
  isAdmin: boolean;
  /** How many of the account's notifications are unread (the header's count). */
  unreadNotifications: number;
  /** Put in every form's hidden `csrf` field (CsrfField.svelte); never logged. */
  csrfToken: string;
}

/** What a request handler gives these helpers (a load or action event has all of it). */
export interface SessionEvent {
  cookies: Cookies;
  locals: { lang: UiLanguage };
  url: URL;
  /** The browser's address (SvelteKit's event.getClientAddress), for the sign-in rate limit. */
  getClientAddress?: () => string;
}

export function endpoint(): string {
  if (!REGISTRY_GRAPHQL_URL)
    throw new Error(
      'REGISTRY_GRAPHQL_URL is not set. Set it to the GraphQL endpoint of the registry node, e.g. http://127.0.0.1:3000/graphql',
    );
  return REGISTRY_GRAPHQL_URL;
}

/** The session cookie's value, or null for the anonymous public. */
export function sessionToken(cookies: Cookies): string | null {
  return cookies.get(SESSION_COOKIE) || null;
}

/** Runs a query or mutation as the signed-in reader (anonymously without a session). */
export function registryAs<TData>(
  event: SessionEvent,
  query: string,
  variables: GraphQLVariables = {},
  csrfToken?: string,
): Promise<TData> {
  const token = sessionToken(event.cookies);
  const credentials: SessionCredentials | null = token ? { token, csrfToken } : null;
  const lang = event.locals.lang;
  return postGraphQL<TData>(endpoint(), query, { ...variables, lang }, { lang, headers: sessionHeaders(credentials) });
}

/**
 * A write from a form: as the signed-in reader, with the CSRF token the form sent back.
 * Without a session the reader is sent to the sign-in page, and comes back here after.
 */
export function writeAs<TData>(event: SessionEvent, form: FormData, mutation: string, variables: GraphQLVariables = {}): Promise<TData> {
  if (!sessionToken(event.cookies)) redirect(303, signInPath(event.url));
  const csrf = form.get(CSRF_FIELD);
  return registryAs<TData>(event, mutation, variables, typeof csrf === 'string' ? csrf : undefined);
}

/** The sign-in page, set to come back to `url` afterwards. */
export function signInPath(url: URL): string {
  return `/sign-in?next=${encodeURIComponent(`${url.pathname}${url.search}`)}`;
}

interface MeResult {
  me: {
    account: { email: string; role: SignedInAccount['role']; initiatives: string[] };
    canModerate: boolean;
    isAdmin: boolean;
    csrfToken: string | null;
    unreadNotifications: number;
  } | null;
}

/**
 * Who is signed in, for the header and the signed-in pages; null for the anonymous public (no
 * request made) and for an expired session. The registry being down must not take every public
 * page down with it for a signed-in reader: the failure is logged and the page shows signed out.
 */
export async function currentAccount(event: SessionEvent): Promise<SignedInAccount | null> {
  if (!sessionToken(event.cookies)) return null;
  let result: MeResult;
  try {
    result = await registryAs<MeResult>(event, ME_QUERY);
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    log.error('Looking up the signed-in account failed: {error}', { error });
    return null;
  }
  const me = result.me;
  if (!me || !me.csrfToken) return null;
  return {
    ...me.account,
    canModerate: me.canModerate,
    isAdmin: me.isAdmin,
    unreadNotifications: me.unreadNotifications,
    csrfToken: me.csrfToken,
  };
}

export interface SignInError {
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

interface SignInResult {
  signIn: { account: { role: SignedInAccount['role'] } | null; error: SignInError | null };
}

/**
 * Signs in and copies the session cookie the API set onto the site's answer: httpOnly,
 * SameSite=Lax, Secure when the site is served over https, expiring with the session. The
 * browser's trusted-device cookie goes to the API with the attempt, and the one the API sets
 * comes back to the browser the same way, so this browser keeps its own sign-in allowance
 * when strangers have locked the account (docs/adr/0011).
 * Returns the registry's typed error (wrong password, too many attempts), or null.
 */
export async function signIn(event: SessionEvent, email: string, password: string): Promise<SignInError | null> {
  let setCookies: string[] = [];
  const lang = event.locals.lang;
  let result: SignInResult;
  const deviceToken = event.cookies.get(DEVICE_COOKIE) || null;
  try {
    // The limit of attempts per address must count the browser's address, not this server's.
    const headers = siteClientHeaders(event.getClientAddress?.());
    result = await postGraphQL<SignInResult>(
      endpoint(),
      SIGN_IN_MUTATION,
      { email, password, deviceToken },
      { lang, headers, onResponse: (response) => (setCookies = response.headers.getSetCookie()) },
    );
  } catch (error) {
    // The password is a variable, never in a message; the e-mail address is not logged either.
    if (error instanceof GraphQLRequestError)
      throw new GraphQLRequestError(error.code, withoutSecrets(error.message, deviceToken ? [password, deviceToken] : [password]), {
        status: error.status,
      });
    throw error;
  }
  if (result.signIn.error) return result.signIn.error;
  const session = issuedSession(setCookies);
  if (!session || !session.expires) return { code: 'NO_SESSION', message: 'The registry accepted the password but started no session.' };
  const secure = event.url.protocol === 'https:';
  event.cookies.set(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expires });
  const device = issuedCookie(setCookies, DEVICE_COOKIE);
  if (device?.token && device.expires)
    event.cookies.set(DEVICE_COOKIE, device.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: device.expires });
  return null;
}

/**
 * Uses a link e-mailed to the owner of a locked account: the registry sets the trusted-device
 * cookie on its answer, which is copied onto the site's (httpOnly, SameSite=Lax, Secure over
 * https), so this browser may sign in despite the lock. Returns the registry's error, or null.
 */
export async function trustThisDevice(event: SessionEvent, token: string): Promise<{ code: string; message: string } | null> {
  let setCookies: string[] = [];
  const lang = event.locals.lang;
  let result: { trustThisDevice: { error: { code: string; message: string } | null } };
  try {
    result = await postGraphQL(
      endpoint(),
      TRUST_DEVICE_MUTATION,
      { token },
      { lang, onResponse: (response) => (setCookies = response.headers.getSetCookie()) },
    );
  } catch (error) {
    if (error instanceof GraphQLRequestError)
      throw new GraphQLRequestError(error.code, withoutSecrets(error.message, [token]), { status: error.status });
    throw error;
  }
  if (result.trustThisDevice.error) return result.trustThisDevice.error;
  const device = issuedCookie(setCookies, DEVICE_COOKIE);
  if (!device?.token || !device.expires) return { code: 'NO_DEVICE', message: 'The registry accepted the link but set no device cookie.' };
  event.cookies.set(DEVICE_COOKIE, device.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
    expires: device.expires,
  });
  return null;
}

/** What a sign-out did: the session ended (or was already gone), or the registry refused. */
export type SignOutOutcome = 'signed-out' | 'refused';

/**
 * Ends the session on the registry, then forgets the cookie here. When the registry refuses
 * (the form's CSRF token is missing or wrong), the cookie is kept: the session lives on, and
 * the browser must not believe it signed out while anyone holding the cookie still could act.
 */
export async function signOut(event: SessionEvent, form: FormData): Promise<SignOutOutcome> {
  if (sessionToken(event.cookies)) {
    const csrf = form.get(CSRF_FIELD);
    const result = await registryAs<{ signOut: { ok: boolean; error: { code: string; message: string } | null } }>(
      event,
      SIGN_OUT_MUTATION,
      {},
      typeof csrf === 'string' ? csrf : undefined,
    );
    if (result.signOut.error) {
      log.warning('The registry refused to sign out ({code}); the session and its cookie are kept.', { code: result.signOut.error.code });
      return 'refused';
    }
  }
  event.cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' });
  return 'signed-out';
}
