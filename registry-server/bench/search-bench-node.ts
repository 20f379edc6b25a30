// The node side of the search benchmark, run in its own process (started by search.bench.ts with
// --expose-gc and an IPC channel): starts a node on the generated store, then measures what only
// the node's process can see (start time, memory, in-process searches, an index rebuild) and
// keeps serving GraphQL until it is told to stop. In "store-only" mode it opens the store alone
// (its memory, for the breakdown) and times a plain linear scan of the same data, in a process
// of its own so that holding every whole document does not count against the node's memory.
import { startNode } from '../src/main.ts';
import { testConfig } from '../src/testing/test-node.ts';
import { defaultRenderThreads } from '../src/config/config.ts';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { fold } from '../src/search/fold.ts';
import { goodPracticeDocument, initiativeDocument } from '../src/search/search-document.ts';
import type { StoredInitiative } from '../src/initiatives/initiative-repository.ts';
import type { StoredGoodPractice } from '../src/practices/good-practice-repository.ts';
import { PUBLISHED } from '../src/records/record-repository.ts';
import { benchQueries, type BenchQuery } from './search-bench-queries.ts';
import { ascending, percentile } from './bench-measure.ts';
import { processCpuMs, threadCpuMs } from './page-load.ts';

const send = (message: unknown) => process.send!(message);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round(bytes / 1e6);

function memory() {
  gc();
  const m = process.memoryUsage();
  return {
    rssMB: mb(m.rss),
    heapMB: mb(m.heapUsed),
    arrayBuffersMB: mb(m.arrayBuffers),
    maxRssMB: mb(process.resourceUsage().maxRSS * 1024),
  };
}

const [mode, dataDir, nodeHandle, queryCount, nodeCount] = process.argv.slice(2) as [string, string, string, string, string];

if (mode === 'store-only') {
  // What the embedded store's in-memory part costs on its own, for the memory breakdown.
  const store = EmbeddedStore.open(dataDir);
  send({ phase: 'store-only', ...memory() });
  send({ phase: 'linear', ...(await linearScan(store, benchQueries(Number(queryCount), Number(nodeCount)).slice(0, 30))) });
  await store.close();
  process.exit(0);
}

// With the web site (when built), so search.bench.ts can time the search page too (issue #6).
const node = await startNode(
  testConfig({ dataDir, nodeHandle, seed: false, responseCache: false, logLevel: 'warning', renderThreads: defaultRenderThreads() }),
  { web: true },
);
// performance.now() counts from the start of this process.
const readyMs = performance.now();
send({
  phase: 'ready',
  readyMs,
  buildMs: node.registry.search.lastBuild?.durationMs,
  url: node.url,
  stats: node.registry.search.index.stats(),
  ...memory(),
});

const search = node.registry.search;
const queries = benchQueries(Number(queryCount), Number(nodeCount));
const run = (q: BenchQuery) => search.search({ text: q.text, filters: { country: [q.country], sector: [q.sector] }, first: 20 });
for (const q of queries.slice(0, 300)) run(q);
const times: number[] = [];
let matches = 0;
for (const q of queries) {
  const started = performance.now();
  const result = run(q);
  times.push(performance.now() - started);
  matches += result.total;
}
const sorted = ascending(times);
send({
  phase: 'in-process',
  p50: percentile(sorted, 50),
  p99: percentile(sorted, 99),
  mean: times.reduce((a, b) => a + b, 0) / times.length,
  queries: times.length,
  meanMatches: matches / times.length,
  ...memory(),
});

// One-word searches (the search page's first page, every facet counted), the first page found by
// block bounds against every match scored (ADR 0043), alternating in one run, same words.
const oneWords = [...new Set(queries.map((q) => q.text))];
const oneWord = (text: string, exhaustive: boolean) => search.search({ text, first: 20, exhaustive });
for (const text of oneWords.slice(0, 100)) {
  oneWord(text, true);
  oneWord(text, false);
}
const byBlocks: number[] = [];
const everyMatch: number[] = [];
for (const text of oneWords) {
  let started = performance.now();
  oneWord(text, true);
  everyMatch.push(performance.now() - started);
  started = performance.now();
  oneWord(text, false);
  byBlocks.push(performance.now() - started);
}
const p50 = (times: number[]) => percentile(ascending(times), 50);
send({ phase: 'one-word', words: oneWords.length, byBlocksP50: p50(byBlocks), everyMatchP50: p50(everyMatch) });

// The index build alone, from the store already in memory (what a rebuild costs).
const rebuild = await search.rebuild();
send({ phase: 'rebuild', durationMs: rebuild.durationMs, listings: rebuild.listings, terms: rebuild.terms, ...memory() });

send({ phase: 'serving' });
process.on('message', async (message) => {
  // The CPU time of this thread (HTTP, GraphQL, the store), and of the process (with the render threads).
  if (typeof message === 'object' && message !== null && 'cpu' in message) {
    send({ phase: `cpu-${(message as { cpu: number }).cpu}`, main: threadCpuMs(), all: processCpuMs() });
  }
  if (message === 'memory') send({ phase: 'memory', ...memory() });
  if (message === 'stop') {
    const final = memory();
    await node.close();
    send({ phase: 'stopped', ...final });
    process.exit(0);
  }
});

/**
 * A plain linear scan of the same data, as a search without an index would do it: for every
 * published listing, the two filters first, then fold and split its public texts and look for
 * the word; then count the facets of the matches. The whole documents are read once, before
 * timing, so the figure is the scan alone.
 */
async function linearScan(store: EmbeddedStore, queries: BenchQuery[]) {
  const wholeDocs = async <T extends { _id: string }>(name: string): Promise<T[]> => {
    const docs: T[] = [];
    for await (const batch of store.collection<T & { _id: string }>(name).findInBatches(PUBLISHED, 5_000)) docs.push(...batch);
    return docs;
  };
  const initiatives = await wholeDocs<StoredInitiative>('initiatives');
  const practices = await wholeDocs<StoredGoodPractice>('goodPractices');
  const linear = (q: BenchQuery) => {
    const word = fold(q.text.toLowerCase());
    const counts = new Map<string, number>();
    let total = 0;
    const visit = (doc: ReturnType<typeof goodPracticeDocument>) => {
      if (doc.country !== q.country || !doc.sector.includes(q.sector)) return;
      for (const part of doc.texts) {
        if (
          fold(part.text.toLowerCase())
            .split(/[^\p{L}\p{N}]+/u)
            .includes(word)
        ) {
          total++;
          for (const value of [doc.node, doc.country, ...doc.sector, ...doc.legalForm, ...doc.languageOffered, ...doc.need])
            counts.set(value, (counts.get(value) ?? 0) + 1);
          return;
        }
      }
    };
    for (const doc of practices) visit(goodPracticeDocument(doc));
    for (const doc of initiatives) visit(initiativeDocument(doc, () => undefined));
    return total;
  };
  const times: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    linear(q);
    times.push(performance.now() - started);
  }
  const sorted = ascending(times);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), queries: times.length };
}
