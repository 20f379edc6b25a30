// Starts a real node on loopback with a fresh embedded store, for integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import { startNode, type RunningNode, type StartOptions } from '../main.ts';

export interface TestNode extends Omit<RunningNode, 'close'> {
  dataDir: string;
  /** Stops the node; its data directory is removed unless kept (to start it again). */
  close(options?: { keepData?: boolean }): Promise<void>;
  /** POSTs a GraphQL query and returns the parsed body and status. */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const { dataDir, ...rest } = overrides;
  return {
    port: 0,
    host: '127.0.0.1',
    publicUrl: new URL('http://registry.test'),
    dataDir: dataDir ?? mkdtempSync(join(tmpdir(), 'umn-node-')),
    mongodbUrl: undefined,
    nodeHandle: 'liege',
    seed: true,
    responseCache: true,
    smtpUrl: undefined,
    mailFrom: 'registry@registry.test',
    federationHandle: 'registry',
    autoApproveDomains: [],
    allowPrivateAddresses: true,
    processRole: 'all',
    // As on a two-core machine; they only start when a test asks for a page (render-threads.ts).
    renderThreads: 1,
    logLevel: 'error',
    logFormat: 'json',
    ...rest,
  };
}

export async function startTestNode(
  overrides: Partial<Config> = {},
  options: {
    keepData?: boolean;
    outgoingLimits?: StartOptions['outgoingLimits'];
    now?: StartOptions['now'];
    murmurations?: StartOptions['murmurations'];
  } = {},
): Promise<TestNode> {
  const config = testConfig(overrides);
  const node = await startNode(config, {
    outgoingLimits: options.outgoingLimits,
    ...(options.now ? { now: options.now } : {}),
    ...(options.murmurations ? { murmurations: options.murmurations } : {}),
  });
  return {
    ...node,
    dataDir: config.dataDir,
    registry: node.registry,
    federation: node.federation,
    async query(query, variables, headers = {}) {
      const response = await fetch(`${node.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    async close(closeOptions = {}) {
      await node.close();
      if (!options.keepData && !closeOptions.keepData) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
