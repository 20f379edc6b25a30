import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, postGraphQL } from './graphql-request.ts';

function fakeFetch(status: number, body: unknown, seen: { init?: RequestInit; url?: string } = {}): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen.url = url;
    seen.init = init;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
}

describe('postGraphQL', () => {
  it('POSTs the query and variables with the reader’s language and returns data', async () => {
    const seen: { init?: RequestInit; url?: string } = {};
    const data = await postGraphQL<{ ok: boolean }>(
      'http://127.0.0.1:1/graphql',
      'query { ok }',
      { lang: 'ar' },
      { lang: 'ar', fetch: fakeFetch(200, { data: { ok: true } }, seen) },
    );
    expect(data).toEqual({ ok: true });
    expect(seen.url).toBe('http://127.0.0.1:1/graphql');
    expect(seen.init?.method).toBe('POST');
    expect((seen.init?.headers as Record<string, string>)['accept-language']).toBe('ar');
    expect(JSON.parse(String(seen.init?.body))).toEqual({ query: 'query { ok }', variables: { lang: 'ar' } });
  });

  it('throws a GraphQLRequestError naming the codes when the answer has errors', async () => {
    const fetch = fakeFetch(400, { errors: [{ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    const error = await postGraphQL('http://x/graphql', '{ nope }', {}, { lang: 'fr', fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).code).toBe('GRAPHQL_ERRORS');
    expect((error as GraphQLRequestError).message).toContain('GRAPHQL_VALIDATION_FAILED: Cannot query field "nope"');
  });

  it('throws on partial data with errors too', async () => {
    const fetch = fakeFetch(200, { data: { a: 1 }, errors: [{ message: 'boom' }] });
    await expect(postGraphQL('http://x/graphql', '{ a }', {}, { lang: 'fr', fetch })).rejects.toThrow(/errors: boom/);
  });

  it('explains a non-JSON answer and an unreachable node', async () => {
    await expect(postGraphQL('http://x/', '{ a }', {}, { lang: 'fr', fetch: fakeFetch(404, '<html>') })).rejects.toMatchObject({
      code: 'NOT_JSON',
      status: 404,
    });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(postGraphQL('http://x/graphql', '{ a }', {}, { lang: 'fr', fetch: down })).rejects.toMatchObject({ code: 'UNREACHABLE' });
  });
});
