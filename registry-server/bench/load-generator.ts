// Closed-loop HTTP load generator, run in a worker thread so that sending requests and timing
// them never competes with the server under test for the main event loop (the servers run on
// the bench's main thread). Each of `concurrency` loops sends one request (a GET, or a POST with
// a body), waits for the whole answer, records the latency and sends the next, over a keep-alive
// Agent with one socket per loop. Either every request is the same one, and an answer must have
// its exact length; or the loops take `requests` in turn (pages that differ by their words,
// filters and language), and each answer must match that request's patterns (its title, its
// language), so a page that is 200 but not the one asked for (an error page, a redirect, a page
// without its results) counts as an error.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/** One of several GETs the loops take in turn, with what its answer must contain. */
export interface LoadRequest {
  /** Full URL; must be on 127.0.0.1. */
  url: string;
  /** Added to the options' headers (e.g. this request's Accept-Language). */
  headers?: Record<string, string>;
  /** Every pattern must match the answer's body, or the request is an error (non-ASCII characters only as literals, outside character classes: utf8BytePattern). */
  mustMatch: RegExp[];
}

export interface LoadOptions {
  /** Full URL; must be on 127.0.0.1 (the bench measures the server, not the network). */
  url: string;
  headers: Record<string, string>;
  /** GET when absent; a POST sends `body` with each request. */
  method?: 'GET' | 'POST';
  body?: string;
  /** Body length every answer must have; any other length counts as an error. Unused with `requests`. */
  expectedLength?: number;
  /** GETs taken in turn instead of `url` (at least one), each checked by its own patterns. */
  requests?: LoadRequest[];
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
  /** Every request answered, warm-up included, successful or not: what the server did in all. */
  answered: number;
  /** CPU time of the thread that generated the load, in milliseconds (a process shared with a server counts it too). */
  cpuMs: number;
}

/** A request that hangs this long is an error, so the run always ends. */
const REQUEST_TIMEOUT_MS = 10_000;

/** What each request of a run is: where it goes, and how its answer is judged. */
interface Target {
  url: URL;
  headers: Record<string, string>;
  /** Null when the answer is judged by its length only (its body is then not kept). */
  mustMatch: RegExp[] | null;
}

function loopbackUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.hostname !== '127.0.0.1') throw new Error(`load generator only targets 127.0.0.1, got ${url.hostname}`);
  return url;
}

/**
 * `pattern` made to match the UTF-8 bytes of a text read as Latin-1 (one character per byte):
 * each non-ASCII character becomes its UTF-8 bytes, as `\xHH` escapes. The load generator reads
 * answers that way because decoding 100 KB pages from UTF-8, about 300 times a second, took a
 * good part of the CPU the bench shares with the node it measures (issue 13); a Latin-1 read is
 * a copy. Exact for patterns whose non-ASCII characters are literals (not `\u00e9`): inside a
 * character class (`[é]`) their bytes would be matched one by one, and bytes have no case, so
 * such patterns are refused.
 */
export function utf8BytePattern(pattern: RegExp): RegExp {
  let source = '';
  let inClass = false;
  let escaped = false;
  for (const char of pattern.source) {
    if (escaped) escaped = false;
    else if (char === '\\') escaped = true;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    if (char.codePointAt(0)! < 0x80) {
      source += char;
      continue;
    }
    if (inClass) throw new Error(`${pattern}: a non-ASCII character in a character class cannot be matched byte by byte`);
    if (pattern.ignoreCase) throw new Error(`${pattern}: a non-ASCII character cannot be matched ignoring case byte by byte`);
    for (const byte of Buffer.from(char, 'utf8')) source += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return new RegExp(source, pattern.flags);
}

/** Why an answer does not count, or undefined when it does. */
function judge(target: Target, status: number | undefined, length: number, text: string, expectedLength: number | undefined) {
  if (status !== 200) return `status ${status} for ${target.url.pathname}${target.url.search}`;
  if (target.mustMatch === null) return length === expectedLength ? undefined : `body of ${length} bytes, expected ${expectedLength}`;
  const missing = target.mustMatch.find((pattern) => !pattern.test(text));
  return missing ? `${target.url.pathname}${target.url.search}: the answer does not match ${missing}` : undefined;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers = body ? { ...options.headers, 'content-length': String(body.length) } : options.headers;
  const method = options.method ?? 'GET';
  if (options.requests && (options.requests.length === 0 || body))
    throw new Error('requests must hold at least one GET, and cannot go with a body');
  if (!options.requests && options.expectedLength === undefined) throw new Error('give either expectedLength or requests');
  const targets: Target[] = options.requests
    ? options.requests.map((r) => ({
        url: loopbackUrl(r.url),
        headers: { ...headers, ...r.headers },
        mustMatch: r.mustMatch.map(utf8BytePattern),
      }))
    : [{ url: loopbackUrl(options.url), headers, mustMatch: null }];
  let nextTarget = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies = new Float64Array(options.maxRequests);
  let completed = 0;
  let answered = 0;
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
        answered,
        cpuMs: 0,
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
      const target = targets[nextTarget]!;
      nextTarget = (nextTarget + 1) % targets.length;
      const begin = process.hrtime.bigint();
      let done = false;
      const settle = (error: string | undefined) => {
        if (done) return;
        done = true;
        const end = process.hrtime.bigint();
        answered += 1;
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
      const req = request(target.url, { agent, method, headers: target.headers }, (res) => {
        let length = 0;
        const chunks: Buffer[] | null = target.mustMatch ? [] : null;
        res.on('data', (chunk: Buffer) => {
          length += chunk.length;
          chunks?.push(chunk);
        });
        res.on('end', () => {
          // Latin-1: one character per byte, matched by utf8BytePattern's patterns.
          const text = chunks ? Buffer.concat(chunks).toString('latin1') : '';
          settle(judge(target, res.statusCode, length, text, options.expectedLength));
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
  const started = process.threadCpuUsage();
  const result = await runLoad(workerData as LoadOptions);
  const used = process.threadCpuUsage(started);
  result.cpuMs = (used.user + used.system) / 1000;
  const latencies = result.latenciesMs.slice();
  port.postMessage({ ...result, latenciesMs: latencies }, [latencies.buffer]);
}
