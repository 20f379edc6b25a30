// Fedify on Express 5: a small glue around federation.fetch(). Only Fedify's own POST routes
// (inboxes) get the request body, so /graphql keeps its JSON parser; URLs are rebuilt from
// PUBLIC_URL because Fedify builds collection page links from the request URL; anything Fedify
// does not serve (or a browser asking for a page) falls through to the next handler, which is
// how one URL serves JSON-LD to servers and HTML to people. A POST's body is read and checked
// here (activity-body.ts) before Fedify sees it: a hostile body is a 4xx, never a 500.
import type { Federation } from '@fedify/fedify';
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { FederationData } from './federation-context.ts';
import { readActivityBody } from './activity-body.ts';
import { OUTGOING_LIMITS, withinDeadline } from '../outgoing/outgoing-limits.ts';

export interface FederationMiddlewareOptions {
  /** Everything one received activity makes the node fetch, together (see outgoing-limits.ts). */
  activityDeadlineMs?: number;
}

/** WebFinger, host-meta and NodeInfo, which Fedify serves outside its URI router. */
const DISCOVERY_PATHS = /^\/(\.well-known\/|nodeinfo\/)/;

export function federationMiddleware(
  federation: Federation<FederationData>,
  data: FederationData,
  publicUrl: URL,
  options: FederationMiddlewareOptions = {},
) {
  const activityDeadlineMs = options.activityDeadlineMs ?? OUTGOING_LIMITS.activityDeadlineMs;
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const url = new URL(req.originalUrl, publicUrl);
      // Only paths Fedify serves go through it: page views and API calls skip building a request
      // they would only fall through with. Discovery documents are not in its URI router.
      const route = federation.createContext(publicUrl, data).parseUri(url);
      if (route === null && !DISCOVERY_PATHS.test(url.pathname)) return next();
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      let body: Buffer | undefined;
      if (hasBody) {
        if (route === null || (route.type !== 'inbox' && route.type !== 'outbox')) return next();
        const read = await readActivityBody(req);
        if (!read.ok) {
          // A body that did not arrive leaves the connection in an unknown state: close it.
          if (read.status === 408) res.set('connection', 'close');
          return void res.status(read.status).json({ error: read.error });
        }
        body = read.bytes;
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(key, v);
        else if (value !== undefined) headers.set(key, value);
      }
      const request = new Request(url, { method: req.method, headers, body });
      let fallThrough = false;
      // Verifying a signature fetches the key (following redirects), handling an activity fetches
      // the listing: one deadline for all of it, so a sender cannot hold the request by chaining.
      const serve = () =>
        federation.fetch(request, {
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
      const response = await (hasBody ? withinDeadline(activityDeadlineMs, serve) : serve());
      if (fallThrough) return next();
      res.status(response.status);
      response.headers.forEach((value, key) => res.append(key, value));
      res.end(response.body === null ? undefined : Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      next(error);
    }
  };
}
