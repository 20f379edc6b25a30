// Every outgoing HTTP request of the node (deliveries to partners, fetching their listings, keys,
// actors, WebFinger, NodeInfo and collection pages) is bounded: one overall deadline from the
// moment it is sent to the last byte of the answer, a cap on the answer's size (with or without
// a Content-Length), and, for anything that is not a web page, a cap on how deeply its JSON
// nests. undici's own timeouts are per phase and per chunk, so a server trickling one byte every
// few seconds held a request (and the inbox POST waiting on a key) open indefinitely.
//
// The bounds live in an undici interceptor on the global dispatcher, which Node's fetch, and so
// Fedify's document loaders, key fetches and deliveries, all go through: no path has to remember
// them. Requests the web site makes while it renders a page (to this node's own GraphQL
// endpoint) keep the deadline but not the size caps: a page of 50 relayed messages can be large,
// and the node trusts its own answers (see asOwnRequests).
//
// A chain of requests is bounded as a whole by running it inside withinDeadline(): Fedify follows
// up to 20 redirects when it fetches a key, each a new request with a deadline of its own, so a
// received activity gets one deadline for everything it makes the node fetch.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Agent, type Dispatcher } from 'undici';
import { JsonDepthScanner } from '../json/json-depth.ts';

export interface OutgoingLimits {
  /** From sending the request to the last byte of the answer. */
  deadlineMs: number;
  /** Largest answer body read; a longer one is cut and the request fails. */
  maxResponseBytes: number;
  /** Deepest nesting of JSON arrays and objects read in an answer that is not HTML. */
  maxJsonDepth: number;
  /** Everything one received activity makes the node fetch (keys, actors, listings, redirects included). */
  activityDeadlineMs: number;
}

export const OUTGOING_LIMITS: OutgoingLimits = {
  deadlineMs: 15_000,
  maxResponseBytes: 1024 * 1024,
  maxJsonDepth: 64,
  activityDeadlineMs: 20_000,
};

/** The time (epoch ms) by which every request started in the current chain must be done. */
const chainDeadline = new AsyncLocalStorage<number>();

/** Runs `work` with every outgoing request it starts, together, bounded to `ms` from now. */
export function withinDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  return chainDeadline.run(Math.min(chainDeadline.getStore() ?? Infinity, Date.now() + ms), work);
}

/** Whether the current requests go to this node itself (the web site rendering a page). */
const ownRequests = new AsyncLocalStorage<true>();

/** Runs `work` (the web site rendering a page) with its requests free of the size caps, not of the deadline. */
export function asOwnRequests<T>(work: () => T): T {
  return ownRequests.run(true, work);
}

/** Starts `work` free of the current chain's deadline: long work a request only sets off (a catalogue copy). */
export function outsideDeadline<T>(work: () => T): T {
  return chainDeadline.exit(work);
}

/** Per-phase bounds under the overall deadline: a server that does not even accept the connection. */
const PHASE_TIMEOUTS = { connectTimeout: 10_000, headersTimeout: 15_000, bodyTimeout: 15_000 };

export class OutgoingLimitError extends Error {
  readonly code: 'DEADLINE' | 'TOO_LARGE' | 'TOO_DEEP';

  constructor(code: OutgoingLimitError['code'], message: string) {
    super(message);
    this.name = 'OutgoingLimitError';
    this.code = code;
  }
}

/** The undici dispatcher every outgoing request of the node uses: pooled, with the limits. */
export function boundedAgent(limits: Partial<OutgoingLimits> = {}): Dispatcher {
  return new Agent({ ...PHASE_TIMEOUTS, keepAliveTimeout: 10_000, connections: 64 }).compose(
    limitOutgoing({ ...OUTGOING_LIMITS, ...limits }),
  );
}

/** The interceptor itself, for a dispatcher of one's own. */
export function limitOutgoing(limits: OutgoingLimits): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) =>
    dispatch(options, new LimitedHandler(handler, limits, `${String(options.origin ?? '')}${options.path}`));
}

const WEB_PAGE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

class LimitedHandler implements Dispatcher.DispatchHandler {
  readonly #handler: Dispatcher.DispatchHandler;
  readonly #limits: OutgoingLimits;
  readonly #url: string;
  readonly #timer: NodeJS.Timeout;
  #controller: Dispatcher.DispatchController | null = null;
  #failure: OutgoingLimitError | null = null;
  #finished = false;
  #bytes = 0;
  #scanner: JsonDepthScanner | null = null;

  constructor(handler: Dispatcher.DispatchHandler, limits: OutgoingLimits, url: string) {
    this.#handler = handler;
    this.#limits = ownRequests.getStore() ? { ...limits, maxResponseBytes: Infinity, maxJsonDepth: Infinity } : limits;
    this.#url = url;
    const chainLeft = (chainDeadline.getStore() ?? Infinity) - Date.now();
    const ms = Math.max(1, Math.min(limits.deadlineMs, chainLeft));
    const why =
      chainLeft < limits.deadlineMs
        ? 'the requests made for one received activity share one deadline'
        : `answers are limited to ${limits.deadlineMs} ms`;
    this.#timer = setTimeout(() => this.#fail('DEADLINE', `${url} did not answer in full in time: ${why}`), ms);
    this.#timer.unref();
  }

  #fail(code: OutgoingLimitError['code'], message: string): void {
    if (this.#finished || this.#failure) return;
    const failure = (this.#failure = new OutgoingLimitError(code, message));
    // Before the request has a controller (waiting for a connection) it is aborted as it starts.
    // Deferred: undici's fetch loses an error raised in the same tick as the response headers,
    // before its reader is attached (the body then never settles).
    setImmediate(() => this.#controller?.abort(failure));
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#controller = controller;
    this.#handler.onRequestStart?.(controller, context);
    if (this.#failure) controller.abort(this.#failure);
  }

  onRequestUpgrade(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    socket: never,
  ): void {
    this.#handler.onRequestUpgrade?.(controller, statusCode, headers as never, socket);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ): void {
    if (this.#failure) return;
    const length = Number(headers['content-length']);
    if (length > this.#limits.maxResponseBytes)
      return this.#fail('TOO_LARGE', `${this.#url} announced ${length} bytes; answers are limited to ${this.#limits.maxResponseBytes}`);
    const type = headers['content-type'];
    if (!WEB_PAGE.test(Array.isArray(type) ? (type[0] ?? '') : (type ?? '')))
      this.#scanner = new JsonDepthScanner(this.#limits.maxJsonDepth);
    this.#handler.onResponseStart?.(controller, statusCode, headers as never, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#failure) return;
    this.#bytes += chunk.length;
    if (this.#bytes > this.#limits.maxResponseBytes)
      return this.#fail('TOO_LARGE', `${this.#url} sent more than ${this.#limits.maxResponseBytes} bytes, the limit of an answer`);
    if (this.#scanner && !this.#scanner.push(chunk))
      return this.#fail('TOO_DEEP', `${this.#url} sent JSON nested deeper than ${this.#limits.maxJsonDepth} levels`);
    this.#handler.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: Record<string, string | string[] | undefined>): void {
    if (this.#finished) return;
    this.#finished = true;
    clearTimeout(this.#timer);
    const failure = this.#failure;
    if (failure) setImmediate(() => this.#handler.onResponseError?.(controller, failure));
    else this.#handler.onResponseEnd?.(controller, trailers as never);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#finished) return;
    this.#finished = true;
    clearTimeout(this.#timer);
    this.#handler.onResponseError?.(controller, this.#failure ?? error);
  }
}
