// Compression of every dynamic answer of a node (issue 13, point 5): the pages SvelteKit renders,
// GraphQL JSON (the response cache's answers too: graphql-response-cache.ts keeps their encoded
// variants), ActivityPub and WebFinger JSON, JSON-LD. A phone on a slow network waits on bytes,
// and HTML or JSON shrink to a fifth or less. Applied once, around everything, in main.ts's
// listener. docs/adr/0020-compressing-dynamic-answers.md says why this library and these settings.
//
// The `compression` package (expressjs) does the negotiation (q-values, `*`, identity when nothing
// offered is acceptable), sets `Vary: Accept-Encoding` on every compressible answer, and leaves
// alone bodies under the threshold, HEAD requests, `Cache-Control: no-transform` and answers that
// already carry a Content-Encoding (the site's static files, which SvelteKit's adapter serves
// precompressed as .br/.gz). It only patches `res.write/end/writeHead`, so it works on a raw
// node:http response as well as under Express.
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import compression from 'compression';
import Negotiator from 'negotiator';

/** Bodies below this many bytes are sent as they are: a header and a zlib frame would eat the saving. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Brotli quality for answers computed per request. Measured on a 57 KB initiative page: 4 gives
 * 12.2 KB in 0.43 ms (gzip -6: 12.2 KB, 0.50 ms), 5 gives 11.5 KB in 0.63 ms, 11 (zlib's
 * default) 10.2 KB in 40 ms, which no per-request answer can afford. 5: 6 % fewer bytes than
 * 4 for 0.2 ms, a good trade when the reader's network is the bottleneck (ADR 0020).
 */
export const BROTLI_QUALITY = 5;
export const GZIP_LEVEL = 6;

export type ContentCoding = 'br' | 'gzip' | 'deflate' | 'identity';

// The same lists the middleware negotiates with (compression/index.js), so that answers the
// response cache encodes itself are negotiated exactly like the others.
const SUPPORTED: ContentCoding[] = ['br', 'gzip', 'deflate', 'identity'];
const PREFERRED: ContentCoding[] = ['br', 'gzip'];

/** Statuses whose answer has no body to compress. */
const NO_BODY = new Set([204, 304]);

const middleware = compression({
  threshold: COMPRESSION_THRESHOLD_BYTES,
  level: GZIP_LEVEL,
  // Each write is flushed through, so a page that SvelteKit streams (or any answer written in
  // parts) reaches the browser part by part instead of when the whole answer is compressed.
  flush: zlib.constants.Z_SYNC_FLUSH,
  brotli: {
    flush: zlib.constants.BROTLI_OPERATION_FLUSH,
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY },
  },
  filter: (req, res) => !NO_BODY.has(res.statusCode) && res.statusCode >= 200 && compression.filter(req, res),
});

/**
 * Wraps a node's request listener: `compressAnswers(req, res, () => handle(req, res))`.
 * `next` is called at once, synchronously.
 */
export function compressAnswers(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  normaliseAcceptEncoding(req);
  // The middleware is typed for Express; it uses only what node:http's objects have.
  (middleware as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void)(req, res, next);
}

/**
 * Codings and the `q` parameter are case-insensitive (RFC 9110, 12.5.3 and 5.6.6), but negotiator
 * reads `Q=0` as no weight at all, so `BR;Q=0` would get brotli. Lower-cased first, it is refused.
 */
function normaliseAcceptEncoding(req: IncomingMessage): void {
  const value = req.headers['accept-encoding'];
  if (value) req.headers['accept-encoding'] = value.toLowerCase();
}

/** The coding the middleware would choose for a request's Accept-Encoding. */
export function negotiateCoding(req: IncomingMessage): ContentCoding {
  // Without the header the middleware sends the answer as it is (its enforceEncoding default).
  normaliseAcceptEncoding(req);
  if (!req.headers['accept-encoding']) return 'identity';
  // negotiator 0.6.4 takes the preferred order as a second argument; @types/negotiator lags behind.
  const negotiator = new Negotiator(req) as unknown as { encoding(available: string[], preferred: string[]): string | undefined };
  return (negotiator.encoding(SUPPORTED, PREFERRED) as ContentCoding | undefined) ?? 'identity';
}

/** Encodes a whole body with the same settings as the middleware (for answers kept encoded). */
export function encodeBody(body: Buffer, coding: Exclude<ContentCoding, 'identity'>): Buffer {
  switch (coding) {
    case 'br':
      return zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
    case 'gzip':
      return zlib.gzipSync(body, { level: GZIP_LEVEL });
    case 'deflate':
      return zlib.deflateSync(body, { level: GZIP_LEVEL });
  }
}
