// Market federation bench (issue 15 point 5): one publishing node (liege) and BENCH_MARKET_PARTNERS
// partner nodes (default 20) on 127.0.0.1, all in this process, each with its own embedded store.
// Every partner follows the publisher; the bench then publishes BENCH_MARKET_PUBLISHES synthetic
// sourcing requests (default 10), one at a time, and measures for each
//   - stored: from the approval returning on the publisher until the request is stored as a copy
//     on EVERY partner (p50 / p99 over the requests). Target for the whole path: p50 ≤ 2 s.
//   - matched: until every partner emitted `market.matched` for it, when a matching module is
//     installed (issue 15 contract B); reported as "not installed" otherwise. Editors' notices
//     follow that event in the same process (contract C), so this is the figure the target is
//     about once both modules are merged.
// All partners share this process (and its event loop) with the publisher, so on a busy machine
// the figures are upper bounds; the listing bench (federation.bench.ts) runs its followers in
// other processes. The bench reports; it exits 0 whether or not the target is met, and non-zero
// only when something is broken (a node that does not start, a follow never accepted).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { TestNode } from '../src/testing/test-node.ts';
import {
  OPERATOR,
  PUBLISHER_HANDLE,
  actorOf,
  eventually,
  followerHandle,
  mapLimit,
  prepareDataDir,
  startFederatedNode,
} from './federation-cluster.ts';
import { ascending, envNumber, fmtMs, percentile } from './bench-measure.ts';
import { runBench } from './run-bench.ts';

const TARGET_MS = 2_000;

const params = {
  partners: envNumber('BENCH_MARKET_PARTNERS', 20),
  publishes: envNumber('BENCH_MARKET_PUBLISHES', 10),
  timeoutS: envNumber('BENCH_MARKET_TIMEOUT_SECONDS', 60),
};

const dayFrom = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * One initiative a partner's matching can find for the request: a copy of a seeded Liège listing
 * (interpreting, in Liège), renamed and labelled synthetic, owned by the partner node.
 */
const SEEDED = JSON.parse(readFileSync(new URL('../../seeds/liege/initiatives/univerbal.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
async function addMatchableInitiative(node: TestNode, nodeHandle: string): Promise<void> {
  const record = {
    ...SEEDED,
    handle: `synthetic-interpreting-${nodeHandle}`,
    name: { en: `[synthetic] Interpreting cooperative of ${nodeHandle}` },
    alternateNames: [],
    practices: [],
    supportedBy: [],
    node: nodeHandle,
  };
  const editorial = node.registry.initiativeEditorial;
  let doc = await editorial.create(OPERATOR, record as never);
  doc = await editorial.submit(OPERATOR, doc._id, doc.version);
  await editorial.approve(OPERATOR, doc._id, doc.version);
}

/** A synthetic sourcing request, clearly labelled as such. */
function syntheticRequest(handle: string, n: number) {
  return {
    handle,
    kind: 'request',
    title: { en: `Synthetic benchmark request ${n}` },
    summary: { en: 'Synthetic request published by the market federation bench; not a real purchase.' },
    originalLanguage: 'en',
    owner: { organisation: 'Synthetic benchmark buyer' },
    // The partners' synthetic initiative's sector and place (interpreting, Liège).
    sectors: ['AM80'],
    area: { country: 'BE', locality: 'Liège' },
    expiresOn: dayFrom(30),
    request: { requestKind: 'sourcing', intent: 'social-clause', budgetBand: '30k-140k' },
  };
}

async function main(): Promise<number> {
  // Every node in this process listens for SIGINT and SIGTERM to stop cleanly: 21 nodes are expected, not a leak.
  process.setMaxListeners(params.partners + 10);
  process.stdout.write(`market federation bench: ${params.partners} partner(s), ${params.publishes} request(s)\n`);
  const publisher = await startFederatedNode(PUBLISHER_HANDLE);
  const partners: TestNode[] = [];
  const matched = new Map<string, Set<string>>();
  try {
    const started = await mapLimit(
      Array.from({ length: params.partners }, (_, i) => followerHandle(i)),
      4,
      async (handle) => {
        const node = await startFederatedNode(handle, await prepareDataDir(handle));
        await addMatchableInitiative(node, handle);
        // The matching module's event, if it is installed: contract B's `market.matched`.
        node.registry.events.subscribe((event) => {
          const e = event as { type: string; record?: { iri?: string } };
          if (e.type !== 'market.matched' || !e.record?.iri) return;
          const seen = matched.get(e.record.iri) ?? new Set<string>();
          seen.add(handle);
          matched.set(e.record.iri, seen);
        });
        return node;
      },
    );
    partners.push(...started);
    for (const node of partners) await node.federation.partners.follow(OPERATOR, actorOf(publisher, PUBLISHER_HANDLE));
    await eventually(
      'every follow asked',
      async () => (await publisher.federation.partners.list(OPERATOR)).filter((p) => p.followedBy === 'pending').length === partners.length,
      params.timeoutS * 1000,
    );
    for (const p of (await publisher.federation.partners.list(OPERATOR)).filter((f) => f.followedBy === 'pending'))
      await publisher.federation.partners.decide(OPERATOR, p.actor, true);
    await eventually(
      'every follow accepted',
      async () => {
        const lists = await Promise.all(partners.map((n) => n.federation.partners.list(OPERATOR)));
        return lists.every((list) => list.some((p) => p.following === 'accepted'));
      },
      params.timeoutS * 1000,
    );
    await Promise.all(partners.map((n) => n.federation.settled()));

    const stored: number[] = [];
    const allMatched: number[] = [];
    let matchingInstalled: boolean | null = null;
    for (let n = 0; n < params.publishes; n++) {
      const handle = `bench-request-${Date.now()}-${n}`;
      const iri = `${publisher.url}/market/${handle}`;
      const editorial = publisher.registry.marketEditorial;
      let doc = await editorial.create(OPERATOR, syntheticRequest(handle, n) as never);
      doc = await editorial.submit(OPERATOR, doc._id, doc.version);
      await editorial.approve(OPERATOR, doc._id, doc.version);
      const t0 = performance.now();
      const pending = new Set(partners);
      await eventually(
        `request ${n} stored on every partner`,
        async () => {
          for (const node of [...pending]) if (await node.registry.marketRecords.findById(iri)) pending.delete(node);
          return pending.size === 0;
        },
        params.timeoutS * 1000,
        10,
      );
      stored.push(performance.now() - t0);
      // Matching runs on the copy's event. Without a matching module nothing ever comes: the first
      // request finds out (a short wait), and the later ones do not wait at all.
      if (matchingInstalled !== false) {
        const reached = await eventually(
          `request ${n} matched on every partner`,
          async () => (matched.get(iri)?.size ?? 0) === partners.length,
          matchingInstalled ? params.timeoutS * 1000 : 3_000,
          10,
        ).catch(() => false);
        if (reached) allMatched.push(performance.now() - t0);
        matchingInstalled = matched.size > 0;
      }
    }
    const s = ascending(stored);
    process.stdout.write(
      `publish → stored on all ${partners.length} partners: p50 ${fmtMs(percentile(s, 50))}, p99 ${fmtMs(percentile(s, 99))} ` +
        `(target p50 ≤ ${fmtMs(TARGET_MS)} for the whole path: ${percentile(s, 50) <= TARGET_MS ? 'met' : 'MISSED'})\n`,
    );
    if (allMatched.length) {
      const m = ascending(allMatched);
      process.stdout.write(`publish → matched on all partners: p50 ${fmtMs(percentile(m, 50))}, p99 ${fmtMs(percentile(m, 99))}\n`);
    } else process.stdout.write('publish → matched on all partners: not measured (no matching module emitted market.matched)\n');
    return 0;
  } finally {
    await Promise.allSettled(partners.map((n) => n.close()));
    await publisher.close();
  }
}

await runBench(main);
