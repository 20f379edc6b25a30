import { createServer } from 'node:http';
import { expect, it } from 'vitest';
import type { Registry } from '../registry.ts';
import { createWorkerApp } from './create-app.ts';

it('serves only the health check in a delivery worker', async () => {
  const registry = {
    store: { kind: 'mongodb', ping: async () => {} },
    config: { nodeHandle: 'liege', publicUrl: new URL('http://registry.test') },
  } as unknown as Registry;
  const server = createServer(createWorkerApp(registry));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  const graphql = await fetch(`http://127.0.0.1:${port}/graphql?query={thisNode{slug}}`);
  expect(graphql.status).toBe(404);
  expect(((await graphql.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/only delivers/);
  await new Promise((resolve) => server.close(resolve));
});
