// The procurement shortlist lives in one cookie holding initiative ids (their IRIs), so an
// official needs no account and the shortlist works without JavaScript. The cookie comes back
// from the browser and may have been edited: every entry is checked, anything that is not an
// initiative IRI is dropped, and the list is bounded so the cookie stays well under the 4 KB
// browsers keep and the page's GraphQL query under the API's alias limit (30).

export const SHORTLIST_COOKIE = 'shortlist';
/** At most this many initiatives (one GraphQL alias each when the shortlist page loads them). */
export const MAX_SHORTLIST = 25;
/** An IRI longer than this is not one of ours or our partners'. */
export const MAX_ID_LENGTH = 200;
/** Bound of the encoded cookie value (browsers keep 4,096 bytes with the name and attributes). */
export const MAX_COOKIE_LENGTH = 3_600;
/** Kept half a year: a procurement file can take that long. */
export const SHORTLIST_MAX_AGE_SECONDS = 183 * 24 * 60 * 60;

// An initiative's IRI is its page on the node that published it: <origin>/initiatives/<slug>.
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Whether `value` is an initiative IRI: an http(s) URL whose path is /initiatives/<slug>. */
export function isInitiativeId(value: string): boolean {
  if (value.length > MAX_ID_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password || url.search || url.hash || url.href !== value) return false;
  const match = /^\/initiatives\/([^/]+)$/.exec(url.pathname);
  return match !== null && SLUG.test(match[1] ?? '');
}

/** The ids in a cookie value (as SvelteKit hands it, already URI-decoded); bad entries are dropped. */
export function parseShortlist(value: string | undefined): string[] {
  if (!value || value.length > MAX_COOKIE_LENGTH * 3) return [];
  const ids: string[] = [];
  for (const entry of value.split(' ')) {
    if (!isInitiativeId(entry) || ids.includes(entry)) continue;
    ids.push(entry);
    if (ids.length === MAX_SHORTLIST) break;
  }
  return ids;
}

/** The cookie value for a list of ids (SvelteKit URI-encodes it when it sets the cookie). */
export function serializeShortlist(ids: readonly string[]): string {
  return ids.join(' ');
}

export type AddOutcome = { ok: true; ids: string[] } | { ok: false; reason: 'invalid' | 'full' };

/** The list with `id` added at the end (once); refused when `id` is not an initiative IRI or the list is full. */
export function addToShortlist(ids: readonly string[], id: string): AddOutcome {
  if (!isInitiativeId(id)) return { ok: false, reason: 'invalid' };
  if (ids.includes(id)) return { ok: true, ids: [...ids] };
  const next = [...ids, id];
  if (next.length > MAX_SHORTLIST || encodeURIComponent(serializeShortlist(next)).length > MAX_COOKIE_LENGTH)
    return { ok: false, reason: 'full' };
  return { ok: true, ids: next };
}

export function removeFromShortlist(ids: readonly string[], id: string): string[] {
  return ids.filter((entry) => entry !== id);
}

/**
 * Where to send the browser back after a change: a path on this site only. Anything else
 * (another site, `//evil.example`, a backslash trick) goes to the shortlist page, so the
 * form cannot be used as an open redirect.
 */
export function safeReturnPath(value: unknown, fallback = '/shortlist'): string {
  if (typeof value !== 'string' || value.length > 2_000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  try {
    const url = new URL(value, 'http://site.invalid');
    return url.origin === 'http://site.invalid' ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
