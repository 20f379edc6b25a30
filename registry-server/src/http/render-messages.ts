// What the node's main thread and its render threads say to each other (render-threads.ts,
// render-thread.ts): a page request and its rendered answer, and the page's GraphQL requests and
// their answers. Plain data only: messages are copied between threads (bodies are transferred).
import type { GraphQLAnswer } from '../graphql/graphql-http-handler.ts';
import type { SiteGraphQLRequest } from './in-process-graphql.ts';

/** What a render thread is started with (workerData). */
export interface RenderThreadData {
  /** web/build (or the browser tests' snapshot of it). */
  buildDir: string;
  /** The node's logging, so the site's logs look like the node's own. */
  logging: { logLevel: 'debug' | 'info' | 'warning' | 'error'; logFormat: 'json' | 'text' } | undefined;
}

export type ToRenderThread =
  | {
      type: 'render';
      id: number;
      method: string;
      /** Absolute, on the node's public origin. */
      url: string;
      headers: Array<[string, string]>;
      body: Uint8Array | null;
      clientAddress: string;
    }
  | { type: 'graphql-answer'; id: number; answer: GraphQLAnswer };

export type FromRenderThread =
  | { type: 'ready' }
  | { type: 'rendered'; id: number; status: number; headers: Array<[string, string]>; body: Uint8Array }
  | { type: 'render-failed'; id: number; message: string }
  | { type: 'graphql'; id: number; request: SiteGraphQLRequest };
