// PROCESS_ROLE and Murmurations (ADR 0050): the web process marks what changed, only the delivery
// worker talks to the index, and a mark left while no worker ran is sent once one starts. The
// two roles share one store here, as they share MongoDB in production (tests/process-roles…).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR as operator } from '../federation/partners/partner-service.ts';
import { startNode, type RunningNode } from '../main.ts';
import { EmbeddedStore } from '../store/embedded/embedded-store.ts';
import { freePort } from '../testing/free-port.ts';
import { eventually } from '../testing/federated-nodes.ts';
import { MurmurationsIndexStandIn } from '../testing/murmurations-index-stand-in.ts';
import { testConfig } from '../testing/test-node.ts';

const FAST = { retryBaseMs: 100, maxRetryMs: 400, maxAttempts: 50, spacingMs: 0, pollMs: 50, leaseMs: 5_000, requestTimeoutMs: 2_000 };
const dataDir = mkdtempSync(join(tmpdir(), 'umn-murm-roles-'));
const store = EmbeddedStore.open(dataDir);
const started: RunningNode[] = [];
let index: MurmurationsIndexStandIn | undefined;

afterAll(async () => {
  for (const node of started.reverse()) await node.close().catch(() => {});
  await store.close();
  await index?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Murmurations with a web process and a delivery worker', () => {
  it('only the worker sends; a change the web process marked is sent once a worker runs', async () => {
    index = await new MurmurationsIndexStandIn().start();
    const port = await freePort();
    const base = { dataDir, publicUrl: new URL(`http://127.0.0.1:${port}`), nodeHandle: 'liege', murmurationsIndexUrl: index.url };
    const web = await startNode(testConfig({ ...base, port, processRole: 'web' }), { store, murmurations: FAST });
    started.push(web);
    const worker = await startNode(testConfig({ ...base, processRole: 'worker' }), { store, murmurations: FAST });
    started.push(worker);
    const url = `${base.publicUrl.origin}/murmurations/initiatives/atemos.json`;
    await eventually(async () => index!.nodeOf(url)?.status === 'posted');
    await worker.murmurations.sync!.settled();
    await worker.close();

    const requests = index.requests.length;
    const doc = (await web.registry.initiatives.findById('atemos'))!;
    await web.registry.initiativeEditorial.unpublish(operator, 'atemos', doc.version);
    await eventually(async () => (await web.murmurations.registrations.findByUrl(url))?.changed === true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The web process marked it and sent nothing.
    expect(index.requests.length).toBe(requests);

    const next = await startNode(testConfig({ ...base, processRole: 'worker' }), { store, murmurations: FAST });
    started.push(next);
    await eventually(async () => index!.nodeOf(url)?.status === 'deleted');
    expect(index.requests.find((r) => r.method === 'DELETE')?.profileAnswered).toBe(404);
  }, 60_000);
});
