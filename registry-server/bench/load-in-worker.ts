// Runs the load generator (load-generator.ts) in a worker thread, so that servers measured in
// the bench's own process keep its main loop to themselves.
import { Worker } from 'node:worker_threads';
import type { LoadOptions, LoadResult } from './load-generator.ts';

export function loadInWorker(options: LoadOptions): Promise<LoadResult> {
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
