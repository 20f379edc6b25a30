// One origin per node: GraphQL at /graphql, the health check at /healthz, and (with later
// issues) the web pages and ActivityPub, all from one Express app on one port.
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Registry } from '../registry.ts';
import { logger } from '../config/logging.ts';
import type { GraphQLHandler } from '../graphql/graphql-http-handler.ts';
import { UMN_CONTEXT_DOCUMENT } from '../federation/jsonld/umn-context.ts';
import { SECRET_PATH, securityHeaders } from './security-headers.ts';
import { BACKUP_PATH, backupEndpoint } from './backup-endpoint.ts';
import { connectingAddressHeader, trustedProxies } from './client-address.ts';
import { murmurationsRoutes } from '../murmurations/murmurations-routes.ts';
import { seoRoutes } from '../seo/seo-routes.ts';

const log = logger('http');

/** Largest GraphQL request body accepted; real queries are a few kilobytes. */
export const MAX_BODY_BYTES = 100 * 1024;

export function createApp(
  registry: Registry,
  graphql: GraphQLHandler,
  options: { web?: RequestHandler; federation?: RequestHandler } = {},
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders(registry.config.publicUrl));
  app.use(connectingAddressHeader(trustedProxies(registry.config.trustedProxies ?? [])));

  app.get('/healthz', healthCheck(registry));
  // Our JSON-LD context, so the `umn:` terms of federated records can be looked up.
  app.get('/ns', (_req, res) => {
    res
      .type('application/ld+json')
      .set('Cache-Control', 'public, max-age=86400')
      .send(JSON.stringify(UMN_CONTEXT_DOCUMENT, null, 2));
  });

  // /robots.txt and the sitemap of the node's own public pages (ADR 0049).
  app.use(seoRoutes(registry));

  // `umn backup`: a copy of the store, for admins (bearer tokens only).
  app.all(BACKUP_PATH, backupEndpoint(registry));

  // GET carries queries in the URL; POST carries JSON. The JSON parser is mounted here only, so
  // ActivityPub (issue 4) can read raw bodies for signature checks.
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES, type: ['application/json', 'application/graphql-response+json'] }),
    (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'POST') {
        res
          .set('Allow', 'GET, POST')
          .status(405)
          .json(
            errorBody('METHOD_NOT_ALLOWED', `${req.method} is not supported on /graphql; use GET for queries or POST with a JSON body.`),
          );
        return;
      }
      void graphql.handle(req, res, next);
    },
  );

  // Murmurations profiles of the node and its public records (ADR 0050).
  app.use(murmurationsRoutes(registry));

  // ActivityPub (actors, inboxes, collections, WebFinger, NodeInfo) after /graphql, whose requests
  // then never ask Fedify's router (it serves nothing there), and before any other body parser:
  // inboxes read the raw body to check its signature. Paths it does not serve fall through.
  if (options.federation) app.use(options.federation);

  // The web pages come last: they answer every other path, including their own 404 page.
  if (options.web) app.use(options.web);

  app.use((req, res) => {
    res.status(404).json(errorBody('NOT_FOUND', `Nothing at ${req.path}. The API is at /graphql; the health check at /healthz.`));
  });
  app.use(errorHandler);
  return app;
}

/** A delivery worker (PROCESS_ROLE=worker) answers only its health check. */
export function createWorkerApp(registry: Registry): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(registry.config.publicUrl));
  app.get('/healthz', healthCheck(registry));
  app.use((_req, res) => {
    res
      .status(404)
      .json(
        errorBody(
          'NOT_FOUND',
          'This process only delivers activities (PROCESS_ROLE=worker); the site and the API are served by the web processes.',
        ),
      );
  });
  return app;
}

function healthCheck(registry: Registry): RequestHandler {
  return async (_req, res) => {
    try {
      await registry.store.ping();
      res.status(200).json({ status: 'ok', store: registry.store.kind, node: registry.config.nodeHandle });
    } catch (error) {
      log.error('Health check failed: the store does not answer: {error}', { error });
      res.status(503).json({ status: 'unavailable', store: registry.store.kind, reason: 'The store does not answer.' });
    }
  };
}

/** The body of an error answered outside GraphQL execution, shaped like a GraphQL error. */
export function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** Body-parser and other request errors become GraphQL-shaped 4xx answers; anything else a logged 500. */
const errorHandler: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, req, res, _next) => {
  if (error.type === 'entity.too.large') {
    res
      .status(413)
      .json(
        errorBody(
          'PAYLOAD_TOO_LARGE',
          `The request body is larger than ${MAX_BODY_BYTES / 1024} KB. Send a shorter query; page through results with \`first\` and \`after\`.`,
        ),
      );
    return;
  }
  if (error.type === 'entity.parse.failed') {
    res
      .status(400)
      .json(
        errorBody(
          'BAD_REQUEST',
          `The request body is not valid JSON (${error.message}). Send {"query": "...", "variables": {...}} with Content-Type: application/json.`,
        ),
      );
    return;
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    res.status(error.status).json(errorBody('BAD_REQUEST', error.message ?? 'Bad request.'));
    return;
  }
  // Invitation, unlock, reset and setup links carry a secret in their path: it never goes to the logs.
  log.error('Unhandled error on {method} {path}: {error}', {
    method: req.method,
    path: req.path.replace(SECRET_PATH, '/$1/[token]'),
    error,
  });
  res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'Internal error; it was logged.'));
};
