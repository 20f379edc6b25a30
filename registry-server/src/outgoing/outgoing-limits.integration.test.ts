// Every outgoing request has one overall deadline and a response-size cap, whatever the remote
// server does: trickle a byte a second, send an endless body, lie about its length, or serve
// JSON nested deeper than any real document. Checked against loopback servers doing exactly that.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDocumentLoader } from '@fedify/vocab-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwnRequests, boundedAgent, withinDeadline } from './outgoing-limits.ts';

const LIMITS = { deadlineMs: 1_500, maxResponseBytes: 64 * 1024, maxJsonDepth: 32 };
const dispatcher = boundedAgent(LIMITS);

let server: Server;
let base: string;
const open = new Set<ServerResponse>();

/** Writes `text` one byte a second, forever (until the client gives up). */
function trickle(res: ServerResponse, text: string): void {
  let i = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    res.write(text[i++ % text.length]!);
  }, 1_000);
  res.on('close', () => clearInterval(timer));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const path = req.url ?? '/';
    if (path === '/trickle') {
      res.writeHead(200, { 'content-type': 'application/activity+json' });
      trickle(res, '{"id": "x"}');
    } else if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'application/activity+json' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.write('{"padding": "');
      pump();
    } else if (path === '/announced-large') {
      res.writeHead(200, { 'content-type': 'application/activity+json', 'content-length': String(10 * 1024 * 1024) });
      res.write('{');
    } else if (path === '/deep') {
      res.writeHead(200, { 'content-type': 'application/activity+json' }).end('['.repeat(5_000) + ']'.repeat(5_000));
    } else if (path === '/deep-in-strings') {
      // Brackets inside strings are text, not nesting.
      res
        .writeHead(200, { 'content-type': 'application/activity+json' })
        .end(JSON.stringify({ id: 'x', name: '[{'.repeat(1_000) + '\\"[' }));
    } else {
      res.writeHead(200, { 'content-type': 'application/activity+json' }).end(JSON.stringify({ id: 'x', nested: { a: [{ b: [1, 2] }] } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => server.close(resolve));
  await dispatcher.close();
});

/** The error a fetch through the bounded agent ends with (reading the whole body), and how long it took. */
async function failure(path: string): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    const response = await fetch(`${base}${path}`, { dispatcher } as RequestInit);
    await response.arrayBuffer();
    return { error: null, ms: Date.now() - started };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}

/** The OutgoingLimitError somewhere in an error's cause chain. */
function limitError(error: unknown): { code?: string; message?: string } | undefined {
  for (let e = error as { cause?: unknown; name?: string } | undefined; e; e = e.cause as typeof e)
    if (e.name === 'OutgoingLimitError') return e as never;
  return undefined;
}

describe('outgoing requests', () => {
  it('give up on a server trickling one byte a second, at the deadline', async () => {
    const { error, ms } = await failure('/trickle');
    expect(limitError(error)?.code).toBe('DEADLINE');
    expect(ms).toBeGreaterThanOrEqual(LIMITS.deadlineMs - 100);
    expect(ms).toBeLessThan(LIMITS.deadlineMs + 1_000);
  });

  it('cut an endless body at the size cap', async () => {
    const { error, ms } = await failure('/endless');
    expect(limitError(error)?.code).toBe('TOO_LARGE');
    expect(ms).toBeLessThan(LIMITS.deadlineMs);
  });

  it('refuse a body announced larger than the cap before reading it', async () => {
    const { error } = await failure('/announced-large');
    expect(limitError(error)?.code).toBe('TOO_LARGE');
  });

  it('refuse JSON nested deeper than the limit, but not brackets inside strings', async () => {
    expect(limitError((await failure('/deep')).error)?.code).toBe('TOO_DEEP');
    expect((await failure('/deep-in-strings')).error).toBeNull();
    expect((await failure('/ordinary')).error).toBeNull();
  });

  it('keep the deadline but not the size caps for the node’s requests to itself (its web pages)', async () => {
    const { error } = await asOwnRequests(() => failure('/announced-large'));
    expect(limitError(error)?.code).toBe('DEADLINE');
    expect(limitError((await asOwnRequests(() => failure('/deep'))).error)).toBeUndefined();
  });

  it('share one deadline among the requests of a chain', async () => {
    const started = Date.now();
    const { error } = await withinDeadline(500, () => failure('/trickle'));
    expect(limitError(error)?.code).toBe('DEADLINE');
    expect(Date.now() - started).toBeLessThan(1_200);
  });

  it('bound Fedify’s document loader too, through the global dispatcher it uses', async () => {
    const { getGlobalDispatcher, setGlobalDispatcher } = await import('undici');
    const previous = getGlobalDispatcher();
    setGlobalDispatcher(dispatcher);
    try {
      const loader = getDocumentLoader({ allowPrivateAddress: true });
      const started = Date.now();
      const error = await loader(`${base}/trickle`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(limitError(error)?.code).toBe('DEADLINE');
      expect(Date.now() - started).toBeLessThan(LIMITS.deadlineMs + 1_000);
      expect(
        limitError(
          await loader(`${base}/deep`).then(
            () => null,
            (e: unknown) => e,
          ),
        )?.code,
      ).toBe('TOO_DEEP');
    } finally {
      setGlobalDispatcher(previous);
    }
  });
});
