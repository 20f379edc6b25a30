// `npm run bench -- matching`: matching one new request at 100,000 synthetic listings over 20
// nodes (issue 15 point 2, ADR 0036). Generates the listings with `npm run generate` into a
// temporary store, marks about 3% of the initiatives eligible for reserved contracts (the field
// of contract A, written as the eligibility form will), starts a node on it (syn-lyon, holding its
// own listings and its 19 partners'), then times MarketMatching.matchRecord for each of
// BENCH_MATCH_REQUESTS synthetic requests: read the request, find candidates on the search
// index's bitsets, read the best 100 initiatives, apply the rules, store the matches and emit
// `market.matched`. Targets: p50 ≤ 20 ms, p99 ≤ 100 ms. Then (ADR 0055) it opens more requests
// until BENCH_REMATCH_RECORDS (default 1,000) are open and times MarketMatching.rematchInitiative
// for BENCH_REMATCH_INITIATIVES initiatives spread over the store: one changed initiative matched
// against every open record, its new matches stored and emitted. Reports; exits non-zero only
// when something is broken.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNode } from '../src/main.ts';
import type { MarketRecord } from '../src/market/market-record.ts';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { SYNTHETIC_CITIES } from '../src/synthetic/synthetic-cities.ts';
import { testConfig } from '../src/testing/test-node.ts';
import { ascending, envNumber, percentile } from './bench-measure.ts';
import { runBench } from './run-bench.ts';

const out = (text = '') => process.stdout.write(`${text}\n`);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const SECTORS = Array.from({ length: 16 }, (_, i) => `AM${(i + 1) * 10}`);
const CPV = ['55520000-1', '90911200-8', '79530000-8', '80500000-9', '85310000-5', '45000000-7', '77310000-6', '72200000-7'];
const BUDGETS = ['under-30k', '30k-140k', '140k-eu-threshold', 'not-known'];
/** Share of initiatives marked eligible (one in ELIGIBLE_EVERY). */
const ELIGIBLE_EVERY = 33;

function generate(dataDir: string, listings: number, nodes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [here('../src/synthetic/generate.ts'), '--listings', String(listings), '--nodes', String(nodes), '--data-dir', dataDir],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generate exited with ${code}`))));
  });
}

/** Deterministic synthetic requests over the nodes' cities: sectors or CPV codes, a city or a radius, every intent. */
function requests(count: number, nodes: number): MarketRecord[] {
  const cities = SYNTHETIC_CITIES.slice(0, nodes);
  let state = 4242;
  const next = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const city = cities[next(cities.length)]!;
    const byRadius = next(3) === 0;
    const intent = (['none', 'none', 'none', 'social-clause', 'reserved-contract'] as const)[next(5)]!;
    return {
      handle: `bench-request-${i}`,
      kind: 'request',
      title: { [city.language]: `Request ${i}` },
      summary: { [city.language]: `Synthetic request ${i}` },
      originalLanguage: city.language,
      owner: { organisation: `Synthetic buyer of ${city.locality}` },
      sectors: next(2) === 0 ? [SECTORS[next(16)]!, SECTORS[next(16)]!] : [],
      area: byRadius
        ? { country: city.country, centre: { lat: city.lat + 0.05, lon: city.lon - 0.05 }, radiusKm: 5 + next(40) }
        : { country: city.country, locality: city.locality },
      expiresOn: '2099-12-31',
      request: {
        requestKind: 'sourcing',
        intent,
        cpvCodes: [CPV[next(CPV.length)]!],
        budgetBand: BUDGETS[next(BUDGETS.length)]!,
      },
      node: 'syn-lyon',
    } satisfies MarketRecord;
  });
}

async function markEligible(dataDir: string): Promise<number> {
  const store = EmbeddedStore.open(dataDir);
  try {
    const initiatives = store.collection('initiatives');
    const ids = (await initiatives.find({}, { projection: { _id: 1 } })).map((d) => d._id).filter((_, i) => i % ELIGIBLE_EVERY === 0);
    await initiatives.updateMany(
      { _id: { $in: ids } },
      { $set: { 'record.eligibility': [{ basis: 'eu-art20', evidenceDate: '2026-01-01' }], 'record.teamSize': '5-9' } },
    );
    return ids.length;
  } finally {
    await store.close();
  }
}

/**
 * Opens requests until BENCH_REMATCH_RECORDS are open (the `open` already inserted count), then
 * times re-matching initiatives spread over the store against all of them (ADR 0055).
 */
async function benchRematch(
  registry: Awaited<ReturnType<typeof startNode>>['registry'],
  open: number,
  nodes: number,
): Promise<{ open: number; p50: number; p99: number; meanTold: number }> {
  const target = envNumber('BENCH_REMATCH_RECORDS', 1_000);
  const sample = envNumber('BENCH_REMATCH_INITIATIVES', 200);
  const now = new Date().toISOString();
  const more = requests(Math.max(target, open), nodes)
    .slice(open)
    .map((r, i) => ({ ...r, handle: `bench-open-${i}` }));
  for (const record of more)
    await registry.marketRecords.insert(record, { origin: { kind: 'local' }, state: 'published', now, id: record.handle });
  const ids = (await registry.store.collection('initiatives').find({}, { projection: { _id: 1 } })).map((d) => d._id as string);
  const every = Math.max(1, Math.floor(ids.length / (sample + 20)));
  const picked = ids.filter((_, i) => i % every === 0).slice(0, sample + 20);
  for (const id of picked.slice(0, 20)) await registry.marketMatching.rematchInitiative(id);
  const times: number[] = [];
  let told = 0;
  for (const id of picked.slice(20)) {
    const started = performance.now();
    told += (await registry.marketMatching.rematchInitiative(id)).told;
    times.push(performance.now() - started);
  }
  const sorted = ascending(times);
  return { open: open + more.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), meanTold: told / Math.max(1, times.length) };
}

async function main(): Promise<number> {
  const listings = envNumber('BENCH_MATCH_LISTINGS', 100_000);
  const nodes = envNumber('BENCH_MATCH_NODES', 20);
  const count = envNumber('BENCH_MATCH_REQUESTS', 200);
  const warmup = Math.min(50, count);
  out(`Matching: one new request at ${listings.toLocaleString('en')} synthetic listings over ${nodes} nodes (${count} requests)`);
  out(`load average before: ${loadavg()[0]!.toFixed(2)}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'umn-bench-matching-'));
  try {
    await generate(dataDir, listings, nodes);
    const eligible = await markEligible(dataDir);
    const node = await startNode(testConfig({ dataDir, nodeHandle: 'syn-lyon', seed: false, responseCache: false, logLevel: 'warning' }));
    try {
      const { marketRecords, marketMatching, search } = node.registry;
      out(
        `index: ${search.index.stats().listings.toLocaleString('en')} listings; ${eligible.toLocaleString('en')} initiatives marked eligible`,
      );
      const all = requests(count + warmup, nodes);
      const now = new Date().toISOString();
      for (const record of all)
        await marketRecords.insert(record, { origin: { kind: 'local' }, state: 'published', now, id: record.handle });
      for (const record of all.slice(0, warmup)) await marketMatching.matchRecord(record.handle);
      const times: number[] = [];
      let matches = 0;
      for (const record of all.slice(warmup)) {
        const started = performance.now();
        matches += (await marketMatching.matchRecord(record.handle)).length;
        times.push(performance.now() - started);
      }
      const sorted = ascending(times);
      const p50 = percentile(sorted, 50);
      const p99 = percentile(sorted, 99);
      out('');
      out('| measure | value | target |');
      out('| --- | --- | --- |');
      out(`| matching one request, p50 | ${ms(p50)} | ≤ 20 ms ${p50 <= 20 ? 'met' : 'MISSED'} |`);
      out(`| matching one request, p99 | ${ms(p99)} | ≤ 100 ms ${p99 <= 100 ? 'met' : 'MISSED'} |`);
      out(`| matches per request (mean, at most 50) | ${(matches / times.length).toFixed(1)} | |`);
      const rematched = await benchRematch(node.registry, all.length, nodes);
      out(
        `| re-matching one changed initiative against ${rematched.open.toLocaleString('en')} open records, p50 | ${ms(rematched.p50)} | |`,
      );
      out(
        `| re-matching one changed initiative against ${rematched.open.toLocaleString('en')} open records, p99 | ${ms(rematched.p99)} | |`,
      );
      out(`| records re-matched per initiative (mean) | ${rematched.meanTold.toFixed(2)} | |`);
      out(`load average after: ${loadavg()[0]!.toFixed(2)}`);
      if (matches === 0) {
        process.stderr.write('bench: no request matched anything; the matching or the synthetic data is broken.\n');
        return 1;
      }
      return 0;
    } finally {
      await node.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await runBench(main);
