// Closed-loop HTTP load generator, run in a worker thread so that sending requests and timing
// them never competes with the server under test for the main event loop (the servers run on
// the bench's main thread). Each of `concurrency` loops sends one request (a GET, or a POST with
// a body), waits for the whole answer, records the latency and sends the next, over a keep-alive
// Agent with one socket per loop.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadOptions {
  /** Full URL; must be on 127.0.0.1 (the bench measures the server, not the network). */
  url: string;
  headers: Record<string, string>;
  /** GET when absent; a POST sends `body` with each request. */
  method?: 'GET' | 'POST';
  body?: string;
  /** Body length every answer must have; any other length counts as an error. */
  expectedLength: number;
  concurrency: number;
  warmupMs: number;
  /** The measured phase ends at whichever limit comes first. */
  durationMs: number;
  maxRequests: number;
}

export interface LoadResult {
  /** Requests started in the measured phase that completed with status 200 and the right length. */
  completed: number;
  errors: number;
  /** First error seen, to say what went wrong without flooding the output. */
  firstError: string | undefined;
  /** From the start of the measured phase until its last request finished. */
  elapsedMs: number;
  /** Latency of each successful measured request, in milliseconds (length = completed). */
  latenciesMs: Float64Array;
}

/** A request that hangs this long is an error, so the run always ends. */
const REQUEST_TIMEOUT_MS = 10_000;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`load generator only targets 127.0.0.1, got ${url.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers = body ? { ...options.headers, 'content-length': String(body.length) } : options.headers;
  const method = options.method ?? 'GET';
  const latencies = new Float64Array(options.maxRequests);
  let completed = 0;
  let errors = 0;
  let firstError: string | undefined;
  let started = 0; // measured requests started
  let measuring = false;
  let stopping = false;
  let measureStart = 0n;
  let lastEnd = 0n;

  return new Promise((resolve) => {
    let running = options.concurrency;
    let deadline: NodeJS.Timeout | undefined;
    const warmup = setTimeout(() => {
      measuring = true;
      measureStart = process.hrtime.bigint();
      deadline = setTimeout(() => {
        stopping = true;
      }, options.durationMs);
    }, options.warmupMs);

    const finishLoop = () => {
      running -= 1;
      if (running > 0) return;
      clearTimeout(warmup);
      clearTimeout(deadline);
      agent.destroy();
      const end = lastEnd > measureStart ? lastEnd : process.hrtime.bigint();
      resolve({
        completed,
        errors,
        firstError,
        elapsedMs: Number(end - measureStart) / 1e6,
        latenciesMs: latencies.subarray(0, completed),
      });
    };

    const loop = () => {
      if (stopping) return finishLoop();
      // Only requests started in the measured phase count; warm-up ones are discarded.
      const counted = measuring;
      if (counted) {
        started += 1;
        if (started >= options.maxRequests) stopping = true;
      }
      const begin = process.hrtime.bigint();
      let done = false;
      const settle = (error: string | undefined) => {
        if (done) return;
        done = true;
        const end = process.hrtime.bigint();
        if (counted) {
          lastEnd = end;
          if (error === undefined) latencies[completed++] = Number(end - begin) / 1e6;
          else {
            errors += 1;
            firstError ??= error;
          }
        }
        setImmediate(loop);
      };
      const req = request(url, { agent, method, headers }, (res) => {
        let length = 0;
        res.on('data', (chunk: Buffer) => {
          length += chunk.length;
        });
        res.on('end', () => {
          if (res.statusCode !== 200) settle(`status ${res.statusCode}`);
          else if (length !== options.expectedLength) settle(`body of ${length} bytes, expected ${options.expectedLength}`);
          else settle(undefined);
        });
        res.on('error', (e) => settle(e.message));
      });
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', (e) => settle(e.message));
      req.end(body);
    };

    for (let i = 0; i < options.concurrency; i++) loop();
  });
}

// As a worker: run once with workerData, post the result (latencies transferred, not copied).
if (parentPort && workerData) {
  const port = parentPort;
  const result = await runLoad(workerData as LoadOptions);
  const latencies = result.latenciesMs.slice();
  port.postMessage({ ...result, latenciesMs: latencies }, [latencies.buffer]);
}
