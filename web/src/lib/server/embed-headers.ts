// The embeddable pages (/embed/…, issue 17 point 7, ADR 0049) are the only pages other sites
// may frame: their Content-Security-Policy allows any frame ancestor, where every other page
// keeps `frame-ancestors 'none'` (kit.csp in web/vite.config.ts). They set no cookie (the
// language comes from ?lang= or Accept-Language, and is not remembered), and search engines
// are told not to index them (each is a copy of search results the site already has).
// The registry leaves out X-Frame-Options on the same paths (registry-server/src/http/security-headers.ts).

/** /embed/<page>: one plain segment after /embed/ (the path is already resolved by the URL parser). */
const EMBEDDABLE = /^\/embed\/[a-z][a-z-]*\/?$/;

export function isEmbedPage(pathname: string): boolean {
  return EMBEDDABLE.test(pathname);
}

/** The headers of an embeddable page's answer: framing allowed, not indexed. */
export function allowFraming(headers: Headers): void {
  const policy = headers.get('content-security-policy');
  if (policy) headers.set('content-security-policy', policy.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
  headers.delete('x-frame-options');
  headers.set('x-robots-tag', 'noindex');
}
