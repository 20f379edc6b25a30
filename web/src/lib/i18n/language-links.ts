// Addresses of the current page in another interface language: the same path and query with
// `lang` set. The switcher's links are root-relative; the <link rel="alternate" hreflang> of
// each page are absolute, as search engines (and Lighthouse's hreflang audit) require.
import { UI_LANGUAGES } from './languages.ts';

export function languageHref(location: { readonly pathname: string; readonly search: string }, lang: string): string {
  const params = new URLSearchParams(location.search);
  params.set('lang', lang);
  return `${location.pathname}?${params.toString()}`;
}

export interface LanguageAlternate {
  /** A BCP 47 language tag, or `x-default`. */
  hreflang: string;
  /** An absolute URL. */
  href: string;
}

/**
 * The language versions of a page, for `<link rel="alternate" hreflang>`: one per interface
 * language (the page's own language among them, as a version must list itself), each an
 * absolute URL with `?lang=`, and `x-default`, the address without `lang`, which answers in the
 * reader's language (cookie, then Accept-Language). `url` is the page's public URL: the node
 * gives SvelteKit its public origin (registry-server/src/http/web-pages.ts).
 */
export function languageAlternates(url: {
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
}): LanguageAlternate[] {
  const withoutLang = new URLSearchParams(url.search);
  withoutLang.delete('lang');
  const query = withoutLang.toString();
  const alternates: LanguageAlternate[] = UI_LANGUAGES.map((lang) => ({
    hreflang: lang,
    href: new URL(languageHref({ pathname: url.pathname, search: query }, lang), url.origin).href,
  }));
  alternates.push({ hreflang: 'x-default', href: new URL(`${url.pathname}${query ? `?${query}` : ''}`, url.origin).href });
  return alternates;
}
