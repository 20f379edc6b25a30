// `npm run bench` (third bench): search over 100,000 synthetic listings. Generates them with
// `npm run generate` into a temporary store, starts a node on it in its own process, and prints
// each figure next to its target: in-process search (a word + two facet filters + every facet's
// counts) p50/p99, the same through GraphQL over HTTP, the index build, start to ready, process
// memory, and the ratio against a plain linear scan of the same data; then the site's pages on
// that node under load (issue 13: the search page and an initiative page at ≥ 300 pages/s,
// concurrency 10; page-load.ts). It reports; it exits non-zero only when something is broken.
import { fork, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ascending, envNumber, percentile } from './bench-measure.ts';
import { runBench } from './run-bench.ts';
import { benchQueries, GRAPHQL_SEARCH } from './search-bench-queries.ts';
import {
  checkPages,
  loadPages,
  pageLoadHeader,
  pageLoadLine,
  pageLoadParams,
  plainSearchRequests,
  recordPageRequests,
  searchPageRequests,
  type NodeCpu,
  type PageLoadFigures,
} from './page-load.ts';
import { CROSS_LANGUAGE_TERMS } from '../src/search/cross-language-terms.ts';
import { SYNTHETIC_PREFIX } from '../src/synthetic/synthetic-listings.ts';

/** The synthetic city node the measured node runs as. */
const NODE_HANDLE = 'syn-lyon';
const out = (text = '') => process.stdout.write(`${text}\n`);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function readParams() {
  return {
    listings: envNumber('BENCH_SEARCH_LISTINGS', 100_000),
    nodes: envNumber('BENCH_SEARCH_NODES', 20),
    queries: envNumber('BENCH_SEARCH_QUERIES', 2_000),
    httpQueries: envNumber('BENCH_SEARCH_HTTP_QUERIES', 500),
  };
}

type Message = Record<string, any> & { phase: string };

/** Runs `npm run generate` in a child process into `dataDir`. */
function generate(dataDir: string, listings: number, nodes: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [here('../src/synthetic/generate.ts'), '--listings', String(listings), '--nodes', String(nodes), '--data-dir', dataDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`generate exited with ${code}: ${output}`)),
    );
  });
}

/** Starts the node side in its own process; resolves each phase's message as it comes. */
function startNodeProcess(args: string[]) {
  // With the V8 flags and the allocator's settings `npm start` gives the node (package.json,
  // scripts/run.mjs; ADR 0001).
  const child = fork(here('./search-bench-node.ts'), args, {
    execArgv: [...process.execArgv, '--expose-gc', '--max-semi-space-size=8', '--heap-growing-percent=20', '--initial-old-space-size=64'],
    env: { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072', ...process.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: Message[] = [];
  const waiting: Array<{ phase: string; resolve: (m: Message) => void }> = [];
  let failure: Error | null = null;
  child.on('message', (m: Message) => {
    messages.push(m);
    for (const w of waiting.filter((x) => x.phase === m.phase)) w.resolve(m);
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      if (code !== 0) failure = new Error(`the node process exited with code ${code}`);
      resolve();
    }),
  );
  return {
    child,
    exited,
    next(phase: string, timeoutMs = 600_000): Promise<Message> {
      const seen = messages.find((m) => m.phase === phase);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${phase}" from the node process within ${timeoutMs / 1000} s`)), timeoutMs);
        waiting.push({ phase, resolve: (m) => (clearTimeout(timer), resolve(m)) });
        void exited.then(() => failure && reject(failure));
      });
    },
  };
}

/**
 * Latency of the search through GraphQL over HTTP, one request at a time on one kept-alive
 * connection, with node:http as the load generator uses (undici's fetch cost the client side
 * about half a millisecond a request, which is not the server's).
 */
async function httpLatencies(
  url: string,
  count: number,
  nodes: number,
): Promise<{ p50: number; p99: number; mean: number; errors: number }> {
  const queries = benchQueries(count + 50, nodes);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let errors = 0;
  try {
    for (const [i, q] of queries.entries()) {
      const payload = JSON.stringify({
        query: GRAPHQL_SEARCH,
        variables: { input: { text: q.text, country: [q.country], sector: [q.sector] } },
      });
      const started = performance.now();
      const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          `${url}/graphql`,
          {
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'accept-language': 'en', 'content-length': Buffer.byteLength(payload) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
      const body = JSON.parse(text) as { errors?: Array<{ message: string }> };
      const elapsed = performance.now() - started;
      if (status !== 200 || body.errors?.length) {
        errors++;
        if (errors === 1) out(`  first GraphQL error: HTTP ${status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
      }
      if (i >= 50) times.push(elapsed);
    }
  } finally {
    agent.destroy();
  }
  const sorted = ascending(times);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: times.reduce((a, b) => a + b, 0) / times.length, errors };
}

/**
 * Time to first byte of the search page (server-rendered HTML: the page's GraphQL search, facets
 * and labels, then SvelteKit's rendering), one request at a time; none when the site is not built.
 */
async function pageTtfb(url: string, count: number, nodes: number): Promise<{ p50: number; p99: number; errors: number } | null> {
  const queries = benchQueries(count + 20, nodes);
  const times: number[] = [];
  let errors = 0;
  for (const [i, q] of queries.entries()) {
    const target = new URL('/search', url);
    target.searchParams.set('q', q.text);
    target.searchParams.append('country', q.country);
    target.searchParams.append('sector', q.sector);
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(target, { headers: { accept: 'text/html', 'accept-language': 'en' } }, (res) => {
        res.once('data', () => {
          if (i >= 20) times.push(performance.now() - started);
        });
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.resume();
      });
      req.on('error', reject);
      req.end();
    });
    if (status === 404 && i === 0) return null;
    if (status !== 200) errors++;
  }
  const sorted = ascending(times);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors };
}

/**
 * The site's pages under load on the 100,000-listing node: searches (a word and two filters, a
 * different one each time, in the nine languages), plain one-word searches, and one initiative
 * page of the node in every language. Null when the site is not built.
 */
async function pagesUnderLoad(url: string, nodes: number, nodeHandle: string, nodeCpu: NodeCpu): Promise<PageLoadFigures[]> {
  const loadParams = pageLoadParams();
  // More distinct searches than a run sends at the target, so none is asked twice in a row of the same kind.
  const seen = new Set<string>();
  const queries = benchQueries(6_000, nodes).filter((q) => {
    const key = `${q.text}|${q.country}|${q.sector}`;
    return !seen.has(key) && (seen.add(key), true);
  });
  const filtered = searchPageRequests(url, queries.slice(1_000, 4_000));
  const words = [...new Set(Object.values(CROSS_LANGUAGE_TERMS).flatMap((entry) => Object.values(entry).flatMap((w) => w.split(' '))))];
  const plain = plainSearchRequests(url, words);
  const listing = (await (
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($node: String!) { initiatives(first: 1, filter: { node: [$node] }) { edges { node { slug } } } }',
        variables: { node: nodeHandle },
      }),
    })
  ).json()) as { data?: { initiatives: { edges: Array<{ node: { slug: string } }> } } };
  const slug = listing.data?.initiatives.edges[0]?.node.slug;
  if (!slug) throw new Error(`${nodeHandle} published no initiative to load the initiative page of`);
  const initiative = await recordPageRequests(url, `/initiatives/${encodeURIComponent(slug)}`, SYNTHETIC_PREFIX);
  await checkPages([...filtered.slice(0, 9), ...plain.slice(0, 9)]);
  return [
    await loadPages(`search, word + 2 filters (${filtered.length} distinct, 9 languages)`, filtered, loadParams, nodeCpu),
    await loadPages(`search, one word (${plain.length} distinct, 9 languages)`, plain, loadParams, nodeCpu),
    await loadPages(`initiative /initiatives/${slug}, 9 languages`, initiative, loadParams, nodeCpu),
  ];
}

const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const row = (label: string, value: string, target: string, ok: boolean | null) =>
  out(`${label.padEnd(58)} ${value.padStart(12)}   target ${target.padEnd(10)} ${ok === null ? '' : verdict(ok)}`);

async function main(): Promise<number> {
  const params = readParams();
  const dataDir = mkdtempSync(join(tmpdir(), 'umn-search-bench-'));
  out(
    `Search benchmark: ${params.listings.toLocaleString('en')} synthetic listings over ${params.nodes} nodes; ${cpus().length} CPU(s), load average ${loadavg()[0]!.toFixed(1)} at start.`,
  );
  try {
    out('Generating the synthetic listings (npm run generate)…');
    const generateMs = await generate(dataDir, params.listings, params.nodes);
    out(`  done in ${(generateMs / 1000).toFixed(1)} s`);

    out('Opening the store alone, and timing a plain linear scan of the same data…');
    const storeOnly = startNodeProcess(['store-only', dataDir, NODE_HANDLE, String(params.queries), String(params.nodes)]);
    const store = await storeOnly.next('store-only');
    const linear = await storeOnly.next('linear');
    await storeOnly.exited;

    out('Starting a node on the store and measuring in its process…');
    const node = startNodeProcess(['node', dataDir, NODE_HANDLE, String(params.queries), String(params.nodes)]);
    // Whatever fails below, the node's process must not outlive the bench.
    const measured = await (async () => {
      try {
        const ready = await node.next('ready');
        const inProcess = await node.next('in-process');
        const oneWord = await node.next('one-word');
        const rebuild = await node.next('rebuild');
        await node.next('serving');
        out('Searching through GraphQL over HTTP (POST, one request at a time, from this process)…');
        const http = await httpLatencies(ready.url, params.httpQueries, params.nodes);
        out('Loading the search page (GET /search?q=…&country=…&sector=…, HTML), one request at a time…');
        const page = await pageTtfb(ready.url, Math.min(params.httpQueries, 200), params.nodes);
        // Memory before the pages under load: the scope of the RSS target (start, searches,
        // rebuild, one request at a time), as measured before those loads were added.
        node.child.send('memory');
        const beforeLoad = await node.next('memory', 60_000);
        let ssr: PageLoadFigures[] = [];
        if (page) {
          out(`Loading the site's pages under load (${pageLoadParams().concurrency} in flight; search page, initiative page)…`);
          let asked = 0;
          const nodeCpu: NodeCpu = {
            async read() {
              const phase = `cpu-${++asked}`;
              node.child.send({ cpu: asked });
              const answer = await node.next(phase, 10_000);
              return { main: answer.main as number, all: answer.all as number };
            },
            sharesProcessWithLoad: false,
          };
          ssr = await pagesUnderLoad(ready.url, params.nodes, NODE_HANDLE, nodeCpu);
        }
        node.child.send('stop');
        const stopped = await node.next('stopped');
        await node.exited;
        return { ready, inProcess, oneWord, rebuild, http, page, beforeLoad, ssr, stopped };
      } catch (error) {
        node.child.kill();
        throw error;
      }
    })();
    const { ready, inProcess, oneWord, rebuild, http, page, beforeLoad, ssr, stopped } = measured;

    const peakRss = Math.max(ready.maxRssMB, rebuild.maxRssMB, beforeLoad.maxRssMB);
    out();
    out(
      `results (${params.listings.toLocaleString('en')} listings, ${ready.stats.terms.toLocaleString('en')} terms, ${ready.stats.postings.toLocaleString('en')} postings; load average now ${loadavg()[0]!.toFixed(1)})`,
    );
    row('in-process: word + 2 facet filters + facet counts, p50', `${inProcess.p50.toFixed(3)} ms`, '≤ 2 ms', inProcess.p50 <= 2);
    row('in-process: word + 2 facet filters + facet counts, p99', `${inProcess.p99.toFixed(3)} ms`, '≤ 20 ms', inProcess.p99 <= 20);
    out(
      `in-process: one word, first page + facet counts, p50 over ${oneWord.words} words: ${oneWord.byBlocksP50.toFixed(3)} ms by block bounds, ${oneWord.everyMatchP50.toFixed(3)} ms scoring every match (same pages; ADR 0043)`,
    );
    // Issue 13: the GraphQL layer may add little to the search itself.
    row('same through GraphQL over HTTP, p50', `${http.p50.toFixed(2)} ms`, '≤ 3 ms', http.p50 <= 3);
    row('same through GraphQL over HTTP, p99', `${http.p99.toFixed(2)} ms`, '≤ 10 ms', http.p99 <= 10);
    row('index build at start (from the embedded store)', `${(ready.buildMs / 1000).toFixed(2)} s`, '≤ 10 s', ready.buildMs <= 10_000);
    row('index rebuild on a running node', `${(rebuild.durationMs / 1000).toFixed(2)} s`, '≤ 10 s', rebuild.durationMs <= 10_000);
    if (page) {
      row('search page (HTML) time to first byte, p50', `${page.p50.toFixed(2)} ms`, '≤ 50 ms', page.p50 <= 50);
      row('search page (HTML) time to first byte, p99 (no target)', `${page.p99.toFixed(2)} ms`, '-', null);
      if (page.errors) out(`  ${page.errors} search page request(s) did not answer 200`);
    } else out('search page: the site is not built, not measured (npm run bench builds it)');
    if (ssr.length) {
      out();
      out(pageLoadHeader());
      for (const figures of ssr) out(pageLoadLine(figures));
      out();
    }
    row(
      'node start to ready (process start, store, index, HTTP)',
      `${(ready.readyMs / 1000).toFixed(2)} s`,
      '≤ 15 s',
      ready.readyMs <= 15_000,
    );
    row('process RSS when ready (after GC)', `${ready.rssMB} MB`, '≤ 600 MB', ready.rssMB <= 600);
    // maxRSS only grows: the first phase that shows the peak is where it was reached.
    const peakPhase = ready.maxRssMB === peakRss ? 'start' : rebuild.maxRssMB === peakRss ? 'searches and rebuild' : 'pages one at a time';
    row(
      `process RSS, peak (start ${ready.maxRssMB}, rebuild ${rebuild.maxRssMB}, pages one at a time ${beforeLoad.maxRssMB}; reached at: ${peakPhase})`,
      `${peakRss} MB`,
      '≤ 600 MB',
      peakRss <= 600,
    );
    if (ssr.length) row('process RSS after the pages under load (10 in flight, after GC)', `${stopped.rssMB} MB`, '-', null);
    row('  the embedded store alone (resident fields, same data)', `${store.rssMB} MB`, '-', null);
    row('  ArrayBuffers (typed arrays of the index, HTTP buffers)', `${ready.arrayBuffersMB} MB`, '-', null);
    row('linear scan of the same data (filters, then fold + split), p50', `${linear.p50.toFixed(1)} ms`, '-', null);
    out(`ratio linear scan / index (p50): ${(linear.p50 / inProcess.p50).toFixed(0)}× faster with the index`);
    if (http.errors) out(`GraphQL errors: ${http.errors}`);
    out('The machine is shared: figures vary between runs (2 cores; see the load averages above).');
    mkdirSync(here('../bench-results'), { recursive: true });
    writeFileSync(
      here('../bench-results/search.json'),
      JSON.stringify(
        { params, generateMs, store, ready, inProcess, oneWord, linear, rebuild, http, page, beforeLoad, ssr, stopped, loadavg: loadavg() },
        null,
        2,
      ),
    );
    return http.errors || ssr.some((figures) => figures.errors > 0) ? 1 : 0;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await runBench(main);
