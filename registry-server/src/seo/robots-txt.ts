// robots.txt (RFC 9309): where crawlers need not go, and where the sitemap is. Pages that must
// not be indexed but may be crawled say so themselves (the search page's noindex, the embeds'),
// since a crawler that is refused a page never reads its noindex.
/**
 * Paths of no use to a search engine: staff and account pages, sign-in and the links that
 * carry a secret, the GraphQL API, the reader's own shortlist and report form, and exports of a
 * search (one per search; the whole catalogue's exports, without a query, stay listed).
 */
export const DISALLOWED_PATHS = [
  '/admin',
  '/account',
  '/api',
  '/graphql',
  '/sign-in',
  '/sign-out',
  '/invitations/',
  '/setup/',
  '/shortlist',
  '/report',
  '/export/*?',
] as const;

export function robotsTxt(publicUrl: URL): string {
  return [
    'User-agent: *',
    ...DISALLOWED_PATHS.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${new URL('/sitemap.xml', publicUrl).href}`,
    '',
  ].join('\n');
}
