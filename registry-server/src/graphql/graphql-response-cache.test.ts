import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { GraphQLResponseCache } from './graphql-response-cache.ts';

const request = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  ({ url, method, headers }) as unknown as IncomingMessage;
function response() {
  const sent: { status?: number; headers?: Record<string, string>; body?: Buffer } = {};
  const res = {
    writeHead: (status: number, headers: Record<string, string>) => ((sent.status = status), (sent.headers = headers)),
    end: (body: Buffer) => (sent.body = body),
  } as unknown as ServerResponse;
  return { res, sent };
}

describe('GraphQLResponseCache', () => {
  it('serves a stored answer until a public collection is written', () => {
    let generation = 1;
    const cache = new GraphQLResponseCache({ generation: () => generation, ttlMs: Infinity });
    const req = request('/graphql?query={a}', { accept: 'application/json' });
    expect(cache.serve(req, response().res)).toBe(false);
    cache.store(req, 200, { 'content-type': 'application/json' }, '{"data":{"a":1}}', generation);
    const hit = response();
    expect(cache.serve(req, hit.res)).toBe(true);
    expect(hit.sent.body?.toString()).toBe('{"data":{"a":1}}');
    generation++;
    expect(cache.serve(req, response().res)).toBe(false);
  });

  it('expires entries after the ttl and separates languages and media types', () => {
    let now = 0;
    const cache = new GraphQLResponseCache({ generation: () => 1, ttlMs: 1_000, now: () => now });
    const fr = request('/graphql?query={a}', { 'accept-language': 'fr' });
    const ar = request('/graphql?query={a}', { 'accept-language': 'ar' });
    cache.store(fr, 200, {}, '{"data":{"a":"fr"}}', 1);
    expect(cache.serve(ar, response().res)).toBe(false);
    now = 999;
    expect(cache.serve(fr, response().res)).toBe(true);
    now = 1_001;
    expect(cache.serve(fr, response().res)).toBe(false);
  });

  it('never caches errors, POST bodies or requests that carry credentials', () => {
    const cache = new GraphQLResponseCache({ generation: () => 1, ttlMs: Infinity });
    const withErrors = request('/graphql?query={b}');
    cache.store(withErrors, 200, {}, '{"errors":[{"message":"x"}],"data":null}', 1);
    expect(cache.serve(withErrors, response().res)).toBe(false);
    expect(cache.key(request('/graphql?query={a}', {}, 'POST'))).toBeNull();
    expect(cache.key(request('/graphql?query={a}', { cookie: 'session=1' }))).toBeNull();
    expect(cache.key(request('/graphql?query={a}', { authorization: 'Bearer x' }))).toBeNull();
  });

  it('keeps encoded variants with their entry only: a write makes them go with it', () => {
    let generation = 1;
    const cache = new GraphQLResponseCache({ generation: () => generation, ttlMs: Infinity });
    const answer = (word: string) => JSON.stringify({ data: { items: Array.from({ length: 100 }, (_, i) => `${word} ${i}`) } });
    const br = request('/graphql?query={items}', { 'accept-encoding': 'br' });
    const gzip = request('/graphql?query={items}', { 'accept-encoding': 'gzip;q=1, br;q=0' });
    // What the compression around the node set when the first answer went out must not be kept.
    cache.store(br, 200, { 'content-type': 'application/json', 'content-encoding': 'br', vary: 'Accept-Encoding' }, answer('before'), 1);
    const first = response();
    expect(cache.serve(br, first.res)).toBe(true);
    expect(first.sent.headers?.['content-encoding']).toBe('br');
    expect(brotliDecompressSync(first.sent.body!).toString()).toBe(answer('before'));
    const plain = response();
    expect(cache.serve(request('/graphql?query={items}'), plain.res)).toBe(true);
    expect(plain.sent.headers?.['content-encoding']).toBeUndefined();
    expect(plain.sent.body?.toString()).toBe(answer('before'));

    generation++;
    expect(cache.serve(br, response().res)).toBe(false);
    cache.store(br, 200, { 'content-type': 'application/json' }, answer('after'), generation);
    const again = response();
    expect(cache.serve(br, again.res)).toBe(true);
    expect(brotliDecompressSync(again.sent.body!).toString()).toBe(answer('after'));
    const zipped = response();
    expect(cache.serve(gzip, zipped.res)).toBe(true);
    expect(zipped.sent.headers?.['content-encoding']).toBe('gzip');
    expect(zipped.sent.headers?.vary).toBe('Accept-Encoding');
    expect(zipped.sent.headers?.['content-length']).toBe(String(zipped.sent.body!.length));
    expect(gunzipSync(zipped.sent.body!).toString()).toBe(answer('after'));
  });

  it('sends small answers as they are', () => {
    const cache = new GraphQLResponseCache({ generation: () => 1, ttlMs: Infinity });
    const req = request('/graphql?query={a}', { 'accept-encoding': 'br, gzip' });
    cache.store(req, 200, {}, '{"data":{"a":1}}', 1);
    const hit = response();
    expect(cache.serve(req, hit.res)).toBe(true);
    expect(hit.sent.headers?.['content-encoding']).toBeUndefined();
    expect(hit.sent.body?.toString()).toBe('{"data":{"a":1}}');
  });
});
