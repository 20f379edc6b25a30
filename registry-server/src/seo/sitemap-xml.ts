// The sitemap of the node's public pages (sitemaps.org protocol 0.9), with each page's language
// versions as the pages themselves list them (<link rel="alternate" hreflang>: the same address
// with ?lang=, and x-default without it; web/src/lib/i18n/language-links.ts), so a search
// engine sees one page in nine languages instead of ten unrelated pages.
import { XMLBuilder } from 'fast-xml-parser';
import type { PublicPage } from './public-pages.ts';

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Pages per sitemap file. The protocol allows 50,000 URLs and 50 MB per file; with ten language
 * links each, a page's entry is about 1.3 KB, so 50,000 of them would pass 50 MB. 10,000 keeps
 * a file near 13 MB. More pages than this make /sitemap.xml an index of /sitemap-<n>.xml files.
 */
export const SITEMAP_PAGE_SIZE = 10_000;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, format: false });

const DECLARATION = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } };

/** The page's address in each interface language, and x-default (the address without ?lang=). */
function alternates(href: string, languages: readonly string[]) {
  const withLang = (lang: string) => {
    const url = new URL(href);
    url.searchParams.set('lang', lang);
    return url.href;
  };
  return [
    ...languages.map((lang) => ({ '@_rel': 'alternate', '@_hreflang': lang, '@_href': withLang(lang) })),
    { '@_rel': 'alternate', '@_hreflang': 'x-default', '@_href': href },
  ];
}

/** A <urlset> of `pages`, their addresses absolute on `publicUrl`. */
export function sitemapXml(pages: readonly PublicPage[], publicUrl: URL, languages: readonly string[]): string {
  const url = pages.map((page) => {
    const loc = new URL(page.path, publicUrl).href;
    return { loc, ...(page.lastmod ? { lastmod: page.lastmod } : {}), 'xhtml:link': alternates(loc, languages) };
  });
  return builder.build({ ...DECLARATION, urlset: { '@_xmlns': SITEMAP_NAMESPACE, '@_xmlns:xhtml': XHTML_NAMESPACE, url } });
}

/** The address of the n-th sitemap file (from 1) of an index. */
export function sitemapPagePath(n: number): string {
  return `/sitemap-${n}.xml`;
}

/** A <sitemapindex> of `count` sitemap files. */
export function sitemapIndexXml(count: number, publicUrl: URL): string {
  const sitemap = Array.from({ length: count }, (_, i) => ({ loc: new URL(sitemapPagePath(i + 1), publicUrl).href }));
  return builder.build({ ...DECLARATION, sitemapindex: { '@_xmlns': SITEMAP_NAMESPACE, sitemap } });
}
