// Reading and writing the shortlist cookie in a request (the format and its checks are in
// lib/shortlist/shortlist-cookie.ts).
import type { Cookies } from '@sveltejs/kit';
import { parseShortlist, serializeShortlist, SHORTLIST_COOKIE, SHORTLIST_MAX_AGE_SECONDS } from '../shortlist/shortlist-cookie.ts';

/** The initiative ids of the reader's shortlist (bad entries dropped). */
export function readShortlist(cookies: Pick<Cookies, 'get'>): string[] {
  return parseShortlist(cookies.get(SHORTLIST_COOKIE));
}

/**
 * Stores the list; an empty list deletes the cookie. httpOnly: no script reads it. Lax: it
 * comes along when an official follows a link to the site. Secure only over https, so the
 * shortlist also works on a node tried over plain http (it holds public ids only).
 */
export function writeShortlist(cookies: Pick<Cookies, 'set' | 'delete'>, ids: readonly string[], url: URL): void {
  const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' };
  if (ids.length === 0) cookies.delete(SHORTLIST_COOKIE, options);
  else cookies.set(SHORTLIST_COOKIE, serializeShortlist(ids), { ...options, maxAge: SHORTLIST_MAX_AGE_SECONDS });
}
