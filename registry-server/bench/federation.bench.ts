// Federation bench: one publishing node (liege) and BENCH_FOLLOWERS partner nodes (default 20) on
// 127.0.0.1, each with its own embedded store. The publisher runs in this process (the bench drives
// its editorial API directly); the followers run in BENCH_FOLLOWER_PROCESSES other processes
// (default 2, federation-follower-node.ts) at a lower priority: see "Process layout" in README.md
// for why. It measures
//   1. propagation: p50 / p99 time from a publish (approve returning) until the new listing is
//      readable through GraphQL (GET /graphql) on ALL followers. Target: p50 under 1 s.
//   2. drain: BENCH_UPDATES updates (default 1,000) issued as fast as the editorial API allows,
//      until every follower holds the last version of each record and every queue is empty:
//      deliveries per second = updates × followers ÷ elapsed. Target: at least 300.
// The bench reports; it exits 0 whether or not a target is met, and non-zero only when
// something is broken (a node that does not start, a follow that is never accepted, GraphQL
// errors).
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { OPERATOR, eventually, publishInitiative, sleep, updateSummary } from './federation-cluster.ts';
import { queueSize } from './federation-counts.ts';
import type { FollowerStatus } from './federation-follower-node.ts';
import type { FollowerProcess } from './federation-follower-process.ts';
import { diff, installTrace, merge, snapshot, traceTable, type Stats } from './federation-trace.ts';
import { closeGraphqlConnections, graphqlGet, graphqlRequestCount } from './graphql-get.ts';
import { runBench } from './run-bench.ts';
import { out, readParams, setUp, waitForQueues, type Cluster, type Nodes, type Params } from './federation-setup.ts';
import { ascending, fmtMs, measurePhase, percentile, useLine, type PhaseUse } from './bench-measure.ts';

const PROPAGATION_TARGET_MS = 1_000;
const RATE_TARGET = 300;

// ---------------------------------------------------------------------------------------------
// 1. Propagation of a new listing

interface PublishSample {
  handle: string;
  approveMs: number;
  createMs: number;
  allMs: number;
  perFollowerMs: number[];
  timedOut: number;
}

/** Polls one follower's GraphQL until the initiative is readable; the time since `start`, or Infinity. */
async function readableAfter(follower: FollowerProcess, iri: string, start: number, deadline: number, pollMs: number): Promise<number> {
  const query = `{ initiative(id: ${JSON.stringify(iri)}) { id updatedAt } }`;
  for (;;) {
    const data = await graphqlGet<{ initiative: { id: string } | null }>(follower.url, query);
    if (data.initiative?.id === iri) return performance.now() - start;
    if (performance.now() > deadline) return Infinity;
    await sleep(pollMs);
  }
}

async function propagation(params: Params, cluster: Cluster): Promise<{ samples: PublishSample[]; use: PhaseUse }> {
  const { publisher, followers } = cluster;
  const samples: PublishSample[] = [];
  const done = measurePhase();
  for (let i = 0; i < params.publishes; i++) {
    const label = `P${String(i + 1).padStart(3, '0')}`;
    const handle = `bench-publish-${String(i + 1).padStart(3, '0')}`;
    const iri = `${publisher.url}/initiatives/${handle}`;
    const { createMs, approveMs } = await publishInitiative(publisher, handle, label);
    // Measured from the moment the publish call (approve) returned, as the issue asks.
    const start = performance.now();
    const deadline = start + params.publishTimeoutS * 1000;
    const perFollowerMs = await Promise.all(followers.map((f) => readableAfter(f, iri, start, deadline, params.pollMs)));
    const sample = {
      handle,
      createMs,
      approveMs,
      allMs: Math.max(...perFollowerMs),
      perFollowerMs,
      timedOut: perFollowerMs.filter((ms) => !Number.isFinite(ms)).length,
    };
    samples.push(sample);
    if (sample.timedOut) out(`  warning: ${handle} was not readable on ${sample.timedOut} follower(s) within ${params.publishTimeoutS} s`);
    // Let the deliveries of this publish finish, then pause, so publishes do not overlap.
    await waitForQueues(publisher, followers, params.publishTimeoutS * 1000).catch(() =>
      out('  warning: queues did not empty after a publish'),
    );
    await sleep(params.pauseMs);
  }
  return { samples, use: done() };
}

// ---------------------------------------------------------------------------------------------
// 2. Drain of many updates

interface DrainResult {
  records: number;
  updates: number;
  expectedDeliveries: number;
  issueMs: number;
  /** Until the first Update reached a follower's inbox. */
  firstDeliveryMs: number;
  /** From the first update issued until every follower holds the last version of every record. */
  lastVersionsMs: number;
  /** Until the publisher's queue (fan-outs and outgoing deliveries) is empty. */
  publisherQueueEmptyMs: number;
  /** Until the last versions are everywhere and every queue (outgoing and received) is empty. */
  drainedMs: number;
  completed: boolean;
  deliveriesSent: number;
  deliveryRetries: number;
  deliveriesReceived: number;
  rateNominal: number;
  rateReceived: number;
  followersWithLastVersions: number;
  graphqlConfirmed: number;
  progress: Array<{ atMs: number; received: number; publisherQueue: number; followerQueues: number; lastVersions: number }>;
  use: PhaseUse;
  /** CPU time of all the followers' processes together during the drain (until its last poll). */
  followersCpuMs: number;
  /** Counts and times of the trace (BENCH_TRACE=1), from the first update issued. */
  trace: Stats;
}

async function drain(params: Params, cluster: Cluster): Promise<DrainResult> {
  const { publisher, followers, counts } = cluster;
  // The records to update, published (and propagated) first; not measured.
  const setupDone = measurePhase();
  const records: Array<{ handle: string; label: string; version: number; iri: string; last: string }> = [];
  for (let i = 0; i < params.updateRecords; i++) {
    const label = `D${String(i + 1).padStart(3, '0')}`;
    const handle = `bench-drain-${String(i + 1).padStart(3, '0')}`;
    const { version } = await publishInitiative(publisher, handle, label);
    records.push({ handle, label, version, iri: `${publisher.url}/initiatives/${handle}`, last: '' });
  }
  const iris = records.map((r) => r.iri);
  await Promise.all(followers.map((f) => f.expect(iris)));
  await eventually(
    'the drain records reaching every follower',
    async () => {
      const statuses = await Promise.all(followers.map((f) => f.status()));
      return statuses.every((s) => s.present === records.length);
    },
    params.setupTimeoutS * 1000,
    100,
  );
  await waitForQueues(publisher, followers, params.setupTimeoutS * 1000);
  out(`  ${records.length} records to update published on every follower: ${useLine(setupDone())}`);

  const sent0 = counts.outbox;
  const retries0 = counts.outboxRetries;
  const statuses0 = await Promise.all(followers.map((f) => f.status()));
  const received0 = statuses0.reduce((n, s) => n + s.inbox, 0);
  const followersCpu0 = processesCpuMs(statuses0);
  let receivedNow = 0;
  const received = () => receivedNow - received0;
  const expectedDeliveries = params.updates * followers.length;

  const trace0 = await clusterSnapshot(followers, params.trace);
  const done = measurePhase();
  const start = performance.now();
  const elapsed = () => performance.now() - start;
  // As fast as the API allows: one update after the other, round robin over the records.
  for (let k = 0; k < params.updates; k++) {
    const r = records[k % records.length]!;
    r.last = updateSummary(r.label, k + 1);
    const stored = await publisher.registry.initiativeEditorial.update(OPERATOR, r.handle, r.version, { summary: { en: r.last } } as never);
    r.version = stored.version;
  }
  const issueMs = elapsed();
  out(`  ${params.updates} updates issued in ${fmtMs(issueMs)} (${(params.updates / (issueMs / 1000)).toFixed(0)} updates/s)`);

  // Each follower compares its copies with the last summaries itself (status().lastVersions).
  await Promise.all(followers.map((f) => f.expect(iris, Object.fromEntries(records.map((r) => [r.iri, r.last])))));
  let followersCpuMs: number;
  let firstDeliveryMs = Infinity;
  let lastVersionsMs = Infinity;
  let publisherQueueEmptyMs = Infinity;
  let drainedMs = Infinity;
  let followersWithLastVersions: number;
  const progress: DrainResult['progress'] = [];
  const deadline = start + params.drainTimeoutS * 1000;
  let nextReport = 10_000;
  for (;;) {
    const [publisherQueue, statuses] = await Promise.all([queueSize(publisher), Promise.all(followers.map((f) => f.status()))]);
    const followerQueues = statuses.reduce((n, s) => n + s.queue, 0);
    const held = statuses.map((s) => s.lastVersions);
    receivedNow = statuses.reduce((n, s) => n + s.inbox, 0);
    followersCpuMs = processesCpuMs(statuses) - followersCpu0;
    const now = elapsed();
    if (received() > 0 && !Number.isFinite(firstDeliveryMs)) firstDeliveryMs = now;
    followersWithLastVersions = held.filter((n) => n === records.length).length;
    const lastVersions = held.reduce((a, b) => a + b, 0);
    // The bridge queues deliveries asynchronously (after signing): empty only once all were queued.
    const allSent = counts.outbox - sent0 >= expectedDeliveries;
    if (allSent && publisherQueue === 0 && !Number.isFinite(publisherQueueEmptyMs)) publisherQueueEmptyMs = now;
    if (followersWithLastVersions === followers.length && !Number.isFinite(lastVersionsMs)) lastVersionsMs = now;
    if (now >= nextReport) {
      progress.push({ atMs: now, received: received(), publisherQueue, followerQueues, lastVersions });
      out(
        `  … ${(now / 1000).toFixed(0)} s: ${received()} of ${expectedDeliveries} deliveries received, ${publisherQueue} messages in the publisher's queue, ${followerQueues} in followers' queues`,
      );
      nextReport += 10_000;
    }
    if (Number.isFinite(lastVersionsMs) && allSent && received() >= expectedDeliveries && publisherQueue === 0 && followerQueues === 0) {
      drainedMs = now;
      break;
    }
    if (performance.now() > deadline) break;
    await sleep(100);
  }
  const use = done();
  const trace = diff(await clusterSnapshot(followers, params.trace), trace0);
  const completed = Number.isFinite(drainedMs);
  const measuredMs = completed ? drainedMs : elapsed();

  // The last versions must be readable through GraphQL, not only stored.
  let graphqlConfirmed = 0;
  if (completed) {
    const query = '{ initiatives(first: 100, orderBy: RECENTLY_UPDATED) { edges { node { id summary(lang: "en") { text } } } } }';
    for (const f of followers) {
      const data = await graphqlGet<{ initiatives: { edges: Array<{ node: { id: string; summary: { text: string } } }> } }>(f.url, query);
      const texts = new Map(data.initiatives.edges.map((e) => [e.node.id, e.node.summary.text]));
      if (records.every((r) => texts.get(r.iri) === r.last)) graphqlConfirmed++;
    }
  }
  return {
    records: records.length,
    updates: params.updates,
    expectedDeliveries,
    issueMs,
    firstDeliveryMs,
    lastVersionsMs,
    publisherQueueEmptyMs,
    drainedMs,
    completed,
    deliveriesSent: counts.outbox - sent0,
    deliveryRetries: counts.outboxRetries - retries0,
    deliveriesReceived: received(),
    rateNominal: completed ? expectedDeliveries / (drainedMs / 1000) : NaN,
    rateReceived: received() / (measuredMs / 1000),
    followersWithLastVersions,
    graphqlConfirmed,
    progress,
    use,
    followersCpuMs,
    trace,
  };
}

/** CPU time of the followers' processes together (several followers may share a process). */
function processesCpuMs(statuses: FollowerStatus[]): number {
  return [...new Map(statuses.map((s) => [s.pid, s.cpuMs])).values()].reduce((a, b) => a + b, 0);
}

/** The trace counters of this process and, when tracing, of every follower process. */
async function clusterSnapshot(followers: FollowerProcess[], trace: boolean): Promise<Stats> {
  if (!trace) return snapshot();
  return merge([snapshot(), ...(await Promise.all(followers.filter((f) => f.firstOfProcess).map((f) => f.trace())))]);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const params = readParams();
  // Apollo Server adds a SIGINT and a SIGTERM listener per node; many nodes in one process are expected here.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 2 * (params.followers + 1) + 10));
  const cpu = cpus();
  out('UMN registry bench: federation, one publishing node followed by many partner nodes');
  out(
    `machine: Node ${process.version}, ${platform()} ${arch()}, ${cpu.length} CPUs, ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  out(
    `parameters: ${params.followers} followers, ${params.publishes} publishes (pause ${params.pauseMs} ms), ${params.updates} updates over ${params.updateRecords} records, GraphQL polled every ${params.pollMs} ms, on 127.0.0.1 with embedded stores; the publisher in this process, the followers in ${Math.min(params.followerProcesses, params.followers)} other process(es) at niceness ${params.followerNiceness}`,
  );
  out();

  const nodes: Nodes = { followers: [] };
  let code = 0;
  try {
    if (params.trace) await installTrace();
    out('setup');
    const { cluster, timings } = await setUp(params, nodes);
    out();

    out(`1. propagation: ${params.publishes} publishes, each until readable through GraphQL on all ${params.followers} followers`);
    const before = graphqlRequestCount();
    const traceProp0 = await clusterSnapshot(cluster.followers, params.trace);
    const prop = await propagation(params, cluster);
    const traceProp = diff(await clusterSnapshot(cluster.followers, params.trace), traceProp0);
    const polls = graphqlRequestCount() - before;
    const all = ascending(prop.samples.map((s) => s.allMs));
    const each = ascending(prop.samples.flatMap((s) => s.perFollowerMs));
    const approve = ascending(prop.samples.map((s) => s.approveMs));
    const p50 = percentile(all, 50);
    const p99 = percentile(all, 99);
    const timedOut = prop.samples.reduce((n, s) => n + s.timedOut, 0);
    out(`  ${useLine(prop.use)}; ${polls} GraphQL polls`);
    out();

    out(`2. drain: ${params.updates} updates to ${params.followers} followers`);
    const d = await drain(params, cluster);
    const traceDrain = d.trace;
    out(
      `  publisher and bench (this process): ${useLine(d.use)}; the followers' processes together: CPU ${((100 * d.followersCpuMs) / d.use.wallMs).toFixed(0)}% of one core`,
    );
    out();
    if (params.trace) {
      out(
        `trace of the propagation phase (${params.publishes} publishes × ${params.followers} followers; % of its wall time the event loop was held)`,
      );
      for (const line of traceTable(traceProp, params.publishes * params.followers, 'copy', prop.use.wallMs)) out(line);
      out();
      // A drain cut short is divided by the deliveries that arrived (its work includes queueing the rest).
      const units = d.completed ? d.expectedDeliveries : Math.max(1, d.deliveriesReceived);
      out(
        `trace of the drain phase (per delivery = ÷ ${units} deliveries${d.completed ? '' : ' received'}; % of its wall time the event loop was held)`,
      );
      for (const line of traceTable(traceDrain, units, 'delivery', d.use.wallMs)) out(line);
      out();
    }

    const rateForTarget = d.completed ? d.rateNominal : d.rateReceived;
    const rows: Array<[string, string]> = [
      ['propagation p50, until readable on all followers', fmtMs(p50)],
      ['propagation p99, until readable on all followers', fmtMs(p99)],
      ['propagation min / max', `${fmtMs(all[0]!)} / ${fmtMs(all.at(-1)!)}`],
      ['per follower p50 / p99 (each copy on its own)', `${fmtMs(percentile(each, 50))} / ${fmtMs(percentile(each, 99))}`],
      ['approve call (publish) p50', fmtMs(percentile(approve, 50))],
      ['drain: updates issued in', fmtMs(d.issueMs)],
      ['drain: first delivery received after', fmtMs(d.firstDeliveryMs)],
      ['drain: last versions on every follower after', fmtMs(d.lastVersionsMs)],
      ['drain: publisher queue empty after', fmtMs(d.publisherQueueEmptyMs)],
      ['drain: all queues empty (drained) after', d.completed ? fmtMs(d.drainedMs) : `not within ${params.drainTimeoutS} s`],
      [
        'drain: deliveries sent / received / retried',
        `${d.deliveriesSent} / ${d.deliveriesReceived} / ${d.deliveryRetries} (expected ${d.expectedDeliveries})`,
      ],
      [
        'drain: deliveries per second',
        d.completed
          ? `${d.rateNominal.toFixed(0)} (${d.expectedDeliveries} ÷ drain time)`
          : `${d.rateReceived.toFixed(0)} (received so far ÷ elapsed)`,
      ],
      [
        'drain: last versions readable through GraphQL',
        d.completed
          ? `${d.graphqlConfirmed} of ${params.followers} followers`
          : `${d.followersWithLastVersions} of ${params.followers} followers had them in the store`,
      ],
    ];
    out('results');
    for (const [k, v] of rows) out(`  ${k.padEnd(52)} ${v}`);
    out();
    out(`propagation p50 ${fmtMs(p50)} — target < ${fmtMs(PROPAGATION_TARGET_MS)}: ${p50 < PROPAGATION_TARGET_MS ? 'MET' : 'NOT MET'}`);
    out(
      `deliveries per second ${Number.isFinite(rateForTarget) ? rateForTarget.toFixed(0) : '—'} — target ≥ ${RATE_TARGET}: ${d.completed && rateForTarget >= RATE_TARGET ? 'MET' : 'NOT MET'}${d.completed ? '' : ` (drain stopped after ${params.drainTimeoutS} s: ${d.deliveriesReceived} of ${d.expectedDeliveries} deliveries received)`}`,
    );
    if (timedOut) out(`note: ${timedOut} copies were not readable within ${params.publishTimeoutS} s; they count as infinitely late.`);
    if (d.completed && d.graphqlConfirmed < params.followers)
      out(`note: only ${d.graphqlConfirmed} of ${params.followers} followers answered the last versions through GraphQL.`);

    const resultsDir = new URL('../bench-results/', import.meta.url);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      new URL('federation.json', resultsDir),
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { node: process.version, platform: platform(), arch: arch(), cpus: cpu.length, cpuModel: cpu[0]?.model },
          parameters: params,
          setup: timings,
          propagation: {
            p50Ms: p50,
            p99Ms: p99,
            minMs: all[0],
            maxMs: all.at(-1),
            perFollowerP50Ms: percentile(each, 50),
            perFollowerP99Ms: percentile(each, 99),
            approveP50Ms: percentile(approve, 50),
            timedOutCopies: timedOut,
            graphqlPolls: polls,
            targetMs: PROPAGATION_TARGET_MS,
            met: p50 < PROPAGATION_TARGET_MS,
            use: prop.use,
            samples: prop.samples,
          },
          drain: { ...d, trace: undefined, targetPerSecond: RATE_TARGET, met: d.completed && rateForTarget >= RATE_TARGET },
          ...(params.trace ? { trace: { propagation: traceProp, drain: traceDrain } } : {}),
        },
        (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
        2,
      )}\n`,
    );
    out('figures written to registry-server/bench-results/federation.json');
  } catch (error) {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
    code = 1;
  } finally {
    closeGraphqlConnections();
    // The publisher first: it stops delivering (a drain cut short leaves thousands queued), then
    // the followers, whose last fetches from it fail harmlessly.
    const closing = performance.now();
    const closeFailed = (e: unknown) => process.stderr.write(`bench: could not close a node: ${(e as Error).message}\n`);
    await nodes.publisher?.close().catch(closeFailed);
    await Promise.all(nodes.followers.filter((f) => f.firstOfProcess).map((f) => f.close().catch(closeFailed)));
    out(`closed ${(nodes.publisher ? 1 : 0) + nodes.followers.length} nodes in ${fmtMs(performance.now() - closing)}`);
  }
  return code;
}

await runBench(main);
