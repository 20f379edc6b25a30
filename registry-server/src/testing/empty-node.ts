// A node with no listings at all: its store holds only its own city-node record (startNode
// refuses a NODE_HANDLE without one), inserted as seeding inserts it, then started with SEED=false.
// For tests that must see a node fill up from nothing (imports, issue 17).
import { createRegistry } from '../registry.ts';
import { readSeeds } from '../seeding/seed-files.ts';
import { EmbeddedStore } from '../store/embedded/embedded-store.ts';
import { startTestNode, testConfig, type TestNode } from './test-node.ts';
import type { StartOptions } from '../main.ts';
import type { Config } from '../config/config.ts';

export async function startEmptyNode(
  nodeHandle = 'liege',
  overrides: Partial<Config> = {},
  options: { outgoingLimits?: StartOptions['outgoingLimits'] } = {},
): Promise<TestNode> {
  const config = testConfig({ nodeHandle, seed: false, ...overrides });
  const store = EmbeddedStore.open(config.dataDir);
  try {
    const registry = await createRegistry(config, store);
    const city = readSeeds(undefined, []).nodes.find((n) => n.record.handle === nodeHandle);
    if (!city) throw new Error(`no seeded city node "${nodeHandle}"`);
    await registry.nodes.insert(city.record, { origin: { kind: 'local' }, state: 'published', now: new Date().toISOString() });
  } finally {
    await store.close();
  }
  return startTestNode({ ...overrides, nodeHandle, seed: false, dataDir: config.dataDir }, options);
}
