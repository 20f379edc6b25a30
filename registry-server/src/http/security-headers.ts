// Security headers on every answer of the node: set first, before any route, so the API,
// ActivityPub, the health check, static files, 404s and errors all carry them, and the GraphQL
// response cache replays them with the rest of a stored answer.
//
// The policy here is for answers that are not pages (JSON, JSON-LD, SVG, CSV, scripts, images):
// nothing in them may run, load anything or be framed. The site's pages replace it with their
// own, which allows the site's scripts by nonce (kit.csp in web/vite.config.ts); SvelteKit sets
// that header on each page it renders. docs/adr/0014-security-headers-and-introspection-limits.md says why each header.
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** One year: browsers remember that the node speaks only https. No includeSubDomains: the node does not speak for its domain's other hosts. */
export const HSTS = 'max-age=31536000';

/**
 * Invitation, unlock, password reset and first-admin setup links carry their secret in the path:
 * from those pages no Referer goes to another site. `same-origin`, not `no-referrer`: with
 * no-referrer browsers send `Origin: null` with the page's form, which SvelteKit's CSRF check
 * refuses (the pages set the same themselves).
 * The error log hides the secret part of these paths too (create-app.ts).
 */
export const SECRET_PATH = /^\/(invitations|sign-in\/trust|sign-in\/reset|setup)\/[^/]+/;

/** /embed/<page>: one plain segment after /embed/, nothing encoded, no dot segment. */
const EMBEDDABLE = /^\/embed\/[a-z][a-z-]*\/?$/;

/**
 * The pages other sites may show in an iframe (issue 17 point 7, ADR 0049): /embed/<page>.
 * Their own Content-Security-Policy then allows any frame ancestor (web/src/hooks.server.ts).
 * Express hands over the raw path: it is resolved as a browser and SvelteKit resolve it
 * ("/embed/../admin" is /admin) before it is judged.
 */
export function isEmbeddablePath(path: string): boolean {
  let resolved: string;
  try {
    resolved = new URL(path, 'http://node.invalid').pathname;
  } catch {
    return false;
  }
  return EMBEDDABLE.test(resolved);
}

export function setSecurityHeaders(res: ServerResponse, path: string, https: boolean): void {
  res.setHeader('Content-Security-Policy', NON_PAGE_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // frame-ancestors says the same to current browsers; this is for older ones.
  if (!isEmbeddablePath(path)) res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', SECRET_PATH.test(path) ? 'same-origin' : 'strict-origin-when-cross-origin');
  // Over plain http (a node tried locally) the header would be ignored, and it would be wrong.
  if (https) res.setHeader('Strict-Transport-Security', HSTS);
}

/** Express middleware setting the headers for a node whose public URL is `publicUrl`. */
export function securityHeaders(publicUrl: URL): RequestHandler {
  const https = publicUrl.protocol === 'https:';
  return (req, res, next) => {
    setSecurityHeaders(res, req.path, https);
    next();
  };
}
