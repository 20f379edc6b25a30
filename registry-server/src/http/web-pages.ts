// The web pages (the SvelteKit site in web/, built by `npm start`) on the node's own origin.
// The built handler is loaded after the server listens, because it reads the address of the
// node's GraphQL endpoint when it is imported. It serves the site's files, and renders pages
// when no render thread is ready (render-threads.ts renders them otherwise).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import { logger } from '../config/logging.ts';
import { issueSiteSecret } from '../accounts/site-client-address.ts';
import { asOwnRequests } from '../outgoing/outgoing-limits.ts';
import type { GraphQLHandler } from '../graphql/graphql-http-handler.ts';
import { IN_PROCESS_GRAPHQL } from './in-process-graphql.ts';
import type { RenderThreadData } from './render-messages.ts';
import { RenderThreads } from './render-threads.ts';
import { CONNECTING_ADDRESS_HEADER } from './client-address.ts';

const log = logger('http', 'web');

// UMN_WEB_BUILD is a seam for the browser tests, not an operator setting: they serve a snapshot
// of web/build, so that a build of the site started meanwhile cannot pull files from under them.
const WEB_BUILD = process.env.UMN_WEB_BUILD ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'build');

/**
 * Internal headers through which the site learns its public origin. SvelteKit's adapter builds
 * the request URL from them, and its form CSRF check compares the browser's Origin with that URL;
 * without them it assumes https://<Host>, and every form on a plain-http node would be refused.
 * They are overwritten on every request, so a client cannot choose them.
 */
const PROTOCOL_HEADER = 'x-umn-public-protocol';
const HOST_HEADER = 'x-umn-public-host';

/** The files adapter-node serves as they are (build/adapter-node.js lists them). */
interface AssetTable {
  entries: Array<[string, unknown]>;
}

export interface WebLoadOptions {
  /** The site's GraphQL in this process (in-process-graphql.ts); over HTTP when absent. */
  inProcess?: typeof fetch;
  /** Render pages in this many threads (0: on the main thread), answering their GraphQL through `graphql`. */
  renderThreads?: { count: number; graphql: Pick<GraphQLHandler, 'execute'>; logging: RenderThreadData['logging'] };
  /** The built site's folder (web/build by default). */
  buildDir?: string;
}

export class WebPages {
  #handler: RequestHandler | null = null;
  #threads: RenderThreads | null = null;
  #files: ReadonlySet<string> = new Set();
  readonly #publicUrl: URL;

  constructor(publicUrl: URL) {
    this.#publicUrl = publicUrl;
  }

  /** Express middleware: the site when it is loaded, else on to the next handler (a JSON 404). */
  readonly middleware: RequestHandler = (req, res, next) => {
    if (!this.#handler) return next();
    req.headers[PROTOCOL_HEADER] = this.#publicUrl.protocol.replace(':', '');
    req.headers[HOST_HEADER] = this.#publicUrl.host;
    if (typeof req.headers[CONNECTING_ADDRESS_HEADER] !== 'string') req.headers[CONNECTING_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
    if (this.#threads && !this.#files.has(req.path) && this.#threads.available()) return void this.#threads.render(req, res);
    // The page's GraphQL requests go to this node: bounded in time, not in size (outgoing-limits.ts).
    return asOwnRequests(() => this.#handler!(req, res, next));
  };

  /**
   * Loads the built site, pointing it at this node's GraphQL endpoint, which it reaches in
   * process when `inProcess` is given (in-process-graphql.ts); false when it is not built.
   */
  async load(graphqlUrl: string, options: WebLoadOptions = {}): Promise<boolean> {
    const buildDir = options.buildDir ?? WEB_BUILD;
    const file = join(buildDir, 'handler.js');
    if (!existsSync(file)) {
      log.warning('The web site is not built ({file}); only the API is served. `npm start` builds it.', { file });
      return false;
    }
    process.env.REGISTRY_GRAPHQL_URL = graphqlUrl;
    (globalThis as Record<symbol, unknown>)[IN_PROCESS_GRAPHQL] = options.inProcess;
    // Lets the site's sign-ins count against the browser's address, not the node's own.
    issueSiteSecret();
    process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
    process.env.HOST_HEADER = HOST_HEADER;
    // The site counts a visitor by the address the node worked out (client-address.ts).
    process.env.ADDRESS_HEADER = CONNECTING_ADDRESS_HEADER;
    const module = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
    this.#handler = module.handler;
    const threads = options.renderThreads;
    if (threads && threads.count > 0) {
      const built = (await import(pathToFileURL(join(buildDir, 'adapter-node.js')).href)) as {
        assets: AssetTable;
        prerendered_assets: AssetTable;
      };
      this.#files = new Set([...built.assets.entries, ...built.prerendered_assets.entries].map(([path]) => path));
      this.#threads = new RenderThreads({
        count: threads.count,
        graphql: threads.graphql,
        origin: this.#publicUrl.origin,
        data: { buildDir, logging: threads.logging },
      });
    }
    return true;
  }

  /** Stops the render threads (pages still waiting are answered 503). */
  async close(): Promise<void> {
    await this.#threads?.close();
  }
}

/** The loopback URL of the node's own GraphQL endpoint, for the site's server-side requests. */
export function internalGraphqlUrl(host: string, port: number): string {
  const address = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return `http://${address}:${port}/graphql`;
}
