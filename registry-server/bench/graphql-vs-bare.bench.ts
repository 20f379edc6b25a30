// `npm run bench`: requests per second and p50/p99 latency of `initiatives(first: 20)` through
// the whole stack (Express, Apollo, resolvers, embedded store), against a bare node:http server
// that returns the same bytes: the ratio says how much of the machine's HTTP capacity the
// registry keeps. Target: at least 0.5. The bench reports; it exits non-zero only when
// something is broken (a node that does not start, GraphQL errors, failed requests).
import { createServer, type Server } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../src/config/config.ts';
import { startNode } from '../src/main.ts';
import { testConfig } from '../src/testing/test-node.ts';
import type { LoadOptions, LoadResult } from './load-generator.ts';
import { runBench } from './run-bench.ts';
import { envNumber, percentile } from './bench-measure.ts';

const QUERY =
  '{ initiatives(first: 20) { totalCount edges { node { id slug name { text language } summary { text } primarySector { code label } languagesOffered { code } location { locality country { code } } } } } }';
const HEADERS = { accept: 'application/json' };
const TARGET = 0.5;

interface Scenario {
  label: string;
  requests: number;
  errors: number;
  firstError: string | undefined;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
}

function readParams() {
  return {
    concurrency: envNumber('BENCH_CONCURRENCY', 32, true),
    warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 1, false),
    seconds: envNumber('BENCH_SECONDS', 5, false),
    maxRequests: envNumber('BENCH_MAX_REQUESTS', 200_000, true),
  };
}

// Read inside main's try, so a bad knob ends with its message rather than a stack trace.
let params: ReturnType<typeof readParams>;

const out = (text = '') => process.stdout.write(`${text}\n`);

/** Runs the load generator in a worker thread, so the servers here keep the main loop to themselves. */
function load(url: string, expectedLength: number): Promise<LoadResult> {
  const options: LoadOptions = {
    url,
    headers: HEADERS,
    expectedLength,
    concurrency: params.concurrency,
    warmupMs: params.warmupSeconds * 1000,
    durationMs: params.seconds * 1000,
    maxRequests: params.maxRequests,
  };
  const worker = new Worker(new URL('./load-generator.ts', import.meta.url), { workerData: options });
  // Requests time out after 10 s in the worker; this is the backstop if the worker itself hangs.
  const limitMs = options.warmupMs + options.durationMs + 30_000;
  let timer: NodeJS.Timeout | undefined;
  return new Promise<LoadResult>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the load generator did not finish within ${limitMs / 1000} s`)), limitMs);
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load generator exited (code ${code}) without a result`)));
  }).finally(() => {
    clearTimeout(timer);
    return worker.terminate();
  });
}

function summarise(label: string, result: LoadResult): Scenario {
  const sorted = result.latenciesMs.sort();
  const at = (p: number) => percentile(sorted, p);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN;
  return {
    label,
    requests: result.completed,
    errors: result.errors,
    firstError: result.firstError,
    rps: result.completed / (result.elapsedMs / 1000),
    p50: at(50),
    p99: at(99),
    mean,
  };
}

/** Fetches the query once: the bytes the bare server will return, and a check that the node answers well. */
async function fetchOnce(url: string): Promise<{ body: Buffer; contentType: string }> {
  const response = await fetch(url, { headers: HEADERS });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET /graphql answered ${response.status}: ${body.toString().slice(0, 500)}`);
  const parsed = JSON.parse(body.toString()) as { data?: { initiatives?: { edges?: unknown[] } }; errors?: Array<{ message: string }> };
  if (parsed.errors?.length) throw new Error(`GET /graphql answered errors: ${parsed.errors.map((e) => e.message).join('; ')}`);
  if (!parsed.data?.initiatives?.edges?.length) throw new Error('GET /graphql answered no initiatives; is the node seeded?');
  return { body, contentType: response.headers.get('content-type') ?? 'application/json' };
}

/** Starts a seeded node on a fresh temp store, measures the query through it, then removes it all. */
async function graphqlScenario(label: string, responseCache: boolean): Promise<{ scenario: Scenario; body: Buffer; contentType: string }> {
  // `as never`: compiles whether or not Config already has the `responseCache` field.
  const config = testConfig({ responseCache } as never);
  try {
    const node = await startNode(config);
    try {
      const url = `${node.url}/graphql?query=${encodeURIComponent(QUERY)}`;
      const { body, contentType } = await fetchOnce(url);
      const scenario = summarise(label, await load(url, body.length));
      return { scenario, body, contentType };
    } finally {
      await node.close();
    }
  } finally {
    rmSync(config.dataDir, { recursive: true, force: true });
  }
}

async function bareScenario(label: string, body: Buffer, contentType: string): Promise<Scenario> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  try {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return summarise(label, await load(`http://127.0.0.1:${port}/graphql?query=${encodeURIComponent(QUERY)}`, body.length));
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
  }
}

function hasResponseCacheField(): boolean {
  try {
    return 'responseCache' in loadConfig({}, {});
  } catch {
    return false;
  }
}

function printTable(rows: Scenario[]): void {
  const header = [
    'scenario'.padEnd(44),
    'req/s'.padStart(9),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'mean ms'.padStart(8),
    'requests'.padStart(9),
    'errors'.padStart(7),
  ];
  out(header.join(' '));
  for (const r of rows) {
    out(
      [
        r.label.padEnd(44),
        r.rps.toFixed(0).padStart(9),
        r.p50.toFixed(2).padStart(8),
        r.p99.toFixed(2).padStart(8),
        r.mean.toFixed(2).padStart(8),
        String(r.requests).padStart(9),
        String(r.errors).padStart(7),
      ].join(' '),
    );
  }
}

function ratioLine(name: string, ratio: number): string {
  return `ratio (${name}): ${ratio.toFixed(2)} — target ≥ ${TARGET.toFixed(2)}: ${ratio >= TARGET ? 'MET' : 'NOT MET'}`;
}

async function main(): Promise<number> {
  params = readParams();
  const cpu = cpus();
  out('UMN registry bench: initiatives(first: 20) through the whole stack vs a bare node:http server');
  out(`machine: Node ${process.version}, ${platform()} ${arch()}, ${cpu.length} CPUs, ${cpu[0]?.model ?? 'unknown CPU'}`);
  out(
    `parameters: concurrency ${params.concurrency}, warm-up ${params.warmupSeconds} s, measured phase ≤ ${params.seconds} s and ≤ ${params.maxRequests} requests per scenario, GET on 127.0.0.1, load generator in a worker thread`,
  );
  if (!hasResponseCacheField())
    out('note: this build has no `responseCache` config field yet, so (a) and (b) run the same uncached stack.');
  out();

  const cached = await graphqlScenario('(a) GraphQL, whole stack, response cache on', true);
  out(`response: ${cached.body.length} bytes, ${cached.contentType}`);
  const cold = await graphqlScenario('(b) GraphQL, whole stack, response cache off', false);
  if (!cold.body.equals(cached.body)) out('note: (b) answered different bytes from (a); the bare server returns (a)’s.');
  const bare = await bareScenario('(c) bare node:http, same bytes', cached.body, cached.contentType);
  out();

  const rows = [cached.scenario, cold.scenario, bare];
  printTable(rows);
  out();
  const ratioCached = cached.scenario.rps / bare.rps;
  const ratioCold = cold.scenario.rps / bare.rps;
  out(ratioLine('whole stack / bare', ratioCached));
  out(ratioLine('whole stack, response cache off / bare', ratioCold));
  // A cache hit skips Express and GraphQL entirely, so (a) should be far faster than (b).
  if (cached.scenario.rps < 2 * cold.scenario.rps)
    out('note: (a) is not clearly faster than (b): the response cache does not seem to answer these requests.');

  const resultsDir = new URL('../bench-results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  const file = new URL('graphql-vs-bare.json', resultsDir);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { node: process.version, platform: platform(), arch: arch(), cpus: cpu.length, cpuModel: cpu[0]?.model },
        parameters: { ...params, query: QUERY, responseBytes: cached.body.length },
        scenarios: rows.map(({ firstError: _, ...r }) => r),
        ratios: { wholeStackOverBare: ratioCached, wholeStackNoCacheOverBare: ratioCold, target: TARGET },
      },
      null,
      2,
    )}\n`,
  );
  out(`figures written to registry-server/bench-results/graphql-vs-bare.json`);

  const failed = rows.filter((r) => r.errors > 0);
  for (const r of failed) process.stderr.write(`bench: ${r.errors} failed requests in "${r.label}", first: ${r.firstError}\n`);
  return failed.length ? 1 : 0;
}

await runBench(main);
