// Answers a POST with a query that Apollo has already parsed, validated and seen answered by
// compiled code without errors, without going through Apollo's request pipeline again (ADR 0019).
// What Apollo does per request around the execution (hashing the query, looking up the parsed
// document, negotiating the media type, running the plugin hooks, serialising) was a sixth of an
// uncached listing query's cost (issue 13); for a query it has already accepted, its answer can
// only be the compiled query's.
//
// Only when every part is known to be what Apollo would do:
// - POST with a JSON object of `query`, `variables` and `operationName` only (extensions,
//   batches, GET: Apollo), a query text of at most 16 KB that Apollo accepted before, exactly;
// - an Accept header Apollo has answered with 200 before: its media type is reused;
// - an answer without errors: else Apollo runs the query again and answers, with its codes.
import type { CompiledQuery } from 'graphql-jit';
import { LruMap } from '../caching/lru-map.ts';
import type { GraphQLContext } from './context.ts';
import type { GraphQLAnswer, GraphQLRequestHead } from './graphql-http-handler.ts';

/** Longest query text answered directly: the site's and clients' queries are a few KB. */
const MAX_QUERY_LENGTH = 16 * 1024;
const KEPT = 500;
const ACCEPTS_KEPT = 100;
const BODY_KEYS = new Set(['query', 'variables', 'operationName']);

export class DirectAnswers {
  /** Compiled queries by operation name and query text. */
  readonly #queries = new LruMap<string, CompiledQuery>(KEPT);
  /** The media type Apollo answered with, by Accept header. */
  readonly #mediaTypes = new Map<string, string>();
  /** Answers given directly (for tests). */
  answered = 0;

  /** Apollo accepted `query` (parsed, validated) and its compiled form answered without errors. */
  learnQuery(query: string, operationName: string | null | undefined, compiled: CompiledQuery): void {
    if (query.length > MAX_QUERY_LENGTH) return;
    this.#queries.set(`${operationName ?? ''}\u0000${query}`, compiled);
  }

  /** Apollo answered a successful POST asked with `accept` in `mediaType`. */
  learnMediaType(accept: string | undefined, mediaType: string | undefined): void {
    if (!mediaType || this.#mediaTypes.has(acceptKey(accept)) || this.#mediaTypes.size >= ACCEPTS_KEPT) return;
    this.#mediaTypes.set(acceptKey(accept), mediaType);
  }

  /** The answer, or null when Apollo must answer (see above). */
  async answer(request: GraphQLRequestHead, context: () => Promise<GraphQLContext>): Promise<GraphQLAnswer | null> {
    if (request.method !== 'POST') return null;
    const body = request.body as Record<string, unknown> | null | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    for (const key in body) if (!BODY_KEYS.has(key)) return null;
    const { query, variables, operationName } = body;
    if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) return null;
    if (operationName != null && typeof operationName !== 'string') return null;
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
    const mediaType = this.#mediaTypes.get(acceptKey(request.headers.accept));
    const compiled = this.#queries.get(`${operationName ?? ''}\u0000${query}`);
    if (!mediaType || !compiled) return null;
    const result = await compiled.query(undefined, await context(), (variables ?? {}) as Record<string, unknown>);
    if (result.errors?.length) return null;
    this.answered++;
    // As Apollo writes it (prettyJSONStringify), so both answers are the same bytes. Not graphql-jit's
    // fast-json-stringify serializer: faster, but it writes the fields of a union's fragments in
    // another order than the query's (measured; GraphQL answers fields in the order asked).
    return { status: 200, headers: [['content-type', mediaType]], body: `${JSON.stringify(result)}\n` };
  }
}

/** No Accept header is not an empty one (Apollo answers JSON to the first, and may refuse the second). */
const acceptKey = (accept: string | undefined) => accept ?? '\u0000';
