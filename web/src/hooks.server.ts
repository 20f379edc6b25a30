// Per-request language: chosen here, kept in event.locals (never in module state), written
// into <html lang dir>, and remembered in a cookie when the reader picks one with ?lang=.
import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { getLogger } from '@logtape/logtape';
import { negotiateLanguage } from '#lib/i18n/negotiate.ts';
import { directionOf } from '#lib/i18n/languages.ts';
import { htmlAttributeFiller } from '#lib/i18n/html-attributes.ts';
import { pathForLog } from '#lib/server/log-redaction.ts';
import { privateCacheControl } from '#lib/server/cache-control.ts';
import { SESSION_COOKIE } from '#lib/server/session-cookie.ts';
import { allowFraming, isEmbedPage } from '#lib/server/embed-headers.ts';

const LANG_COOKIE = 'lang';
const ONE_YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

// The registry's server configures LogTape for the whole process; this category falls under
// its ["umn"] logger, so the web pages log to the same sink.
const log = getLogger(['umn', 'web']);

export const handle: Handle = async ({ event, resolve }) => {
  const { lang, source } = negotiateLanguage({
    query: event.url.searchParams.get('lang'),
    cookie: event.cookies.get(LANG_COOKIE),
    acceptLanguage: event.request.headers.get('accept-language'),
  });
  const dir = directionOf(lang);
  event.locals.lang = lang;
  event.locals.dir = dir;

  // An embedded page (another site's iframe) sets no cookie: its ?lang= is the snippet's, not a choice of the reader's.
  const embed = isEmbedPage(event.url.pathname);
  const setsCookie = !embed && source === 'query' && event.cookies.get(LANG_COOKIE) !== lang;
  if (setsCookie) {
    // Only a language preference: not secure-only, so the choice also sticks on a node
    // tried over plain http; httpOnly because no script needs it.
    event.cookies.set(LANG_COOKIE, lang, { path: '/', maxAge: ONE_YEAR_IN_SECONDS, sameSite: 'lax', httpOnly: true, secure: false });
  }

  const response = await resolve(event, { transformPageChunk: htmlAttributeFiller(lang, dir), preload: preloadBeforeFirstPaint });
  if (response.headers.get('content-type')?.startsWith('text/html')) {
    response.headers.set('content-language', lang);
    // The same URL answers in another language for another cookie or Accept-Language.
    response.headers.append('vary', 'Accept-Language, Cookie');
  }
  if (embed) allowFraming(response.headers);
  // A page that shared caches may keep (the record pages) must not be kept with a Set-Cookie.
  // So must a page rendered for a signed-in reader (its header names the account and holds the
  // session's CSRF token in the sign-out form).
  const cacheControl = response.headers.get('cache-control');
  const signedIn = Boolean(event.cookies.get(SESSION_COOKIE));
  if ((setsCookie || signedIn) && cacheControl) response.headers.set('cache-control', privateCacheControl(cacheControl));
  return response;
};

/**
 * What the page's <head> asks the browser to fetch at once. Not its JavaScript modules (about
 * 30 of them per page): every page works without JavaScript, and on a phone's slow network
 * those requests, made at the same priority as the page's own, put off its first paint by
 * half a second (Lighthouse, issue 13). The modules are then fetched by SvelteKit's start-up
 * script once the HTML is parsed, and the page becomes interactive a little later.
 */
const preloadBeforeFirstPaint = ({ type }: { type: 'font' | 'css' | 'js' | 'asset' }) => type !== 'js';

// Unknown errors (a failed GraphQL request, a bug) are logged with their cause; the reader
// sees only the localised text of +error.svelte, never the internal message. The path is
// logged without the secret token of an invitation link.
export const handleError: HandleServerError = (caught) => {
  if (caught.kind === 'unknown') {
    log.error('Rendering {path} failed: {error}', { path: pathForLog(caught.event.url.pathname), error: caught.error });
  }
};
