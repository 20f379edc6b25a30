import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { GraphQLResponseCache } from './graphql-response-cache.ts';

const request = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  ({ url, method, headers }) as unknown as IncomingMessage;
function response() {
  const sent: { status?: number; body?: Buffer } = {};
  const res = {
    writeHead: (status: number) => (sent.status = status),
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
});
