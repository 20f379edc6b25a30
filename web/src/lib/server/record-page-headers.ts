// HTTP headers of the public record pages (/initiatives/<slug>, /practices/<slug>).
//
// - Cache-Control: the pages are public and change rarely; a minute in any cache is fine.
// - Vary: Accept: the node answers the same URL with ActivityPub JSON-LD to a client that asks
//   for application/activity+json (before the site sees the request), so a cache must not hand
//   this HTML to such a client, nor the JSON to a browser. hooks.server.ts adds
//   Accept-Language and Cookie (the page's language) and Content-Language.
export const RECORD_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'public, max-age=60',
  vary: 'Accept',
};
