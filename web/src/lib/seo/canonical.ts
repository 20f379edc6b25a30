// The address search engines should keep for a page (<link rel="canonical">, ADR 0049).
// A record's page on its origin node is canonical: a copy received from a partner points there,
// the origin's own page points to itself. Only `lang` is kept of the query: the site serves a
// page's languages by ?lang= (each language version is its own page, listed by hreflang), and
// anything else (tracking tags, a stale cursor) is noise.
import { safeExternalUrl } from '../format/links.ts';
import { isUiLanguage } from '../i18n/languages.ts';
import { readSearchParams, searchHref } from '../search/search-params.ts';

export interface RecordOriginRef {
  isLocal: boolean;
  /** The record's page on its origin node. */
  url: string | null;
}

/** The public address of the page shown (SvelteKit's page.url, or a URL). */
export interface PageLocation {
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
}

/** `pageUrl` (the public URL of the page shown) without its query, but for a known ?lang=. */
export function selfCanonical(pageUrl: PageLocation): string {
  const canonical = new URL(pageUrl.pathname, pageUrl.origin);
  const lang = new URLSearchParams(pageUrl.search).get('lang');
  if (isUiLanguage(lang)) canonical.searchParams.set('lang', lang);
  return canonical.href;
}

/** The canonical address of a record's page: its own on the origin node, else the origin's page (null if that is not an http(s) URL). */
export function recordCanonical(pageUrl: PageLocation, origin: RecordOriginRef): string | null {
  return origin.isLocal ? selfCanonical(pageUrl) : safeExternalUrl(origin.url);
}

/**
 * The search page's canonical address: the same search from its first page, its parameters in
 * the page's own tidy order (the page is noindex, but the links crawlers follow from it then
 * agree on one address per search). From the URL alone: no request to the registry.
 */
export function searchCanonical(pageUrl: PageLocation): string {
  const params = new URLSearchParams(pageUrl.search);
  const url = new URL(searchHref({ ...readSearchParams(params), after: '', trail: [] }), pageUrl.origin);
  const lang = params.get('lang');
  if (isUiLanguage(lang)) url.searchParams.set('lang', lang);
  return url.href;
}
