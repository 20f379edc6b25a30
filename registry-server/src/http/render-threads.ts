// The site's pages are rendered in worker threads (render-thread.ts) while the main thread keeps
// HTTP, the API, federation and the store: a page costs the node about as much to render as to
// answer its GraphQL, so on a machine with two cores or more both run at once (ADR 0024). The
// threads start with the first page request; until one is ready, pages render on the main
// thread as before (web-pages.ts), so a start-up or a thread lost costs time, not answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';
import { logger } from '../config/logging.ts';
import type { GraphQLAnswer, GraphQLHandler } from '../graphql/graphql-http-handler.ts';
import { answerSiteRequest } from './in-process-graphql.ts';
import { connectingAddressOf } from './client-address.ts';
import type { FromRenderThread, RenderThreadData, ToRenderThread } from './render-messages.ts';

const log = logger('http', 'web');

/** Largest request body handed to a page (a form; SvelteKit's adapter-node default, 512 KB). */
export const MAX_PAGE_BODY_BYTES = 512 * 1024;
/** A thread lost is replaced, but not more often than this (a thread that dies at start would loop). */
const RESTART_AFTER_MS = 5_000;

/**
 * A render thread's young generation (3 × a 16 MB semi-space): it makes about a megabyte of
 * short-lived strings per page, and a smaller one collects them more often (ADR 0001, 2026-12-07).
 */
const RENDER_THREAD_YOUNG_GENERATION_MB = 48;
/** Headers of this connection, not of the request the page sees (its body arrives whole). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

interface RenderThread {
  worker: Worker;
  ready: boolean;
  /** Responses waiting for their page, by request id. */
  pages: Map<number, ServerResponse>;
}

export interface RenderThreadsOptions {
  count: number;
  data: RenderThreadData;
  graphql: Pick<GraphQLHandler, 'execute'>;
  /** The node's public origin: the URL the site sees, as adapter-node builds it from the public headers. */
  origin: string;
  /** Wait before replacing a thread that ended (default 5 s; tests shorten it). */
  restartAfterMs?: number;
}

export class RenderThreads {
  readonly #options: RenderThreadsOptions;
  readonly #threads = new Set<RenderThread>();
  #lastId = 0;
  #started = false;
  #closed = false;

  constructor(options: RenderThreadsOptions) {
    this.#options = options;
  }

  /** True when a thread can render `req` now; the first call starts the threads. */
  available(): boolean {
    if (!this.#started && !this.#closed) {
      this.#started = true;
      for (let i = 0; i < this.#options.count; i++) this.#start();
    }
    for (const thread of this.#threads) if (thread.ready) return true;
    return false;
  }

  /** Renders the page in the least busy ready thread (call available() first). */
  async render(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const thread = this.#leastBusy();
    if (!thread) return answer(res, 503, 'The page could not be rendered now; try again in a moment.');
    // Only a path: "//host/…" stays a path of this origin (as adapter-node joins them), and an
    // absolute URL (proxy form) is refused, since the site's CSRF check and its links trust the URL's origin.
    const target = req.url ?? '/';
    if (!target.startsWith('/')) return answer(res, 400, 'Ask for a path of this site, such as /search.');
    let body: Uint8Array | null = null;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      try {
        body = await readBody(req);
      } catch {
        return void res.destroy();
      }
      if (!body) return answer(res, 413, `The form sent is larger than ${MAX_PAGE_BODY_BYTES / 1024} KB.`);
    }
    // The thread may have gone while the body was read.
    if (!this.#threads.has(thread)) return answer(res, 503, 'The page could not be rendered now; try again in a moment.');
    const id = ++this.#lastId;
    thread.pages.set(id, res);
    const headers: Array<[string, string]> = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!;
      if (!HOP_BY_HOP.has(name.toLowerCase())) headers.push([name, req.rawHeaders[i + 1]!]);
    }
    this.#send(
      thread,
      {
        type: 'render',
        id,
        method: req.method ?? 'GET',
        url: new URL(this.#options.origin + target).href,
        headers,
        body,
        clientAddress: connectingAddressOf(req) ?? '',
      },
      body ? [body.buffer as ArrayBuffer] : [],
    );
  }

  async close(): Promise<void> {
    this.#closed = true;
    const threads = [...this.#threads];
    this.#threads.clear();
    await Promise.all(threads.map((thread) => this.#stop(thread)));
  }

  #leastBusy(): RenderThread | undefined {
    let best: RenderThread | undefined;
    for (const thread of this.#threads) if (thread.ready && (!best || thread.pages.size < best.pages.size)) best = thread;
    return best;
  }

  #start(): void {
    // The main thread's young generation is small (--max-semi-space-size=8, ADR 0001): it keeps
    // the memory of a start or an index rebuild low. A render thread keeps the one it had before.
    const worker = new Worker(new URL('./render-thread.ts', import.meta.url), {
      workerData: this.#options.data,
      resourceLimits: { maxYoungGenerationSizeMb: RENDER_THREAD_YOUNG_GENERATION_MB },
    });
    const thread: RenderThread = { worker, ready: false, pages: new Map() };
    this.#threads.add(thread);
    worker.on('message', (message: FromRenderThread) => this.#receive(thread, message));
    worker.on('error', (error) => log.error('A render thread failed: {error}', { error }));
    worker.on('exit', (code) => this.#lost(thread, code));
  }

  #receive(thread: RenderThread, message: FromRenderThread): void {
    switch (message.type) {
      case 'ready':
        thread.ready = true;
        log.info('Render thread {thread} ready: pages render there', { thread: thread.worker.threadId });
        return;
      case 'graphql':
        void answerSiteRequest(this.#options.graphql, message.request)
          .catch((error: unknown): GraphQLAnswer => {
            log.error('A page’s GraphQL request failed: {error}', { error });
            return { status: 500, headers: [['content-type', 'application/json']], body: '{"errors":[{"message":"Internal error"}]}' };
          })
          .then((answer) => this.#send(thread, { type: 'graphql-answer', id: message.id, answer }));
        return;
      case 'rendered': {
        const res = this.#take(thread, message.id);
        if (!res) return;
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of message.headers) {
          const seen = headers[name];
          headers[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
        }
        res.writeHead(message.status, headers);
        res.end(Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength));
        return;
      }
      case 'render-failed': {
        log.error('A page could not be rendered: {message}', { message: message.message });
        const res = this.#take(thread, message.id);
        if (res) answer(res, 500, 'The page could not be rendered.');
      }
    }
  }

  #take(thread: RenderThread, id: number): ServerResponse | undefined {
    const res = thread.pages.get(id);
    thread.pages.delete(id);
    return res;
  }

  #send(thread: RenderThread, message: ToRenderThread, transfer: ArrayBuffer[] = []): void {
    thread.worker.postMessage(message, transfer);
  }

  /** A thread ended: its pages are answered 503, and it is replaced unless the node is closing. */
  #lost(thread: RenderThread, code: number): void {
    if (!this.#threads.delete(thread)) return;
    for (const res of thread.pages.values()) answer(res, 503, 'The page could not be rendered now; try again in a moment.');
    thread.pages.clear();
    if (this.#closed) return;
    const wait = this.#options.restartAfterMs ?? RESTART_AFTER_MS;
    log.error('A render thread stopped (exit code {code}); another starts in {seconds} s, pages render on the main thread meanwhile', {
      code,
      seconds: wait / 1000,
    });
    setTimeout(() => !this.#closed && this.#start(), wait).unref();
  }

  async #stop(thread: RenderThread): Promise<void> {
    for (const res of thread.pages.values()) answer(res, 503, 'The node is stopping.');
    thread.pages.clear();
    await thread.worker.terminate();
  }
}

function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

/** The request's body, or null when it is larger than MAX_PAGE_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<Uint8Array | null> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_PAGE_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PAGE_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  // A copy of its own, so its buffer can be handed to the thread whole.
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) body.set(chunk, (at += chunk.length) - chunk.length);
  return body;
}
