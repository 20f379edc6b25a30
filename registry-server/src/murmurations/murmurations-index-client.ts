// The Murmurations index API v2, as a node uses it: POST /nodes {profile_url} to add or refresh a
// profile (the index fetches it again), GET /nodes/{node_id} for its status, DELETE
// /nodes/{node_id} once the profile URL answers 404. Every answer is read defensively: the index
// is another server, it may be slow, down, or answer something that is not its API. Each request
// is bounded in time here, and in size by the node's outgoing limits (outgoing-limits.ts); no
// redirect is followed (the index has no reason to send one, and it could point anywhere).
import { OutgoingLimitError } from '../outgoing/outgoing-limits.ts';

export interface IndexAnswer {
  /** Whether the index did what was asked (a 2xx answer that reads as its API). */
  ok: boolean;
  /** The HTTP status, null when no answer came (timeout, refused connection). */
  httpStatus: number | null;
  /** The node's status in the index when it says (received, validated, posted, deleted, validation_failed …). */
  indexStatus?: string;
  /** What went wrong, for logs and the status view: short, from the index's own error titles and details. */
  reason?: string;
}

/** Longest text kept from an index's error: a hostile one could send a megabyte of it. */
const REASON_MAX = 300;

export class MurmurationsIndexClient {
  readonly #base: string;
  readonly #timeoutMs: number;

  constructor(baseUrl: URL, options: { timeoutMs: number }) {
    this.#base = baseUrl.href.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs;
  }

  /** Asks the index to fetch (again) the profile at `profileUrl`. */
  post(profileUrl: string): Promise<IndexAnswer> {
    return this.#request('POST', '/nodes', JSON.stringify({ profile_url: profileUrl }));
  }

  /** Asks the index to drop a profile; it agrees only once the profile URL answers 404. */
  delete(nodeId: string): Promise<IndexAnswer> {
    return this.#request('DELETE', `/nodes/${encodeURIComponent(nodeId)}`);
  }

  status(nodeId: string): Promise<IndexAnswer> {
    return this.#request('GET', `/nodes/${encodeURIComponent(nodeId)}`);
  }

  async #request(method: string, path: string, body?: string): Promise<IndexAnswer> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.#base}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      return { ok: false, httpStatus: null, reason: this.#failureOf(error) };
    }
    const json = parseJson(text);
    const indexStatus = stringAt(json, 'data', 'status');
    if (response.status >= 200 && response.status < 300) {
      if (json === undefined)
        return { ok: false, httpStatus: response.status, reason: 'the index answered with something that is not JSON' };
      return { ok: true, httpStatus: response.status, ...(indexStatus ? { indexStatus } : {}) };
    }
    return {
      ok: false,
      httpStatus: response.status,
      ...(indexStatus ? { indexStatus } : {}),
      reason: errorsOf(json) ?? `the index answered HTTP ${response.status}`,
    };
  }

  #failureOf(error: unknown): string {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return `the index did not answer within ${this.#timeoutMs} ms`;
    // The node's outgoing limits cut an answer too large or too deep (outgoing-limits.ts).
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof OutgoingLimitError) return `the index's answer was cut: ${clip(cause.message)}`;
    return `the index could not be reached (${clip((error as Error).message)})`;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function stringAt(json: unknown, ...path: string[]): string | undefined {
  let value = json;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? clip(value) : undefined;
}

/** The index's JSON:API errors as one line: "Title: detail; Title: detail". */
function errorsOf(json: unknown): string | undefined {
  const errors = json && typeof json === 'object' ? (json as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return undefined;
  const lines = errors
    .slice(0, 5)
    .map((error: unknown) => {
      const e = (error && typeof error === 'object' ? error : {}) as { title?: unknown; detail?: unknown };
      return [e.title, e.detail].filter((part) => typeof part === 'string' && part).join(': ');
    })
    .filter(Boolean);
  return lines.length ? clip(lines.join('; ')) : undefined;
}

function clip(text: string): string {
  return text.length <= REASON_MAX ? text : `${text.slice(0, REASON_MAX - 1)}…`;
}
