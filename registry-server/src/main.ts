// Starts a city node: configuration, logging, store, migrations, seeds, then one HTTP origin.
// Every failure at boot ends the process with a message that says what to do.
import { createServer } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config/config.ts';
import { configureLogging, logger } from './config/logging.ts';
import { createRegistry, type Registry } from './registry.ts';
import { openStore } from './store/open-store.ts';
import { migrateDocuments } from './store/schema-migrations.ts';
import { StoreError } from './store/store-errors.ts';
import { readSeeds } from './seeding/seed-files.ts';
import { loadSeeds } from './seeding/load-seeds.ts';
import { createGraphQLHandler } from './graphql/graphql-http-handler.ts';
import { createApp, createWorkerApp } from './http/create-app.ts';
import { compressAnswers } from './http/compression.ts';
import { boundOutgoingRequests } from './outgoing/outgoing-timeouts.ts';
import type { OutgoingLimits } from './outgoing/outgoing-limits.ts';
import { startFederation, type FederationRuntime } from './federation/federation-runtime.ts';
import { internalGraphqlUrl, WebPages } from './http/web-pages.ts';
import { inProcessGraphQL } from './http/in-process-graphql.ts';
import { GraphQLResponseCache } from './graphql/graphql-response-cache.ts';
import { WriteCountingStore } from './store/write-counting-store.ts';
import type { Store } from './store/store.ts';
import { startMurmurations, type MurmurationsRuntime, type MurmurationsStartOptions } from './murmurations/murmurations-runtime.ts';

/** Collections whose content public answers are made of. */
// Follows too: a city's status on every page comes from them (nodes/node-presence.ts).
const PUBLIC_COLLECTIONS = ['initiatives', 'goodPractices', 'marketRecords', 'adoptionRecords', 'cityNodes', 'following', 'followers'];

export interface RunningNode {
  url: string;
  /** The node's services, for in-process tests and tools. */
  registry: Registry;
  /** Federation (partners, queue), when the node federates. */
  federation: FederationRuntime;
  /** Registration of the node's Murmurations profiles with MURMURATIONS_INDEX_URL (sync null when unset). */
  murmurations: MurmurationsRuntime;
  /** The one-time link to create the first admin, when the node started with none (else null). */
  firstAdminSetupUrl: string | null;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Serve the built web site too. */
  web?: boolean;
  /**
   * A store already open, shared with other nodes of this process, which then leave it open when
   * they close: how tests run a web and a worker process role (PROCESS_ROLE) on one database
   * without a MongoDB server. Otherwise the node opens (and closes) the store its config names.
   */
  store?: Store;
  /** Bounds of outgoing requests, for tests that cannot wait the default deadline (outgoing-limits.ts). */
  outgoingLimits?: Partial<OutgoingLimits>;
  /** The logging main() configured, so the render threads log alike (unset: they log nothing, as an unconfigured process). */
  logging?: Pick<Config, 'logLevel' | 'logFormat'>;
  /** The clock, for tests of what expires. */
  now?: () => Date;
  /** Shorter retry delays and request timeout of the Murmurations sync, for tests. */
  murmurations?: MurmurationsStartOptions['sync'];
}

export async function startNode(config: Config, options: StartOptions = {}): Promise<RunningNode> {
  const log = logger('node');
  boundOutgoingRequests(options.outgoingLimits);
  const ownsStore = !options.store;
  const rawStore = options.store ?? (await openStore(config));
  // Writes to public collections invalidate the response cache.
  const store = new WriteCountingStore(rawStore, PUBLIC_COLLECTIONS);
  try {
    await migrateDocuments(store, logger('store', 'migrations'));
    const registry = await createRegistry(config, store, options.now ? { now: options.now } : {});
    // Every node knows the project's city profiles; listings are seeded only on their own node.
    const seeded = config.seed ? await loadSeeds(registry, readSeeds(undefined, [config.nodeHandle])) : null;
    // A city that runs its node shows its own profile, never the placeholder seeded for it.
    await registry.nodes.claimOwnPlaceholder(config.nodeHandle, registry.now().toISOString());
    if (!(await registry.nodes.findById(config.nodeHandle))) {
      throw new ConfigError(
        'NODE_HANDLE',
        `no city-node record "${config.nodeHandle}" exists in the store. Use a seeded node (liege, milano, athina, sofia, ljubljana, pordenone, trieste) or keep SEED=true.`,
      );
    }
    // The search index is built before the node takes requests; a delivery worker serves none.
    // Other processes write to MongoDB too, so there the index also checks the store every 30 s.
    if (config.processRole !== 'worker') await registry.search.rebuild({ refreshEveryMs: store.kind === 'mongodb' ? 30_000 : undefined });
    // Matching reads the few initiatives that declare an eligibility or a delivery area from memory (ADR 0036).
    if (config.processRole !== 'worker') await registry.declaredFacts.load();
    // Needs and offers seeded now are matched as if they had just been published (ADR 0039): the
    // seeds write them straight to the store, and matching needs the index built just above.
    if (config.processRole !== 'worker') for (const id of seeded?.marketRecords ?? []) await registry.marketMatching.matchRecord(id);
    // Market records expire with the clock, not with a write: the sweep tells it (market-expiry.ts).
    if (config.processRole !== 'worker') await registry.marketExpiry.start();
    // Answers change with the store, with the search indexes (updated just after a write: the
    // listings' and the adoption records'), when a market record expires, and each day (UTC): a
    // proof of eligibility turns "to be confirmed" with the clock, not with a write (ADR 0035).
    const generation = () =>
      store.generation +
      registry.search.generation +
      registry.marketExpiry.generation +
      registry.adoptionSearch.generation +
      Math.floor(registry.now().getTime() / 86_400_000);
    // Other processes write to MongoDB too, so there an entry lives one second at most.
    const cache = config.responseCache
      ? new GraphQLResponseCache({ generation, ttlMs: store.kind === 'mongodb' ? 1_000 : Infinity })
      : undefined;
    const federation = await startFederation(registry, {
      deliver: config.processRole !== 'web',
      activityDeadlineMs: options.outgoingLimits?.activityDeadlineMs,
    });
    const murmurations = await startMurmurations(registry, {
      subscribe: config.processRole !== 'worker',
      send: config.processRole !== 'web',
      ...(options.murmurations ? { sync: options.murmurations } : {}),
    });
    const graphql = await createGraphQLHandler(registry, { cache, generation, federation });
    // A node with no admin offers a one-time link to make one on the web (a worker serves no pages).
    const firstAdminSetupUrl = config.processRole !== 'worker' ? await registry.firstAdminSetup.offerAtStart() : null;
    const web = new WebPages(config.publicUrl);
    const app =
      config.processRole === 'worker'
        ? createWorkerApp(registry)
        : createApp(registry, graphql, { web: options.web ? web.middleware : undefined, federation: federation.middleware });
    // Compression is the outermost layer, so every answer passes through it, those of the
    // response cache (which come encoded already) too (http/compression.ts).
    const server = createServer((req, res) => {
      compressAnswers(req, res, () => {
        if (!cache?.serve(req, res)) app(req, res);
      });
    });
    // Idle keep-alive sockets must not outlive a request by much: bounded resources per client.
    server.keepAliveTimeout = 5_000;
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    if (options.web && config.processRole !== 'worker')
      await web.load(internalGraphqlUrl(config.host, port), {
        inProcess: inProcessGraphQL(graphql),
        renderThreads: { count: config.renderThreads, graphql, logging: options.logging },
      });
    log.info('Node {node} ready on port {port} with the {store} store; open {url}', {
      node: config.nodeHandle,
      port,
      store: store.kind,
      url: config.publicUrl.origin,
    });
    return {
      url: `http://127.0.0.1:${port}`,
      registry,
      federation,
      murmurations,
      firstAdminSetupUrl,
      async close() {
        // Stop taking requests and cut open connections before the store closes, so no request
        // can reach a closed store; then stop deliveries.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await federation.stop();
        await murmurations.stop();
        registry.search.stop();
        registry.marketExpiry.stop();
        await closed;
        await web.close();
        await graphql.stop();
        if (ownsStore) await store.close();
      },
    };
  } catch (error) {
    if (ownsStore) await store.close().catch(() => {});
    throw error;
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, { isTerminal: process.stdout.isTTY });
  } catch (error) {
    process.stderr.write(`Cannot start: ${(error as Error).message}\n`);
    process.exit(78);
  }
  await configureLogging(config);
  const log = logger('node');
  try {
    const node = await startNode(config, { web: true, logging: { logLevel: config.logLevel, logFormat: config.logFormat } });
    process.stdout.write(
      `\nUMN registry node "${config.nodeHandle}" is running.\n  Open:    ${config.publicUrl.origin}/\n  GraphQL: ${config.publicUrl.origin}/graphql\n  Health:  ${config.publicUrl.origin}/healthz\n\n`,
    );
    if (node.firstAdminSetupUrl)
      process.stdout.write(
        `This node has no admin yet. Create the first admin account within the hour at:\n  ${node.firstAdminSetupUrl}\n(the link works once; restart the node for a new one)\n\n`,
      );
    const stop = async (signal: string) => {
      log.info('Stopping on {signal}', { signal });
      await node.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof StoreError || (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    const message =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use. Stop the other program or set PORT to a free port, e.g. PORT=3001 npm start.`
        : (error as Error).message;
    log.fatal('Cannot start: {message}', { message, error: known ? undefined : error });
    process.stderr.write(`Cannot start: ${message}\n`);
    process.exit(1);
  }
}

if (import.meta.main) await main();
