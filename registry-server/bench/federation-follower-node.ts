// Follower nodes of the federation bench in a process of their own (started by
// federation-follower-process.ts with an IPC channel): one or more nodes, each with its own
// temporary embedded store and loopback port. The bench drives them and reads its figures through
// the small set of requests below; nothing else crosses the channel.
import { OPERATOR, prepareDataDir, startFederatedNode } from './federation-cluster.ts';
import { countQueue, queueSize, type QueueCounts } from './federation-counts.ts';
import { installTrace, setRole, snapshot } from './federation-trace.ts';
import type { TestNode } from '../src/testing/test-node.ts';

const handles = (process.argv[2] ?? '').split(',').filter(Boolean);
const trace = process.env.BENCH_TRACE_CHILD === '1';

export type FollowerRequest =
  | { op: 'follow'; actor: string }
  | { op: 'following'; actor: string }
  | { op: 'copies' }
  | { op: 'settled' }
  | { op: 'expect'; iris: string[]; last?: Record<string, string> }
  | { op: 'status' }
  | { op: 'trace' };

/**
 * What `status` answers, enough for one poll of the bench in one round trip: the node's queue
 * size, inbox POSTs it accepted so far, and of the records last named by `expect`, how many it
 * holds and how many in their expected version (the summary the bench wrote last); and the CPU
 * time its process used since it started, with the process id (several nodes may share one).
 */
export interface FollowerStatus {
  queue: number;
  inbox: number;
  present: number;
  lastVersions: number;
  pid: number;
  cpuMs: number;
}

interface Hosted {
  node: TestNode;
  counts: QueueCounts;
  expected: { iris: string[]; last?: Record<string, string> };
  /** Set once the node held every expected record in its expected version: nothing older can replace them, so it is not read again. */
  complete?: { present: number; lastVersions: number };
}

if (trace) await installTrace();
const hosted = new Map<string, Hosted>();
for (const handle of handles) {
  const node = await startFederatedNode(handle, await prepareDataDir(handle));
  if (trace) {
    setRole(new URL(node.url).port, 'follower');
    setRole(node.dataDir, 'follower');
  }
  hosted.set(handle, { node, counts: countQueue(node), expected: { iris: [] } });
}

async function answer(h: Hosted, request: FollowerRequest): Promise<unknown> {
  const { node } = h;
  switch (request.op) {
    case 'follow':
      return void (await node.federation.partners.follow(OPERATOR, request.actor));
    case 'following':
      return (await node.federation.partners.list(OPERATOR)).find((p) => p.actor === request.actor)?.following ?? null;
    case 'copies':
      return node.registry.store.collection('initiatives').countDocuments({ 'origin.kind': 'remote', 'publication.state': 'published' });
    case 'settled':
      return void (await node.federation.settled());
    case 'expect':
      h.expected = { iris: request.iris, ...(request.last ? { last: request.last } : {}) };
      delete h.complete;
      return null;
    case 'status': {
      const { iris, last } = h.expected;
      let held = h.complete;
      if (!held) {
        const docs = iris.length ? await node.registry.store.collection('initiatives').find({ _id: { $in: iris } }) : [];
        held = {
          present: docs.length,
          lastVersions: last ? docs.filter((d) => (d.record as { summary: Record<string, string> }).summary.en === last[d._id]).length : 0,
        };
        if (last && held.lastVersions === iris.length) h.complete = held;
      }
      const cpu = process.cpuUsage();
      return {
        queue: await queueSize(node),
        inbox: h.counts.inbox,
        ...held,
        pid: process.pid,
        cpuMs: (cpu.user + cpu.system) / 1000,
      } satisfies FollowerStatus;
    }
    case 'trace':
      // The counters are per process: the bench asks one node of each process.
      return snapshot();
  }
}

const closeAll = () => Promise.allSettled([...hosted.values()].map((h) => h.node.close())).finally(() => process.exit(0));

process.on('message', (message: { id: number; handle: string; request: FollowerRequest } | 'stop') => {
  if (message === 'stop') return void closeAll();
  const h = hosted.get(message.handle);
  const result = h ? answer(h, message.request) : Promise.reject(new Error(`no follower ${message.handle} in this process`));
  result.then(
    (value) => process.send!({ id: message.id, result: value }),
    (error: unknown) => process.send!({ id: message.id, error: (error as Error).stack ?? String(error) }),
  );
});
// The bench going away (crash, Ctrl-C) must not leave these nodes running.
process.on('disconnect', () => void closeAll());
process.send!({ ready: true, urls: Object.fromEntries([...hosted].map(([handle, h]) => [handle, h.node.url])) });
