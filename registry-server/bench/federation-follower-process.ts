// The bench's side of follower nodes run in processes of their own (federation-follower-node.ts):
// starts a process for a group of followers, waits until they listen, and sends each the requests
// the bench needs, one answer per request.
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { FollowerRequest, FollowerStatus } from './federation-follower-node.ts';
import type { Stats } from './federation-trace.ts';

export interface FollowerProcess {
  handle: string;
  url: string;
  /** Whether this follower is the first of its process (the one asked for per-process figures). */
  firstOfProcess: boolean;
  follow(actor: string): Promise<void>;
  /** The state of this node's follow of `actor` ('pending', 'accepted' …), null if none. */
  following(actor: string): Promise<string | null>;
  /** Published copies of remote listings in its store. */
  copies(): Promise<number>;
  settled(): Promise<void>;
  expect(iris: string[], last?: Record<string, string>): Promise<void>;
  status(): Promise<FollowerStatus>;
  /** The trace counters of its process (BENCH_TRACE=1). */
  trace(): Promise<Stats>;
  /** Stops its process (and so every follower of the group). */
  close(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./federation-follower-node.ts', import.meta.url));
const START_TIMEOUT_MS = 180_000;

/** Starts one process hosting the followers `handles`; resolves once all of them listen. */
export async function startFollowerGroup(handles: string[], options: { trace: boolean; niceness: number }): Promise<FollowerProcess[]> {
  // Same Node and flags as the bench (e.g. --cpu-prof writes one profile per process).
  const child: ChildProcess = fork(SCRIPT, [handles.join(',')], {
    execArgv: process.execArgv,
    env: { ...process.env, BENCH_TRACE_CHILD: options.trace ? '1' : '0' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // In production every follower is its own machine and never takes CPU from the publisher; here
  // they share two cores with it, and the scheduler's fair share would give the publisher, the
  // node being measured, a small slice of the machine. A lower priority for the followers lets
  // the publisher run whenever it has work, and the followers use what it leaves.
  if (options.niceness > 0) setPriority(child.pid!, options.niceness);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited: Error | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = new Error(`the follower process of ${handles.join(', ')} (pid ${child.pid}) exited with ${signal ?? `code ${code}`}`);
      for (const p of pending.values()) p.reject(exited);
      pending.clear();
      resolve();
    }),
  );
  const urls = await new Promise<Record<string, string>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`followers ${handles.join(', ')} did not start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', () => reject(exited));
    child.on('message', (m: { ready?: boolean; urls?: Record<string, string>; id?: number; result?: unknown; error?: string }) => {
      if (m.ready) {
        clearTimeout(timer);
        resolve(m.urls!);
        return;
      }
      const p = pending.get(m.id!);
      if (!p) return;
      pending.delete(m.id!);
      if (m.error) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
  });
  const close = async () => {
    if (exited) return;
    child.send('stop');
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exit;
    clearTimeout(killer);
  };
  return handles.map((handle, i) => {
    const call = <T>(request: FollowerRequest) =>
      new Promise<T>((resolve, reject) => {
        if (exited) return reject(exited);
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject: (e) => reject(new Error(`follower ${handle}: ${e.message}`)) });
        child.send({ id, handle, request });
      });
    return {
      handle,
      url: urls[handle]!,
      firstOfProcess: i === 0,
      follow: (actor) => call({ op: 'follow', actor }),
      following: (actor) => call({ op: 'following', actor }),
      copies: () => call({ op: 'copies' }),
      settled: () => call({ op: 'settled' }),
      expect: (iris, last) => call({ op: 'expect', iris, ...(last ? { last } : {}) }),
      status: () => call({ op: 'status' }),
      trace: () => call({ op: 'trace' }),
      close,
    };
  });
}
