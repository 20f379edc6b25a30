// Compression of every dynamic answer (issue 13, point 5), over real HTTP on a seeded node: the
// coding follows Accept-Encoding and its q-values, the bytes decode to the identity answer, small
// bodies and HEAD stay as they are, Vary is always there, the security headers stay, and an answer
// of the GraphQL response cache is served encoded and never outlives a write. (The web pages'
// compression is checked on the built site: tests/e2e/compression.e2e.test.ts.)
import { request } from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { OPERATOR } from '../federation/partners/partner-service.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes on the wire, not decoded. */
  raw: Buffer;
  /** The bytes decoded according to Content-Encoding. */
  body: Buffer;
}

/** A request whose answer is not decoded by the client (fetch would decode it silently). */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const coding = res.headers['content-encoding'];
        const body =
          coding === 'br'
            ? zlib.brotliDecompressSync(bytes)
            : coding === 'gzip'
              ? zlib.gunzipSync(bytes)
              : coding === 'deflate'
                ? zlib.inflateSync(bytes)
                : bytes;
        resolve({ status: res.statusCode!, headers: res.headers, raw: bytes, body });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const LISTING =
  '{ initiatives(first: 20) { totalCount edges { node { id slug name { text language } summary { text } primarySector { code label } location { locality country { code } } } } } }';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node?.close());

const post = (query: string, acceptEncoding?: string) =>
  raw(`${node.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
    body: JSON.stringify({ query }),
  });
const varyNames = (answer: RawAnswer) =>
  String(answer.headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());

describe('compression of dynamic answers', () => {
  it('sends brotli or gzip by Accept-Encoding, decoding to the same bytes as the identity answer', async () => {
    const identity = await post(LISTING);
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.length).toBeGreaterThan(2_000);
    expect(JSON.parse(identity.body.toString()).data.initiatives.edges.length).toBeGreaterThan(0);
    for (const [acceptEncoding, coding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br, zstd', 'br'],
      ['deflate', 'deflate'],
    ] as const) {
      const answer = await post(LISTING, acceptEncoding);
      expect(answer.headers['content-encoding'], acceptEncoding).toBe(coding);
      expect(answer.raw.length, `${acceptEncoding}: smaller on the wire`).toBeLessThan(identity.body.length / 2);
      expect(answer.body.equals(identity.body), `${acceptEncoding}: same bytes once decoded`).toBe(true);
      expect(varyNames(answer)).toContain('accept-encoding');
    }
  });

  it('respects q-values: q=0 refuses a coding, and nothing acceptable means identity', async () => {
    const identity = await post(LISTING);
    const cases: Array<[string, string | undefined]> = [
      ['br;q=0, gzip', 'gzip'],
      ['BR;Q=0, GZIP', 'gzip'],
      ['Gzip;Q=0, Br;Q=0', undefined],
      ['br;q=0.1, gzip;q=0.9', 'gzip'],
      ['gzip;q=0, br;q=0', undefined],
      ['*;q=0', undefined],
      ['identity', undefined],
      ['br;q=0, gzip;q=0, deflate;q=0, identity;q=0', undefined],
      ['x-unknown', undefined],
      ['', undefined],
    ];
    for (const [acceptEncoding, coding] of cases) {
      const answer = await post(LISTING, acceptEncoding);
      expect(answer.status, acceptEncoding).toBe(200);
      expect(answer.headers['content-encoding'], `Accept-Encoding: ${acceptEncoding}`).toBe(coding);
      expect(answer.body.equals(identity.body), acceptEncoding).toBe(true);
      expect(varyNames(answer), acceptEncoding).toContain('accept-encoding');
    }
  });

  it('leaves tiny bodies and HEAD answers as they are, with Vary all the same', async () => {
    const health = await raw(`${node.url}/healthz`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(health.status).toBe(200);
    expect(health.raw.length).toBeLessThan(1024);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString()).status).toBe('ok');
    expect(varyNames(health)).toContain('accept-encoding');

    const small = await post('{ thisNode { slug } }', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString()).data.thisNode.slug).toBe('liege');

    const head = await raw(`${node.url}/ns`, { method: 'HEAD', headers: { 'accept-encoding': 'br, gzip' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.raw.length).toBe(0);
  });

  it('compresses federation JSON, WebFinger and the JSON-LD context too, and keeps the security headers', async () => {
    const answers: Array<[string, string, Record<string, string>]> = [
      ['ActivityPub actor', '/nodes/liege', { accept: 'application/activity+json' }],
      ['ActivityPub object', '/initiatives/univerbal', { accept: 'application/activity+json' }],
      ['JSON-LD context', '/ns', {}],
    ];
    for (const [what, path, headers] of answers) {
      const plain = await raw(`${node.url}${path}`, { headers });
      const br = await raw(`${node.url}${path}`, { headers: { ...headers, 'accept-encoding': 'br' } });
      expect(plain.status, what).toBe(200);
      expect(plain.body.length, `${what} is large enough to compress`).toBeGreaterThan(1024);
      expect(br.headers['content-encoding'], what).toBe('br');
      expect(br.body.equals(plain.body), `${what}: same bytes once decoded`).toBe(true);
      expect(br.headers['content-security-policy'], what).toMatch(/^default-src 'none'/);
      expect(br.headers['x-content-type-options'], what).toBe('nosniff');
      expect(br.headers['x-frame-options'], what).toBe('DENY');
    }
  });
});

describe('compression of answers from the GraphQL response cache', () => {
  const get = (acceptEncoding?: string) =>
    raw(`${node.url}/graphql?${new URLSearchParams({ query: LISTING })}`, {
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  it('serves a hit encoded as asked, the same bytes for every coding, and never a stale encoding after a write', async () => {
    const first = await get('br');
    expect(first.headers['x-response-cache']).toBeUndefined();
    expect(first.headers['content-encoding']).toBe('br');
    const expected = first.body;

    // The first answer went out compressed; what the cache kept must still be the plain answer.
    const plain = await get();
    expect(plain.headers['x-response-cache']).toBe('hit');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(expected)).toBe(true);
    expect(Number(plain.headers['content-length'])).toBe(plain.raw.length);

    for (const coding of ['br', 'gzip', 'br', 'gzip', 'deflate']) {
      const hit = await get(coding);
      expect(hit.headers['x-response-cache'], coding).toBe('hit');
      expect(hit.headers['content-encoding'], coding).toBe(coding);
      expect(Number(hit.headers['content-length']), coding).toBe(hit.raw.length);
      expect(hit.raw.length, coding).toBeLessThan(expected.length / 2);
      expect(hit.body.equals(expected), `${coding}: same bytes once decoded`).toBe(true);
      expect(varyNames(hit), coding).toContain('accept-encoding');
      expect(hit.headers['content-security-policy'], coding).toMatch(/^default-src 'none'/);
    }
    const refused = await get('br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(expected)).toBe(true);

    const doc = (await node.registry.initiatives.findById('univerbal'))!;
    await node.registry.initiativeEditorial.update(OPERATOR, 'univerbal', doc.version, {
      // Anonymous readers without Accept-Language read the node's language (French in Liège).
      summary: { fr: 'Résumé — summary changed by the compression test', en: 'Summary changed by the compression test' },
    } as never);
    for (const coding of ['br', 'gzip']) {
      const after = await get(coding);
      const text = after.body.toString();
      expect(text, `${coding} after a write`).toContain('summary changed by the compression test');
      expect(after.body.equals(expected), coding).toBe(false);
    }
    const hitAfter = await get('br');
    expect(hitAfter.headers['x-response-cache']).toBe('hit');
    expect(hitAfter.body.toString()).toContain('summary changed by the compression test');
  });
});
