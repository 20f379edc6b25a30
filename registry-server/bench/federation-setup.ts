// The federation bench's cluster (federation.bench.ts): its parameters, and how it is set up: one
// publisher in the bench's process, the followers in a few other processes, every follow approved
// and every follower holding the publisher's catalogue before anything is measured.
import type { TestNode } from '../src/testing/test-node.ts';
import { OPERATOR, PUBLISHER_HANDLE, actorOf, eventually, followerHandle, mapLimit, startFederatedNode } from './federation-cluster.ts';
import { countQueue, queueSize, type QueueCounts } from './federation-counts.ts';
import { startFollowerGroup, type FollowerProcess } from './federation-follower-process.ts';
import { setRole } from './federation-trace.ts';
import { envNumber, measurePhase, useLine, type PhaseUse } from './bench-measure.ts';

export const out = (text = '') => process.stdout.write(`${text}\n`);

export function readParams() {
  const params = {
    followers: envNumber('BENCH_FOLLOWERS', 20),
    publishes: envNumber('BENCH_PUBLISHES', 30),
    updates: envNumber('BENCH_UPDATES', 1000),
    updateRecords: envNumber('BENCH_UPDATE_RECORDS', 50),
    pollMs: envNumber('BENCH_POLL_MS', 20),
    pauseMs: envNumber('BENCH_PAUSE_MS', 200),
    publishTimeoutS: envNumber('BENCH_PUBLISH_TIMEOUT_SECONDS', 30),
    drainTimeoutS: envNumber('BENCH_DRAIN_TIMEOUT_SECONDS', 300),
    setupTimeoutS: envNumber('BENCH_SETUP_TIMEOUT_SECONDS', 180),
    // 0 turns it off (envNumber takes positive numbers only, so read it apart).
    followerProcesses: envNumber('BENCH_FOLLOWER_PROCESSES', 2),
    followerNiceness: process.env.BENCH_FOLLOWER_NICENESS?.trim() === '0' ? 0 : envNumber('BENCH_FOLLOWER_NICENESS', 10),
    trace: ['1', 'true', 'yes'].includes(process.env.BENCH_TRACE?.trim().toLowerCase() ?? ''),
  };
  if (params.updateRecords > params.updates) params.updateRecords = params.updates;
  return params;
}
export type Params = ReturnType<typeof readParams>;

export interface Cluster {
  publisher: TestNode;
  followers: FollowerProcess[];
  /** What went through the publisher (the followers count their own: FollowerProcess.status). */
  counts: QueueCounts;
}

/** Where the nodes are, so the bench can close them whatever happens. */
export interface Nodes {
  publisher?: TestNode;
  followers: FollowerProcess[];
}

/** Follower processes started at once: each start loads the server's modules, which costs a core for a second or two. */
const FOLLOWER_STARTS_IN_PARALLEL = 4;

/** The followers' handles split into `groups` groups of nearly equal size, one per process. */
function followerGroups(followers: number, groups: number): string[][] {
  const all = Array.from({ length: followers }, (_, i) => followerHandle(i));
  const n = Math.min(groups, followers);
  return Array.from({ length: n }, (_, g) => all.filter((_, i) => i % n === g));
}

export async function setUp(params: Params, nodes: Nodes): Promise<{ cluster: Cluster; timings: Record<string, PhaseUse> }> {
  const timings: Record<string, PhaseUse> = {};
  let done = measurePhase();
  const publisher = await startFederatedNode(PUBLISHER_HANDLE);
  nodes.publisher = publisher;
  const groups = await mapLimit(
    followerGroups(params.followers, params.followerProcesses),
    FOLLOWER_STARTS_IN_PARALLEL,
    async (handles) => {
      const group = await startFollowerGroup(handles, { trace: params.trace, niceness: params.followerNiceness });
      nodes.followers.push(...group);
      return group;
    },
  );
  const followers = groups.flat().sort((a, b) => a.handle.localeCompare(b.handle));
  timings.startNodes = done();
  if (params.trace) {
    setRole(new URL(publisher.url).port, 'publisher');
    setRole(publisher.dataDir, 'publisher');
  }
  out(`  started 1 publisher (this process) + ${followers.length} followers (${groups.length} processes): ${useLine(timings.startNodes)}`);

  const counts = countQueue(publisher);
  const setupMs = params.setupTimeoutS * 1000;

  // Each follower asks to follow; the publisher's admin approves each request.
  done = measurePhase();
  await mapLimit(followers, 4, (f) => f.follow(actorOf(publisher, PUBLISHER_HANDLE)));
  const followerActors = new Set(followers.map((f) => `${f.url}/nodes/${f.handle}`));
  const pending = await eventually(
    'follow requests reaching the publisher',
    async () => {
      const list = (await publisher.federation.partners.list(OPERATOR)).filter(
        (p) => followerActors.has(p.actor) && p.followedBy === 'pending',
      );
      return list.length === followers.length && list;
    },
    setupMs,
    100,
  );
  timings.follow = done();
  out(`  ${pending.length} follow requests pending on the publisher: ${useLine(timings.follow)}`);

  done = measurePhase();
  for (const p of pending) await publisher.federation.partners.decide(OPERATOR, p.actor, true);
  const publisherActor = actorOf(publisher, PUBLISHER_HANDLE);
  await eventually(
    'every follower seeing its follow accepted',
    async () => {
      const states = await Promise.all(followers.map((f) => f.following(publisherActor)));
      return states.every((s) => s === 'accepted');
    },
    setupMs,
    100,
  );
  // Then each follower copies the publisher's catalogue (backfill).
  const expected = await publisher.registry.initiatives.countPublished({ 'origin.kind': 'local' });
  await eventually(
    "every follower holding the publisher's catalogue",
    async () => {
      const copies = await Promise.all(followers.map((f) => f.copies()));
      return copies.every((c) => c >= expected);
    },
    setupMs,
    100,
  );
  await Promise.all(followers.map((f) => f.settled()));
  await waitForQueues(publisher, followers, setupMs);
  timings.approveAndBackfill = done();
  out(`  approved; every follower copied the publisher's ${expected} initiatives: ${useLine(timings.approveAndBackfill)}`);
  return { cluster: { publisher, followers, counts }, timings };
}

export async function waitForQueues(publisher: TestNode, followers: FollowerProcess[], timeoutMs: number): Promise<void> {
  await eventually(
    'every Fedify queue emptying',
    async () => {
      const sizes = await Promise.all([queueSize(publisher), ...followers.map(async (f) => (await f.status()).queue)]);
      return sizes.every((n) => n === 0);
    },
    timeoutMs,
    50,
  );
}
