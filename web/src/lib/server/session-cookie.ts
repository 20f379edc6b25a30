// The registry's web session, as the site passes it between the browser and the API, without
// SvelteKit (tested on its own). The API sets an httpOnly `umn_session` cookie on its answer to
// signIn; the site calls the API server-to-server, so it copies that cookie onto its own
// answer to the browser, and sends it back (with the CSRF token for writes) on each signed-in
// call. The browser and the API share one origin, so the cookie is the same on both sides.

/** Name of the session cookie (registry-server/src/accounts/session-cookie.ts). */
export const SESSION_COOKIE = 'umn_session';
/**
 * Name of the trusted-device cookie (registry-server/src/accounts/trusted-devices.ts): set after
 * a successful sign-in and sent back with the next ones, so that strangers' wrong guesses, which
 * lock the account for unknown browsers, do not lock this browser out.
 */
export const DEVICE_COOKIE = 'umn_device';

export { CSRF_FIELD } from '../forms/manage/csrf-field.ts';

/** What the site sends the API on behalf of a signed-in reader. */
export interface SessionCredentials {
  /** The session cookie's value. */
  token: string;
  /** The session's CSRF token; only writes need it. */
  csrfToken?: string;
}

/** The request headers of a call made for a signed-in reader (none for the anonymous public). */
export function sessionHeaders(credentials: SessionCredentials | null): Record<string, string> {
  if (!credentials) return {};
  const headers: Record<string, string> = { cookie: `${SESSION_COOKIE}=${encodeURIComponent(credentials.token)}` };
  if (credentials.csrfToken) headers['x-csrf-token'] = credentials.csrfToken;
  return headers;
}

/** A session cookie as the API set it: the value, and when it expires (null: delete it). */
export interface IssuedSession {
  token: string;
  expires: Date | null;
}

/**
 * Finds the session cookie among an answer's Set-Cookie headers. The API deletes it on signOut
 * with an empty value and Max-Age=0, which comes back as `expires: null`.
 */
export function issuedSession(setCookieHeaders: readonly string[]): IssuedSession | null {
  return issuedCookie(setCookieHeaders, SESSION_COOKIE);
}

/** The value and expiry of the cookie `name` among an answer's Set-Cookie headers (the device cookie, say). */
export function issuedCookie(setCookieHeaders: readonly string[], name: string): IssuedSession | null {
  for (const header of setCookieHeaders) {
    const [pair = '', ...attributes] = header.split(';');
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    let token: string;
    try {
      token = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      return null;
    }
    let expires: Date | null = null;
    for (const attribute of attributes) {
      const [name = '', value = ''] = attribute.split('=');
      if (name.trim().toLowerCase() === 'expires') {
        const date = new Date(value.trim());
        if (!Number.isNaN(date.getTime())) expires = date;
      }
    }
    return { token, expires: token === '' ? null : expires };
  }
  return null;
}
