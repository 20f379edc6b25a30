// PROCESS_ROLE: a node split into a web process (site, API, inbox; queues deliveries but never
// sends them) and a delivery worker (sends what is queued; answers only its health check),
// sharing one database. In production they share MongoDB across machines; there is no MongoDB
// server here, so the two roles run in this process on one shared store, which exercises the
// same split: everything between them goes through the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../registry-server/src/federation/partners/partner-service.ts';
import { startNode, type RunningNode } from '../registry-server/src/main.ts';
import { EmbeddedStore } from '../registry-server/src/store/embedded/embedded-store.ts';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, testConfig, type TestNode } from '../registry-server/src/testing/test-node.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'umn-roles-'));
const store = EmbeddedStore.open(dataDir);
const started: Array<{ close(): Promise<void> }> = [];

afterAll(async () => {
  for (const node of started.reverse()) await node.close().catch(() => {});
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function eventually<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const queued = () => store.collection('fedifyQueue').countDocuments();

describe('a node split into a web process and a delivery worker', () => {
  let web: RunningNode;
  let worker: RunningNode;
  let milan: TestNode;

  it('the web process takes a follow and queues the answer, but does not send it', async () => {
    const port = await freePort();
    const publicUrl = new URL(`http://127.0.0.1:${port}`);
    web = await startNode(testConfig({ dataDir, port, publicUrl, nodeHandle: 'liege', processRole: 'web' }), { store });
    started.push(web);
    const milanPort = await freePort();
    milan = await startTestNode({ port: milanPort, publicUrl: new URL(`http://127.0.0.1:${milanPort}`), nodeHandle: 'milan' });
    started.push(milan);

    await milan.federation.partners.follow(OPERATOR, `${web.url}/nodes/liege`);
    const pending = await eventually('the follow reaches the web process', async () =>
      (await web.federation.partners.list(OPERATOR)).find((p) => p.followedBy === 'pending'),
    );
    await web.federation.partners.decide(OPERATOR, pending.actor, true);
    expect(await queued()).toBeGreaterThan(0);
    // Nobody sends the Accept while only the web process runs.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await milan.federation.partners.list(OPERATOR)).find((p) => p.actor === `${web.url}/nodes/liege`)?.following).toBe('pending');
    expect(await queued()).toBeGreaterThan(0);
  });

  it('the worker sends what the web process queued, then every later change', async () => {
    worker = await startNode(
      testConfig({ dataDir, port: 0, publicUrl: new URL(web.url), nodeHandle: 'liege', processRole: 'worker', seed: false }),
      { store },
    );
    started.push(worker);
    const partner = await eventually('the Accept reaches Milan', async () =>
      (await milan.federation.partners.list(OPERATOR)).find((p) => p.actor === `${web.url}/nodes/liege` && p.following === 'accepted'),
    );
    expect(partner.following).toBe('accepted');

    const doc = (await web.registry.initiatives.findById('atemos'))!;
    await web.registry.initiativeEditorial.update(OPERATOR, 'atemos', doc.version, {
      summary: { ...doc.record.summary, en: 'Sewing workshops, sent by the delivery worker.' },
    });
    await eventually(
      'the update reaches Milan',
      async () =>
        (await milan.registry.initiatives.findById(`${web.url}/initiatives/atemos`))?.record.summary.en ===
        'Sewing workshops, sent by the delivery worker.',
    );
    expect((await milan.registry.initiatives.findById(`${web.url}/initiatives/atemos`))?.origin).toMatchObject({
      kind: 'remote',
      node: `${web.url}/nodes/liege`,
    });
    await eventually('the queue drains', async () => (await queued()) === 0);
    expect(await queued()).toBe(0);
  });

  it('the worker serves only its health check over HTTP', async () => {
    expect((await fetch(`${worker.url}/healthz`)).status).toBe(200);
    const api = await fetch(`${worker.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ thisNode { slug } }"}',
    });
    expect(api.status).toBe(404);
    expect(await api.text()).toContain('PROCESS_ROLE=worker');
  });
});
