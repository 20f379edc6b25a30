// A partner that never answers cannot hold the node: outgoing requests time out, the inbox and
// the API keep answering, and local edits succeed.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { OPERATOR } from '../registry-server/src/federation/partners/partner-service.ts';
import { LOOKUP_DEADLINE_MS } from '../registry-server/src/http/outgoing-timeouts.ts';

let node: TestNode;
let tarpit: Server;
let tarpitUrl: string;
beforeAll(async () => {
  // A "partner" that accepts connections and never sends a byte back.
  tarpit = createServer(() => {});
  const port = await freePort();
  await new Promise<void>((resolve) => tarpit.listen(port, '127.0.0.1', resolve));
  tarpitUrl = `http://127.0.0.1:${port}`;
  const nodePort = await freePort();
  node = await startTestNode({ port: nodePort, publicUrl: new URL(`http://127.0.0.1:${nodePort}`) });
});
afterAll(async () => {
  await node?.close();
  tarpit.closeAllConnections();
  await new Promise((resolve) => tarpit.close(resolve));
});

it('gives up on a partner that never answers, and keeps serving meanwhile', async () => {
  const started = Date.now();
  const following = node.federation.partners.follow(OPERATOR, `${tarpitUrl}/nodes/x`);
  // While the lookup hangs, the node answers.
  const health = await fetch(`${node.url}/healthz`);
  expect(health.status).toBe(200);
  const doc = (await node.registry.initiatives.findById('atemos'))!;
  await node.registry.initiativeEditorial.update(OPERATOR, 'atemos', doc.version, { website: 'https://example.org/atemos' });
  await expect(following).rejects.toMatchObject({ code: 'NOT_FOUND' });
  const elapsed = Date.now() - started;
  expect(elapsed).toBeLessThan(LOOKUP_DEADLINE_MS + 5_000);
}, 60_000);
