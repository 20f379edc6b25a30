// `npm run bench`: requests per second and p50/p99 latency of `initiatives(first: 20)` through
// the whole stack (Express, Apollo, resolvers, embedded store). The headline is the uncached
// POST with a JSON body: what Apollo Client, urql and Relay send, what the site's own server
// rendering sends, what every signed-in request is. Beside it, in the same run: the cached GET
// (answered by the response cache), the uncached GET, a minimal Apollo Server 5 + Express 5
// "hello" query (what the stack itself costs), and a bare node:http server returning the same
// bytes. Targets: the POST at least 0.5 of the minimal Apollo server with p99 ≤ 20 ms; the
// cached GET at least 0.5 of the bare server. The bench reports; it exits non-zero only when
// something is broken (a node that does not start, GraphQL errors, failed requests).
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { loadInWorker } from './load-in-worker.ts';
import { loadConfig } from '../src/config/config.ts';
import { startNode } from '../src/main.ts';
import { testConfig } from '../src/testing/test-node.ts';
import type { LoadOptions, LoadResult } from './load-generator.ts';
import { runBench } from './run-bench.ts';
import { envNumber, percentile } from './bench-measure.ts';

const QUERY =
  '{ initiatives(first: 20) { totalCount edges { node { id slug name { text language } summary { text } primarySector { code label } languagesOffered { code } location { locality country { code } } } } } }';
const HEADERS = { accept: 'application/json' };
const POST_HEADERS = { ...HEADERS, 'content-type': 'application/json' };
const TARGET = 0.5;
const P99_TARGET_MS = 20;
const HELLO = JSON.stringify({ query: '{ hello }' });

/** One way of asking: the URL, and for a POST its JSON body. */
interface Ask {
  url: string;
  body?: string;
}

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
    concurrency: envNumber('BENCH_CONCURRENCY', 10, true),
    warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 1, false),
    seconds: envNumber('BENCH_SECONDS', 5, false),
    maxRequests: envNumber('BENCH_MAX_REQUESTS', 200_000, true),
    // (a) and (d) alternate this many times, so that a burst of other work on the machine falls
    // on both alike; the headline is the round with the median ratio.
    rounds: envNumber('BENCH_ROUNDS', 3, true),
  };
}

// Read inside main's try, so a bad knob ends with its message rather than a stack trace.
let params: ReturnType<typeof readParams>;

const out = (text = '') => process.stdout.write(`${text}\n`);

/** Runs the load generator in a worker thread, so the servers here keep the main loop to themselves. */
function load(ask: Ask, expectedLength: number): Promise<LoadResult> {
  const options: LoadOptions = {
    url: ask.url,
    ...(ask.body === undefined ? { headers: HEADERS } : { headers: POST_HEADERS, method: 'POST', body: ask.body }),
    expectedLength,
    concurrency: params.concurrency,
    warmupMs: params.warmupSeconds * 1000,
    durationMs: params.seconds * 1000,
    maxRequests: params.maxRequests,
  };
  return loadInWorker(options);
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

/** Asks once: the bytes the bare server will return, and a check that the server answers well. */
async function fetchOnce(
  ask: Ask,
  check: (data: Record<string, unknown>) => string | null,
): Promise<{ body: Buffer; contentType: string }> {
  const response = await fetch(
    ask.url,
    ask.body === undefined ? { headers: HEADERS } : { method: 'POST', headers: POST_HEADERS, body: ask.body },
  );
  const body = Buffer.from(await response.arrayBuffer());
  const how = ask.body === undefined ? 'GET' : 'POST';
  if (response.status !== 200) throw new Error(`${how} /graphql answered ${response.status}: ${body.toString().slice(0, 500)}`);
  const parsed = JSON.parse(body.toString()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  if (parsed.errors?.length) throw new Error(`${how} /graphql answered errors: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const problem = check(parsed.data ?? {});
  if (problem) throw new Error(`${how} /graphql: ${problem}`);
  return { body, contentType: response.headers.get('content-type') ?? 'application/json' };
}

const hasInitiatives = (data: Record<string, unknown>) =>
  ((data.initiatives as { edges?: unknown[] } | undefined)?.edges?.length ?? 0) > 0
    ? null
    : 'no initiatives in the answer; is the node seeded?';

/** Runs `fn` against a seeded node on a fresh temp store, then removes it all. */
async function withNode<T>(responseCache: boolean, fn: (url: string) => Promise<T>): Promise<T> {
  // `as never`: compiles whether or not Config already has the `responseCache` field.
  const config = testConfig({ responseCache } as never);
  try {
    const node = await startNode(config);
    try {
      return await fn(node.url);
    } finally {
      await node.close();
    }
  } finally {
    rmSync(config.dataDir, { recursive: true, force: true });
  }
}

/** Measures the listing query through a node, once. */
function graphqlScenario(label: string, options: { responseCache: boolean; post: boolean }) {
  return withNode(options.responseCache, async (url) => {
    const ask = listingAsk(url, options.post);
    const { body, contentType } = await fetchOnce(ask, hasInitiatives);
    return { scenario: summarise(label, await load(ask, body.length)), body, contentType };
  });
}

const listingAsk = (url: string, post: boolean): Ask =>
  post ? { url: `${url}/graphql`, body: JSON.stringify({ query: QUERY }) } : { url: `${url}/graphql?query=${encodeURIComponent(QUERY)}` };

/** Runs `fn` against a minimal Apollo Server 5 + Express 5 answering `{ hello }` over POST: what the stack itself costs. */
async function withHello<T>(fn: (ask: Ask, length: number) => Promise<T>): Promise<T> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  try {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const ask: Ask = { url: `http://127.0.0.1:${port}/graphql`, body: HELLO };
    const { body } = await fetchOnce(ask, (data) => (data.hello === 'world' ? null : 'the hello server did not say hello'));
    return await fn(ask, body.length);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await apollo.stop();
  }
}

interface Round {
  post: Scenario;
  hello: Scenario;
  ratio: number;
}

/** (a) the uncached POST and (d) the minimal Apollo server, alternating for `params.rounds` rounds. */
function headlineRounds() {
  return withNode(true, (url) =>
    withHello(async (helloAsk, helloLength) => {
      const ask = listingAsk(url, true);
      const { body, contentType } = await fetchOnce(ask, hasInitiatives);
      const rounds: Round[] = [];
      // One round first, not counted: a node just started runs its code unoptimised for seconds
      // (V8 optimises what runs hot), and every first round came out lowest; a node in service is warm.
      for (let i = -1; i < params.rounds; i++) {
        const post = summarise('(a) GraphQL POST, whole stack (uncached)', await load(ask, body.length));
        const hello = summarise('(d) minimal Apollo + Express, POST { hello }', await load(helloAsk, helloLength));
        if (i >= 0) rounds.push({ post, hello, ratio: post.rps / hello.rps });
      }
      return { rounds, body, contentType };
    }),
  );
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
    return summarise(label, await load({ url: `http://127.0.0.1:${port}/graphql?query=${encodeURIComponent(QUERY)}` }, body.length));
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

function ratioLine(name: string, ratio: number, target: number | null = TARGET): string {
  const verdict = target === null ? '' : ` — target ≥ ${target.toFixed(2)}: ${ratio >= target ? 'MET' : 'NOT MET'}`;
  return `ratio (${name}): ${ratio.toFixed(2)}${verdict}`;
}

async function main(): Promise<number> {
  params = readParams();
  const cpu = cpus();
  out(
    'UMN registry bench: initiatives(first: 20) through the whole stack, uncached POST first, against a minimal Apollo server and a bare node:http server',
  );
  out(`machine: Node ${process.version}, ${platform()} ${arch()}, ${cpu.length} CPUs, ${cpu[0]?.model ?? 'unknown CPU'}`);
  out(
    `parameters: concurrency ${params.concurrency}, warm-up ${params.warmupSeconds} s, measured phase ≤ ${params.seconds} s and ≤ ${params.maxRequests} requests per scenario, on 127.0.0.1, load generator in a worker thread`,
  );
  const startLoad = loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');
  if (!hasResponseCacheField())
    out('note: this build has no `responseCache` config field yet, so (b) and (c) run the same uncached stack.');
  out();

  // A POST never comes from the response cache (it answers anonymous GETs only), whatever the setting.
  const headline = await headlineRounds();
  out(`response: ${headline.body.length} bytes, ${headline.contentType}`);
  for (const [i, r] of headline.rounds.entries())
    out(
      `round ${i + 1}: (a) ${r.post.rps.toFixed(0)} req/s (p99 ${r.post.p99.toFixed(2)} ms), (d) ${r.hello.rps.toFixed(0)} req/s, ratio ${r.ratio.toFixed(2)}`,
    );
  const median = [...headline.rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(headline.rounds.length / 2)]!;
  const post = { scenario: median.post };
  const hello = median.hello;
  const cached = await graphqlScenario('(b) GraphQL GET, response cache on', { responseCache: true, post: false });
  const cold = await graphqlScenario('(c) GraphQL GET, response cache off', { responseCache: false, post: false });
  if (!cold.body.equals(cached.body)) out('note: (c) answered different bytes from (b); the bare server returns (b)’s.');
  const bare = await bareScenario('(e) bare node:http, same bytes as (b)', cached.body, cached.contentType);
  out(
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (1, 5, 15 min) at the end; ${startLoad} at the start`,
  );
  out('(a) and (d) below: the round with the median ratio');
  out();

  const rows = [post.scenario, cached.scenario, cold.scenario, hello, bare];
  printTable(rows);
  out();
  const ratioPostHello = post.scenario.rps / hello.rps;
  const ratioPostBare = post.scenario.rps / bare.rps;
  const ratioCached = cached.scenario.rps / bare.rps;
  const ratioCold = cold.scenario.rps / bare.rps;
  out(ratioLine('(a) uncached POST / (d) minimal Apollo (median round)', ratioPostHello));
  out(
    `p99 of (a) uncached POST: ${post.scenario.p99.toFixed(2)} ms — target ≤ ${P99_TARGET_MS} ms: ${post.scenario.p99 <= P99_TARGET_MS ? 'MET' : 'NOT MET'}`,
  );
  out(ratioLine('(a) uncached POST / (e) bare', ratioPostBare, null));
  out(ratioLine('(b) cached GET / (e) bare', ratioCached));
  out(ratioLine('(c) uncached GET / (e) bare', ratioCold, null));
  // A cache hit skips Express and GraphQL entirely, so (b) should be far faster than (c).
  if (cached.scenario.rps < 2 * cold.scenario.rps)
    out('note: (b) is not clearly faster than (c): the response cache does not seem to answer these requests.');

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
        headlineRounds: headline.rounds.map((r) => ({ postRps: r.post.rps, postP99: r.post.p99, helloRps: r.hello.rps, ratio: r.ratio })),
        loadAverage: { start: startLoad, end: loadavg() },
        ratios: {
          uncachedPostOverMinimalApollo: ratioPostHello,
          uncachedPostOverBare: ratioPostBare,
          cachedGetOverBare: ratioCached,
          uncachedGetOverBare: ratioCold,
          target: TARGET,
          p99TargetMs: P99_TARGET_MS,
        },
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
