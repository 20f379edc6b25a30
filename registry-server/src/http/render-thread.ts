// A render thread (started by render-threads.ts): the built site (SvelteKit's server, as
// adapter-node builds it) rendering the pages the main thread hands it. The site's GraphQL
// requests go back to the main thread, which owns the store and the API; the thread has nothing
// else of the node, so the site's boundary (GraphQL only) is the thread's boundary too.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { configureLogging } from '../config/logging.ts';
import type { GraphQLAnswer } from '../graphql/graphql-http-handler.ts';
import { IN_PROCESS_GRAPHQL, responseOf, siteRequestOf } from './in-process-graphql.ts';
import type { FromRenderThread, RenderThreadData, ToRenderThread } from './render-messages.ts';

interface BuiltServer {
  init(options: { env: Record<string, string | undefined>; read: (file: string) => ReadableStream }): Promise<void>;
  respond(request: Request, options: { platform: object; getClientAddress: () => string }): Promise<Response>;
}

const port = parentPort!;
const data = workerData as RenderThreadData;
const send = (message: FromRenderThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

if (data.logging) await configureLogging(data.logging);

const waiting = new Map<number, (answer: GraphQLAnswer) => void>();
let lastQuery = 0;
(globalThis as Record<symbol, unknown>)[IN_PROCESS_GRAPHQL] = (async (input, init) => {
  const request = await siteRequestOf(input, init);
  const id = ++lastQuery;
  const answer = await new Promise<GraphQLAnswer>((resolve) => {
    waiting.set(id, resolve);
    send({ type: 'graphql', id, request });
  });
  return responseOf(answer);
}) satisfies typeof fetch;

const built = (await import(pathToFileURL(join(data.buildDir, 'adapter-node.js')).href)) as {
  server: BuiltServer;
  dir: string;
  base: string;
};
const assets = join(built.dir, 'client', built.base);
await built.server.init({
  env: process.env,
  // $app/server's read(): the site's own files, as adapter-node serves them.
  read: (file) => Readable.toWeb(createReadStream(join(assets, file))) as ReadableStream,
});

port.on('message', (message: ToRenderThread) => {
  if (message.type === 'graphql-answer') {
    waiting.get(message.id)?.(message.answer);
    waiting.delete(message.id);
  } else void render(message);
});
send({ type: 'ready' });

async function render(message: Extract<ToRenderThread, { type: 'render' }>): Promise<void> {
  try {
    const request = new Request(message.url, {
      method: message.method,
      headers: message.headers,
      body: message.body,
    });
    const response = await built.server.respond(request, { platform: {}, getClientAddress: () => message.clientAddress });
    const body = new Uint8Array(await response.arrayBuffer());
    // Headers iterate Set-Cookie once per cookie.
    send({ type: 'rendered', id: message.id, status: response.status, headers: [...response.headers], body }, [body.buffer]);
  } catch (error) {
    send({ type: 'render-failed', id: message.id, message: (error as Error).message });
  }
}
