// Fedify on Express 5: a small glue around federation.fetch(). Only Fedify's own POST routes
// (inboxes) get the request body, so /graphql keeps its JSON parser; URLs are rebuilt from
// PUBLIC_URL because Fedify builds collection page links from the request URL; anything Fedify
// does not serve (or a browser asking for a page) falls through to the next handler, which is
// how one URL serves JSON-LD to servers and HTML to people.
import { Readable } from 'node:stream';
import type { Federation } from '@fedify/fedify';
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { FederationData } from '../federation/federation-context.ts';

/** WebFinger, host-meta and NodeInfo, which Fedify serves outside its URI router. */
const DISCOVERY_PATHS = /^\/(\.well-known\/|nodeinfo\/)/;

/** Largest activity accepted in an inbox; real ones are a few kilobytes. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

export function federationMiddleware(federation: Federation<FederationData>, data: FederationData, publicUrl: URL) {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const url = new URL(req.originalUrl, publicUrl);
      // Only paths Fedify serves go through it: page views and API calls skip building a request
      // they would only fall through with. Discovery documents are not in its URI router.
      const route = federation.createContext(publicUrl, data).parseUri(url);
      if (route === null && !DISCOVERY_PATHS.test(url.pathname)) return next();
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      if (hasBody) {
        if (route === null || (route.type !== 'inbox' && route.type !== 'outbox')) return next();
        const length = Number(req.headers['content-length']);
        if (!Number.isFinite(length)) return void res.status(411).json({ error: 'Send a Content-Length with the activity.' });
        if (length > MAX_ACTIVITY_BYTES) return void res.status(413).json({ error: `Activities are limited to ${MAX_ACTIVITY_BYTES / 1024} KB.` });
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(key, v);
        else if (value !== undefined) headers.set(key, value);
      }
      const request = new Request(url, { method: req.method, headers, duplex: 'half', body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined } as RequestInit);
      let fallThrough = false;
      const response = await federation.fetch(request, {
        contextData: data,
        onNotFound: () => {
          fallThrough = true;
          return new Response(null, { status: 404 });
        },
        onNotAcceptable: () => {
          fallThrough = true;
          return new Response(null, { status: 406 });
        },
      });
      if (fallThrough) return next();
      res.status(response.status);
      response.headers.forEach((value, key) => res.append(key, value));
      res.end(response.body === null ? undefined : Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      next(error);
    }
  };
}
