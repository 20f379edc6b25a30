// Murmurations over time (ADR 0050): needs and offers leave the index when they expire, the node's
// own profile follows the admin's edits, and a change the index never heard of (made while no
// index was set, or lost in a crash) is sent at the next start.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { freePort } from '../testing/free-port.ts';
import { eventually } from '../testing/federated-nodes.ts';
import { MurmurationsIndexStandIn } from '../testing/murmurations-index-stand-in.ts';
import { OPERATOR as operator } from '../federation/partners/partner-service.ts';

const FAST = { retryBaseMs: 100, maxRetryMs: 400, maxAttempts: 50, spacingMs: 0, pollMs: 50, leaseMs: 5_000, requestTimeoutMs: 2_000 };
const DAY = 86_400_000;

let index: MurmurationsIndexStandIn;
let port: number;
/** How far the nodes' clock runs ahead of the real one (it keeps moving, so retries fall due). */
let ahead = 0;
const open: TestNode[] = [];

async function start(options: { indexed: boolean; dataDir?: string }): Promise<TestNode> {
  const node = await startTestNode(
    {
      port,
      publicUrl: new URL(`http://127.0.0.1:${port}`),
      ...(options.indexed ? { murmurationsIndexUrl: index.url } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    },
    { keepData: true, murmurations: FAST, now: () => new Date(Date.now() + ahead) },
  );
  open.push(node);
  return node;
}

const url = (path: string) => `http://127.0.0.1:${port}/murmurations/${path}.json`;

beforeAll(async () => {
  index = await new MurmurationsIndexStandIn().start();
  port = await freePort();
});

afterAll(async () => {
  for (const node of open) await node.close({ keepData: true }).catch(() => {});
  for (const node of open) rmSync(node.dataDir, { recursive: true, force: true });
  await index?.close();
});

describe('Murmurations over time', () => {
  it('re-registers the node profile when the admin edits it', async () => {
    const node = await start({ indexed: true });
    try {
      await node.murmurations.sync!.settled();
      expect(index.nodeOf(url('node'))?.status).toBe('posted');
      const current = (await node.registry.nodes.findById('liege'))!;
      const texts = Object.keys(current.record.name).map((language) => ({
        language,
        name: current.record.name[language],
        summary: language === 'fr' ? 'Registre liégeois, nouveau résumé.' : current.record.summary?.[language],
      }));
      await node.registry.nodeProfiles.update(operator, {
        version: current.version,
        texts,
        defaultLanguages: current.record.defaultLanguages,
        operators: current.record.operators ?? [],
        ...(current.record.geo ? { geo: current.record.geo } : {}),
        ...(current.record.contact ? { contact: current.record.contact } : {}),
      });
      await eventually(async () => index.nodeOf(url('node'))?.profile?.description === 'Registre liégeois, nouveau résumé.');
    } finally {
      await node.close({ keepData: true });
    }
  }, 30_000);

  it('removes expired needs and offers from the index: 404 first, then DELETE', async () => {
    const node = await start({ indexed: true, dataDir: open[0]!.dataDir });
    try {
      await node.murmurations.sync!.settled();
      const offers = await node.registry.publicMarketRecords.openLocal();
      expect(offers.length).toBeGreaterThan(3);
      for (const doc of offers) expect(index.nodeOf(url(`market/${doc._id}`))?.status).toBe('posted');
      // A year later every seeded record has expired; the expiry sweep tells it.
      ahead += 365 * DAY;
      await node.registry.marketExpiry.sweep();
      for (const doc of offers) {
        const profile = url(`market/${doc._id}`);
        expect((await fetch(profile)).status).toBe(404);
        await eventually(async () => index.nodeOf(profile)?.status === 'deleted');
      }
      const deletes = index.requests.filter((r) => r.method === 'DELETE');
      expect(deletes.length).toBeGreaterThanOrEqual(offers.length);
      expect(deletes.every((r) => r.profileAnswered === 404)).toBe(true);
    } finally {
      await node.close({ keepData: true });
    }
  }, 30_000);

  it('sends at the next start what changed while no index was set', async () => {
    const dataDir = open[0]!.dataDir;
    const quiet = await start({ indexed: false, dataDir });
    const doc = (await quiet.registry.initiatives.findById('atemos'))!;
    await quiet.registry.initiativeEditorial.unpublish(operator, 'atemos', doc.version);
    const sirius = (await quiet.registry.initiatives.findById('sirius-hub'))!;
    await quiet.registry.initiativeEditorial.update(operator, 'sirius-hub', sirius.version, {
      description: { ...sirius.record.description, [sirius.record.originalLanguage]: 'Changée pendant que l’index dormait.' },
    });
    await quiet.close({ keepData: true });
    expect(index.nodeOf(url('initiatives/atemos'))?.status).toBe('posted');

    const node = await start({ indexed: true, dataDir });
    try {
      await eventually(async () => index.nodeOf(url('initiatives/atemos'))?.status === 'deleted');
      await eventually(
        async () => index.nodeOf(url('initiatives/sirius-hub'))?.profile?.description === 'Changée pendant que l’index dormait.',
      );
    } finally {
      await node.close();
    }
  }, 40_000);
});
