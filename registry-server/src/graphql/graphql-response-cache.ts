// An HTTP cache of anonymous GET /graphql answers, checked before Express runs. Public listings
// change rarely and are read often (officials browsing, partner nodes polling), so a repeated
// query costs one lookup instead of a GraphQL execution. An entry is valid while no public
// collection was written (store generation) and, on MongoDB where other processes write too,
// for at most one second. See docs/adr/0004-graphql-response-cache.md.
//
// An entry keeps the answer as computed and, made when first asked for, its brotli/gzip/deflate
// encodings (http/compression.ts), so a hit is not compressed again each time. The encodings
// belong to the entry: they go with it when a write makes it stale.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { COMPRESSION_THRESHOLD_BYTES, encodeBody, negotiateCoding, type ContentCoding } from '../http/compression.ts';

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Encoded copies of `body`, one per coding at most. */
  encoded: Map<Exclude<ContentCoding, 'identity'>, Buffer>;
  generation: number;
  storedAt: number;
}

/**
 * Headers that describe the bytes as sent to the first client (compressed or not by the
 * compression around the node), not the answer: they are set again on each hit.
 */
const TRANSFER_HEADERS = ['content-encoding', 'content-length'];

export interface ResponseCacheOptions {
  generation: () => number;
  /** Longest time an entry is served, in ms (Infinity when only this process writes). */
  ttlMs: number;
  maxEntries?: number;
  maxBodyBytes?: number;
  now?: () => number;
}

export class GraphQLResponseCache {
  readonly #entries = new Map<string, Entry>();
  readonly #options: Required<ResponseCacheOptions>;

  constructor(options: ResponseCacheOptions) {
    this.#options = { maxEntries: 1_000, maxBodyBytes: 256 * 1024, now: Date.now, ...options };
  }

  /**
   * The cache key of a request, or null when it must not be served from cache. Express strips
   * its mount path from `req.url`, so the full path comes from `originalUrl` when there is one.
   */
  key(req: IncomingMessage & { originalUrl?: string }): string | null {
    const url = req.originalUrl ?? req.url;
    if (req.method !== 'GET' || !url?.startsWith('/graphql?')) return null;
    // Anything that could identify the reader bypasses the cache (accounts arrive with issue 3).
    if (req.headers.authorization || req.headers.cookie) return null;
    return `${url}\n${req.headers.accept ?? ''}\n${req.headers['accept-language'] ?? ''}`;
  }

  /** Answers from cache when it can; returns whether it did. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const key = this.key(req);
    if (key === null) return false;
    const entry = this.#entries.get(key);
    if (!entry) return false;
    if (entry.generation !== this.#options.generation() || this.#options.now() - entry.storedAt > this.#options.ttlMs) {
      this.#entries.delete(key);
      return false;
    }
    const coding = entry.body.length >= COMPRESSION_THRESHOLD_BYTES ? negotiateCoding(req) : 'identity';
    const body = coding === 'identity' ? entry.body : this.#encoded(entry, coding);
    const headers: OutgoingHttpHeaders = {
      ...entry.headers,
      'content-length': String(body.length),
      vary: varyOnEncoding(entry.headers.vary),
      'x-response-cache': 'hit',
    };
    if (coding !== 'identity') headers['content-encoding'] = coding;
    res.writeHead(entry.status, headers);
    res.end(body);
    return true;
  }

  /** Keeps a successful answer (no GraphQL errors) computed at `generation`. */
  store(
    req: IncomingMessage & { originalUrl?: string },
    status: number,
    headers: OutgoingHttpHeaders,
    body: string,
    generation: number,
  ): void {
    const key = this.key(req);
    if (key === null || status !== 200 || body.includes('"errors"')) return;
    // An answer made for one request only (a form token, context.markPrivate) is never shared.
    if (String(headers['cache-control'] ?? '').includes('no-store')) return;
    const bytes = Buffer.from(body);
    if (bytes.length > this.#options.maxBodyBytes) return;
    if (this.#entries.size >= this.#options.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !TRANSFER_HEADERS.includes(name.toLowerCase())));
    this.#entries.set(key, {
      status,
      headers: kept,
      body: bytes,
      encoded: new Map(),
      generation,
      storedAt: this.#options.now(),
    });
  }

  #encoded(entry: Entry, coding: Exclude<ContentCoding, 'identity'>): Buffer {
    let body = entry.encoded.get(coding);
    if (!body) {
      body = encodeBody(entry.body, coding);
      entry.encoded.set(coding, body);
    }
    return body;
  }
}

/** The answer's Vary with Accept-Encoding added: a hit's bytes depend on it. */
function varyOnEncoding(vary: OutgoingHttpHeaders[string]): string {
  const names = (Array.isArray(vary) ? vary.join(',') : String(vary ?? ''))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!names.some((name) => name.toLowerCase() === 'accept-encoding' || name === '*')) names.push('Accept-Encoding');
  return names.join(', ');
}
