// The render threads' plumbing (render-threads.ts, render-thread.ts) with a stand-in for the
// built site, so it runs without web/build: requests and forms reach the thread whole and come
// back whole (status, every Set-Cookie, bytes), the site's GraphQL reaches the node's real
// handler, a form too large is refused before any thread sees it, and a thread that dies costs
// the pages in flight a 503 and is replaced. (The real site through the threads: tests/e2e.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler, type GraphQLHandler } from '../graphql/graphql-http-handler.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { MAX_PAGE_BODY_BYTES, RenderThreads } from './render-threads.ts';

// What adapter-node's build/adapter-node.js exports, reduced to what the thread uses.
const STAND_IN_SITE = `
export const dir = import.meta.dirname;
export const base = '';
export const server = {
  async init() {},
  async respond(request, { getClientAddress }) {
    const url = new URL(request.url);
    if (url.pathname === '/die') process.exit(3);
    if (url.pathname === '/slow') await new Promise((resolve) => setTimeout(resolve, 60_000));
    if (url.pathname === '/node') {
      const fetch = globalThis[Symbol.for('umn.registry.graphql-fetch')];
      const answer = await fetch('http://registry.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'it' },
        body: JSON.stringify({ query: '{ thisNode { slug name(lang: "it") { text } } }' }),
      });
      return Response.json({ status: answer.status, body: await answer.json() });
    }
    const headers = new Headers({ 'content-type': 'text/plain; charset=utf-8' });
    headers.append('set-cookie', 'first=1; Path=/');
    headers.append('set-cookie', 'second=2; Path=/');
    const body = request.method === 'POST' ? await request.text() : '';
    return new Response(request.method + ' ' + url.href + ' from ' + getClientAddress() + ' ' + body + ' é', { status: 201, headers });
  },
};
`;

let node: TestNode;
let graphql: GraphQLHandler;
let threads: RenderThreads;
let server: Server;
let base: string;
let buildDir: string;
let mainThreadPages = 0;

beforeAll(async () => {
  node = await startTestNode();
  graphql = await createGraphQLHandler(node.registry);
  buildDir = mkdtempSync(join(tmpdir(), 'umn-render-'));
  writeFileSync(join(buildDir, 'adapter-node.js'), STAND_IN_SITE);
  threads = new RenderThreads({
    count: 1,
    graphql,
    origin: 'https://registry.example',
    data: { buildDir, logging: undefined },
    restartAfterMs: 100,
  });
  server = createServer((req, res) => {
    if (threads.available()) return void threads.render(req, res);
    mainThreadPages++;
    res.end('main thread');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await threads?.close();
  server?.close();
  await graphql?.stop();
  await node?.close();
  rmSync(buildDir, { recursive: true, force: true });
});

/** A GET with the request target exactly as given (fetch would normalise it). */
function rawGet(target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(base);
    request({ host: '127.0.0.1', port, path: target }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Pages until one comes from a thread (the first requests start it and render on the main thread). */
async function untilThreaded(path = '/'): Promise<Response> {
  for (let i = 0; i < 200; i++) {
    const response = await fetch(`${base}${path}`);
    if (response.status !== 200 || (await response.clone().text()) !== 'main thread') return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no render thread became ready in 10 s');
}

describe('render threads', () => {
  it('render on the main thread until a thread is ready, then in the thread, with status, every cookie and the bytes', async () => {
    const response = await untilThreaded('/a/page?x=1');
    expect(mainThreadPages).toBeGreaterThan(0);
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(['first=1; Path=/', 'second=2; Path=/']);
    // The page sees the node's public origin, and the browser's address.
    expect(await response.text()).toBe('GET https://registry.example/a/page?x=1 from 127.0.0.1  é');
  });

  it('keeps the page on the node’s origin whatever the request target says', async () => {
    await untilThreaded();
    // "//host/…" is a path here, as adapter-node reads it, never another origin: the site's
    // CSRF check and every link it makes depend on the origin it is given.
    const doubled = await rawGet('//evil.example/x?y=1');
    expect(doubled.status).toBe(201);
    expect(doubled.body).toBe('GET https://registry.example//evil.example/x?y=1 from 127.0.0.1  é');
    // An absolute URL as the target (proxy form) is refused.
    const absolute = await rawGet('http://evil.example/x');
    expect(absolute.status).toBe(400);
  });

  it('hands a form its body whole', async () => {
    await untilThreaded();
    const form = new URLSearchParams({ name: 'Univerbal', text: 'ü'.repeat(10_000) }).toString();
    const response = await fetch(`${base}/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(await response.text()).toBe(`POST https://registry.example/form from 127.0.0.1 ${form} é`);
  });

  it(`refuses a body over ${MAX_PAGE_BODY_BYTES / 1024} KB with 413, declared or not`, async () => {
    await untilThreaded();
    const big = 'x'.repeat(MAX_PAGE_BODY_BYTES + 1);
    const declared = await fetch(`${base}/form`, { method: 'POST', body: big });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toMatch(/larger than 512 KB/);
    // Sent in chunks without a length: counted as it arrives.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(100 * 1024)));
        controller.close();
      },
    });
    const chunked = await fetch(`${base}/form`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('answers the site’s GraphQL through the node’s own handler', async () => {
    await untilThreaded();
    const response = await fetch(`${base}/node`);
    expect(await response.json()).toEqual({
      status: 200,
      body: { data: { thisNode: { slug: 'liege', name: { text: expect.any(String) } } } },
    });
  });

  it('answers 503 to the pages of a thread that dies, and replaces the thread', async () => {
    await untilThreaded();
    const waiting = fetch(`${base}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const died = await fetch(`${base}/die`);
    expect(died.status).toBe(503);
    expect((await waiting).status).toBe(503);
    const again = await untilThreaded('/after');
    expect(await again.text()).toBe('GET https://registry.example/after from 127.0.0.1  é');
  });
});
