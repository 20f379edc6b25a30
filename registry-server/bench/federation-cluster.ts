// Helpers of the federation bench: a publishing node and N followers in this process, each on
// its own loopback port and temporary embedded store, and the synthetic records they exchange.
// Everything here is labelled synthetic; nothing touches the seeds or the product's code.
import { OPERATOR } from '../src/federation/partners/partner-service.ts';
import { createRegistry } from '../src/registry.ts';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { freePort } from '../src/testing/free-port.ts';
import { startTestNode, testConfig, type TestNode } from '../src/testing/test-node.ts';

export { OPERATOR };

export const PUBLISHER_HANDLE = 'liege';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `intervalMs` until it returns a truthy value; throws after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${(timeoutMs / 1000).toFixed(0)} s`);
    await sleep(intervalMs);
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(lanes);
  return results;
}

export const followerHandle = (i: number) => `bench-node-${String(i + 1).padStart(2, '0')}`;

/** A minimal valid city-node record for a follower that does not exist in the seeds. */
function syntheticCityNode(handle: string) {
  return {
    handle,
    name: { en: `Synthetic benchmark node ${handle}` },
    summary: { en: 'synthetic benchmark node' },
    locality: `Bench City ${handle.slice(-2)}`,
    country: 'BE',
    defaultLanguages: ['en'],
    status: 'online',
  };
}

/**
 * A data directory whose store already holds the city-node record `handle` (startNode refuses a
 * NODE_HANDLE without one). Inserted the way seeding inserts, through the node's own repository
 * and validator, so the document has every stored field a seeded one has.
 */
export async function prepareDataDir(handle: string): Promise<string> {
  // testConfig makes a fresh temporary directory whatever the overrides; use that one.
  const config = testConfig({ nodeHandle: handle, seed: false });
  const dataDir = config.dataDir;
  const store = EmbeddedStore.open(dataDir);
  try {
    const registry = await createRegistry(config, store);
    const record = syntheticCityNode(handle);
    const errors = registry.validator.validate('city-node', record);
    if (errors.length)
      throw new Error(`synthetic city node ${handle} is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    await registry.nodes.insert(record as never, { origin: { kind: 'local' }, state: 'published', now: new Date().toISOString() });
  } finally {
    await store.close();
  }
  return dataDir;
}

/** Starts a node on a free loopback port whose public URL is that address (so partners reach it). */
export async function startFederatedNode(nodeHandle: string, dataDir?: string): Promise<TestNode> {
  const port = await freePort();
  return startTestNode({ port, nodeHandle, publicUrl: new URL(`http://127.0.0.1:${port}`), seed: true, ...(dataDir ? { dataDir } : {}) });
}

export const actorOf = (node: TestNode, handle: string) => `${node.url}/nodes/${handle}`;

/** A minimal valid initiative, clearly labelled as synthetic. */
export function syntheticInitiative(handle: string, label: string) {
  return {
    handle,
    name: { en: `Synthetic benchmark initiative ${label}` },
    summary: { en: `Synthetic benchmark initiative ${label}, created by the federation bench; not a real organisation.` },
    originalLanguage: 'en',
    legalForm: 'L4',
    primarySector: 'AM30',
    location: { locality: 'Liège', country: 'BE', precision: 'city' },
  };
}

/** Summary text of update number `n` of a synthetic initiative (the drain checks for the last). */
export const updateSummary = (label: string, n: number) => `Synthetic benchmark initiative ${label}, update ${n}; not a real organisation.`;

/** Creates and approves (publishes) a synthetic initiative on the publisher; returns when approve returns. */
export async function publishInitiative(
  publisher: TestNode,
  handle: string,
  label: string,
): Promise<{ version: number; createMs: number; approveMs: number }> {
  const t0 = performance.now();
  const draft = await publisher.registry.initiativeEditorial.create(OPERATOR, syntheticInitiative(handle, label) as never);
  const t1 = performance.now();
  const published = await publisher.registry.initiativeEditorial.approve(OPERATOR, handle, draft.version);
  return { version: published.version, createMs: t1 - t0, approveMs: performance.now() - t1 };
}
