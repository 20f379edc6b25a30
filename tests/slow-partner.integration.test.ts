// A partner that never answers cannot hold the node: outgoing requests time out, the inbox and
// the API keep answering, and local edits succeed. One that trickles a byte a second meets the
// overall deadline of every outgoing request.
import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { OPERATOR } from '../registry-server/src/federation/partners/partner-service.ts';
import { LOOKUP_DEADLINE_MS } from '../registry-server/src/outgoing/outgoing-timeouts.ts';

let node: TestNode;
let tarpit: Server;
let tarpitUrl: string;
beforeAll(async () => {
  // A "partner" that accepts connections and never sends a byte back.
  tarpit = createServer(() => {});
  const port = await freePort();
  await new Promise<void>((resolve) => tarpit.listen(port, '127.0.0.1', resolve));
  tarpitUrl = `http://127.0.0.1:${port}`;
  const nodePort = await freePort();
  node = await startTestNode({ port: nodePort, publicUrl: new URL(`http://127.0.0.1:${nodePort}`) });
});
afterAll(async () => {
  await node?.close();
  tarpit.closeAllConnections();
  await new Promise((resolve) => tarpit.close(resolve));
});

it('gives up on a partner that never answers, and keeps serving meanwhile', async () => {
  const started = Date.now();
  const following = node.federation.partners.follow(OPERATOR, `${tarpitUrl}/nodes/x`);
  // While the lookup hangs, the node answers.
  const health = await fetch(`${node.url}/healthz`);
  expect(health.status).toBe(200);
  const doc = (await node.registry.initiatives.findById('atemos'))!;
  await node.registry.initiativeEditorial.update(OPERATOR, 'atemos', doc.version, { website: 'https://example.org/atemos' });
  await expect(following).rejects.toMatchObject({ code: 'NOT_FOUND' });
  const elapsed = Date.now() - started;
  expect(elapsed).toBeLessThan(LOOKUP_DEADLINE_MS + 5_000);
}, 60_000);

describe('a key server that trickles one byte a second', () => {
  let fast: TestNode;
  let trickler: Server;
  let tricklerUrl: string;
  const DEADLINE_MS = 1_500;
  const ACTIVITY_DEADLINE_MS = 3_000;
  beforeAll(async () => {
    trickler = createServer((req, res) => {
      // /hop/N: a redirect to /hop/N+1 after a second, each hop within the per-request deadline.
      if (req.url?.startsWith('/deep'))
        return void res
          .writeHead(200, { 'content-type': 'application/activity+json' })
          .end(`{"id":"${tricklerUrl}/deep","type":"Person","publicKey":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
      const hop = /^\/hop\/(\d+)/.exec(req.url ?? '');
      if (hop) {
        const timer = setTimeout(() => res.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}#main-key` }).end(), 1_000);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/activity+json' });
      const timer = setInterval(() => res.write(' '), 1_000);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => trickler.listen(0, '127.0.0.1', resolve));
    tricklerUrl = `http://127.0.0.1:${(trickler.address() as AddressInfo).port}`;
    const port = await freePort();
    fast = await startTestNode(
      { port, publicUrl: new URL(`http://127.0.0.1:${port}`) },
      { outgoingLimits: { deadlineMs: DEADLINE_MS, activityDeadlineMs: ACTIVITY_DEADLINE_MS } },
    );
  });
  afterAll(async () => {
    await fast?.close();
    trickler.closeAllConnections();
    await new Promise((resolve) => trickler.close(resolve));
  });

  /** An unsigned-in-effect Follow whose signature names the key at `keyPath` on the trickling server. */
  function inboxPost(keyPath: string) {
    const body = JSON.stringify({
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `${tricklerUrl}/activities/${keyPath.length}`,
      type: 'Follow',
      actor: `${tricklerUrl}/users/bob`,
      object: `${fast.url}/nodes/liege`,
    });
    const target = new URL(`${fast.url}/ap/inbox`);
    const headers = {
      host: target.host,
      date: new Date().toUTCString(),
      digest: `SHA-256=${createHash('sha256').update(body).digest('base64')}`,
      'content-type': 'application/activity+json',
      // The signature is checked only once the key is fetched, and the key never finishes arriving.
      signature: `keyId="${tricklerUrl}${keyPath}",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="${Buffer.alloc(256).toString('base64')}"`,
    };
    return statusOf(target, 'POST', headers, body);
  }

  it('cannot hold an inbox POST past the deadline: the signature is refused, and the node answers meanwhile', async () => {
    const started = Date.now();
    const posting = inboxPost('/users/bob#main-key');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await statusOf(new URL(`${fast.url}/healthz`), 'GET')).toBe(200);
    const status = await posting;
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 2_000);
  }, 30_000);

  it('refuses a key whose document is nested thousands of levels deep, with a 4xx', async () => {
    const status = await inboxPost('/deep#main-key');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('cannot hold an inbox POST by a chain of slow redirects either: one deadline for all of them', async () => {
    const started = Date.now();
    const status = await inboxPost('/hop/0#main-key');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(ACTIVITY_DEADLINE_MS + 2_000);
  }, 60_000);
});

/**
 * The status of a request made with node:http: the test's own requests must not go through the
 * global fetch dispatcher, which the node under test bounds with its short deadline.
 */
function statusOf(url: URL, method: string, headers: Record<string, string> = {}, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, timeout: 20_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('no answer in 20 s')));
    req.end(body);
  });
}
