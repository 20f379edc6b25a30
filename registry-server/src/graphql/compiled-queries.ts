// Queries run by graphql-jit instead of graphql-js (ADR 0019): a query seen before is compiled
// once into a function that resolves its fields directly, which cut the execution of the
// uncached listing query several times over (issue 13). Apollo keeps everything else: GraphQL
// over HTTP, parsing, validation with our limits, error formatting and status codes.
//
// It plugs in where Apollo lets a plugin answer an operation itself (responseForOperation),
// and answers only when the answer is certain to be what graphql-js would give:
// - queries only: mutations run once, by Apollo, as ever;
// - a document's first execution is left to Apollo: compiling costs tens of executions, and a
//   client sending a new query every time must not make the node compile for nothing;
// - an answer with any error is discarded and the query run again by Apollo, so errors keep
//   exactly Apollo's codes, messages and HTTP statuses (queries have no side effects: GraphQL's
//   rule, which this node's GET answers and response cache already rely on).
// Apollo's gateway interface would also take an executor, but measured, it made every request's
// objects survive garbage collections (scavenges 40 times longer), costing more than it saved.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LruMap } from '../caching/lru-map.ts';

/** Compiled queries kept: the site's own operations and clients' are a few dozen. */
const COMPILED_KEPT = 500;

/**
 * Executions by Apollo before a query is compiled. The server tests set it to 0 (vitest.config.ts),
 * so that every query they send runs compiled and the suites check graphql-jit's answers too; not
 * an operator setting.
 */
const COMPILE_AFTER = Number(process.env.UMN_GRAPHQL_COMPILE_AFTER ?? 1);

export interface CompiledQueriesOptions {
  /** Queries remembered, compiled or counted. */
  capacity?: number;
  /** Executions by Apollo before a query is compiled. */
  compileAfter?: number;
  /** Told of each query text a compiled query answered without errors (direct-answers.ts). */
  onAnswered?: (query: string, operationName: string | null | undefined, compiled: CompiledQuery) => void;
}

export class CompiledQueries {
  readonly #schema: GraphQLSchema;
  /** By query hash and operation name: a compiled query, or how many times it ran uncompiled. */
  readonly #compiled: LruMap<string, CompiledQuery | number>;
  readonly #compileAfter: number;
  /** Answers given by compiled queries (for tests). */
  answered = 0;

  /** Queries known (compiled or counted), at most the capacity. */
  get size(): number {
    return this.#compiled.size;
  }

  readonly #onAnswered: CompiledQueriesOptions['onAnswered'];

  constructor(schema: GraphQLSchema, options: CompiledQueriesOptions = {}) {
    this.#schema = schema;
    this.#compiled = new LruMap(options.capacity ?? COMPILED_KEPT);
    this.#compileAfter = options.compileAfter ?? COMPILE_AFTER;
    this.#onAnswered = options.onAnswered;
  }

  /** The compiled answer to a query, or null when graphql-js should answer (see above). */
  async answer<TContext extends BaseContext>(request: GraphQLRequestContext<TContext>): Promise<ExecutionResult | null> {
    const { document, operation, queryHash } = request;
    if (!document || !queryHash || operation?.operation !== 'query') return null;
    const key = `${queryHash}\u0000${request.operationName ?? ''}`;
    let compiled = this.#compiled.get(key) ?? 0;
    if (typeof compiled === 'number') {
      if (compiled < this.#compileAfter) {
        this.#compiled.set(key, compiled + 1);
        return null;
      }
      const result = compileQuery(this.#schema, document, request.operationName ?? undefined, { disablingCapturingStackErrors: true });
      // Not compilable (graphql-jit says why): graphql-js keeps answering it.
      if (!isCompiledQuery(result)) return null;
      compiled = result;
    }
    this.#compiled.set(key, compiled);
    const result = await compiled.query(undefined, request.contextValue, request.request.variables ?? {});
    if (result.errors?.length) return null;
    this.answered++;
    if (request.request.query !== undefined) this.#onAnswered?.(request.request.query, request.request.operationName, compiled);
    return result;
  }
}

/** The Apollo plugin answering queries with `queries`. */
export function compiledQueriesPlugin<TContext extends BaseContext>(queries: CompiledQueries): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation(request) {
          const result = await queries.answer(request);
          if (!result) return null;
          return { http: { headers: new HeaderMap(), status: undefined }, body: { kind: 'single', singleResult: result } };
        },
      };
    },
  };
}
