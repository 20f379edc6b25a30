// Nodes that federate with each other over loopback, for the multi-node tests: each on its own
// port and public URL, and a poll for what arrives asynchronously.
import { freePort } from './free-port.ts';
import { startTestNode, type TestNode } from './test-node.ts';

/** A seeded node on 127.0.0.1 whose public URL is its own address, so partners can reach it. */
export async function startFederatedNode(nodeHandle: string): Promise<TestNode> {
  const port = await freePort();
  return startTestNode({ port, nodeHandle, publicUrl: new URL(`http://127.0.0.1:${port}`) });
}

/** Polls until `check` returns a value, for at most `ms`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, ms = 20_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
