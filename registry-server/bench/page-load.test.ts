// The page load's checks: an answer counts only when it is status 200 and the page asked for.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad, utf8BytePattern } from './load-generator.ts';
import { pagesPerSecondCeiling, plainSearchRequests, searchPageRequests } from './page-load.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A server answering each path with a fixed status and body. */
async function serve(pages: Record<string, { status: number; body: string }>): Promise<string> {
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url!, 'http://x').pathname] ?? { status: 404, body: 'no' };
    res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' }).end(page.body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const page = (lang: string, title: string, body: string) =>
  `<!doctype html><html lang="${lang}" dir="ltr"><head><title>${title}</title></head><body>${body}</body></html>`;

describe('the search page requests', () => {
  const [request] = searchPageRequests('http://127.0.0.1:1', [{ text: 'interprète', country: 'FR', sector: 'AM10' }]);
  const judge = (html: string) => request!.mustMatch.every((pattern) => pattern.test(html));

  it('go in the order of the page’s own links, in a language, and accept the results or the “nothing found” block', () => {
    expect(request!.url).toBe('http://127.0.0.1:1/search?q=interpr%C3%A8te&country=FR&sector=AM10');
    expect(request!.headers).toEqual({ 'accept-language': 'fr,en;q=0.5' });
    expect(judge(page('fr', 'Recherche « interprète » (3 résultats)', '<ol class="result-list svelte-1x">'))).toBe(true);
    expect(judge(page('fr', 'Recherche « interprète »', '<div class="empty svelte-1x">'))).toBe(true);
  });

  it('refuse a page in another language, about another word, or without results (a registry that could not search)', () => {
    expect(judge(page('en', 'Search “interprète” (3 results)', '<ol class="result-list svelte-1x">'))).toBe(false);
    expect(judge(page('fr', 'Recherche « cuisine »', '<ol class="result-list svelte-1x">'))).toBe(false);
    expect(judge(page('fr', 'Recherche « interprète »', '<p class="notice svelte-1x">La recherche est indisponible.</p>'))).toBe(false);
  });

  it('ask some languages by ?lang=, the others by Accept-Language', () => {
    const requests = plainSearchRequests('http://127.0.0.1:1', ['a', 'b', 'c', 'd']);
    expect(requests.map((r) => r.headers?.['accept-language'])).toEqual(['fr', 'en', 'it', 'el']);
    const filtered = searchPageRequests(
      'http://127.0.0.1:1',
      Array.from({ length: 4 }, () => ({ text: 'a', country: 'FR', sector: 'AM10' })),
    );
    expect(filtered[3]!.url).toMatch(/&lang=el$/);
  });
});

describe('the load generator over pages in turn', () => {
  it('counts only the answers that are status 200 and match their request’s patterns', async () => {
    const base = await serve({
      '/good': { status: 200, body: page('fr', 'Univerbal', '') },
      '/other-language': { status: 200, body: page('en', 'Univerbal', '') },
      '/error': { status: 500, body: page('fr', 'Univerbal', '') },
    });
    const expected = [/<html lang="fr"/, /<title>Univerbal<\/title>/];
    const result = await runLoad({
      url: `${base}/good`,
      headers: {},
      requests: ['/good', '/other-language', '/error'].map((path) => ({ url: `${base}${path}`, mustMatch: expected })),
      concurrency: 3,
      warmupMs: 50,
      durationMs: 300,
      maxRequests: 100_000,
    });
    expect(result.completed).toBeGreaterThan(10);
    // The loops take the three in turn: two in three fail.
    expect(Math.abs(result.errors - 2 * result.completed)).toBeLessThanOrEqual(6);
    expect(result.firstError).toMatch(/^(\/other-language: the answer does not match|status 500 for \/error)/);
  });

  it('counts no error when every page is the one asked for', async () => {
    const base = await serve({ '/good': { status: 200, body: page('fr', 'Univerbal', '') } });
    const result = await runLoad({
      url: `${base}/good`,
      headers: {},
      requests: [{ url: `${base}/good`, mustMatch: [/<title>Univerbal<\/title>/] }],
      concurrency: 2,
      warmupMs: 20,
      durationMs: 200,
      maxRequests: 100_000,
    });
    expect(result.errors).toBe(0);
    expect(result.completed).toBeGreaterThan(0);
    // Warm-up answers are not measured but were served: the node's CPU is divided by all of them.
    expect(result.answered).toBeGreaterThan(result.completed);
  });

  it('only targets 127.0.0.1', () => {
    expect(() =>
      runLoad({
        url: 'http://127.0.0.1:1/',
        headers: {},
        requests: [{ url: 'http://example.org/', mustMatch: [] }],
        concurrency: 1,
        warmupMs: 0,
        durationMs: 1,
        maxRequests: 1,
      }),
    ).toThrow(/only targets 127\.0\.0\.1/);
  });
});

describe('the ceiling of pages per second', () => {
  it('is set by the main thread alone, or by all the node’s threads sharing the cores, whichever is lower', () => {
    // The main thread answers every page's GraphQL: 2.5 ms there caps it at 400/s…
    expect(pagesPerSecondCeiling({ main: 2.5, all: 4 }, 2)).toBe(400);
    // …unless the pages' whole cost, spread over the cores, caps it lower.
    expect(pagesPerSecondCeiling({ main: 2.5, all: 8 }, 2)).toBe(250);
    expect(pagesPerSecondCeiling({ main: 4, all: 4 }, 1)).toBe(250);
  });
});

describe('patterns matched against the bytes of an answer', () => {
  const bytesOf = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

  it('match the same texts as the pattern matches the decoded text, in any script', () => {
    const texts = ['<title>διερμηνεία – Μητρώο</title>', '<title>ترجمة</title>', '<title>Écoute 🎧 café</title>', '<title>cafe</title>'];
    const patterns = [/<title>[^<]*διερμηνεία[^<]*<\/title>/, /<title>ترجمة<\/title>/, /Écoute 🎧 caf(é|e)/, /<html lang="fr"/];
    for (const pattern of patterns) {
      for (const text of texts) expect(utf8BytePattern(pattern).test(bytesOf(text)), `${pattern} on ${text}`).toBe(pattern.test(text));
    }
  });

  it('refuse a non-ASCII character inside a character class, whose bytes would match one by one', () => {
    expect(() => utf8BytePattern(/[éè]/)).toThrow(/character class/);
    expect(() => utf8BytePattern(/école/i)).toThrow(/case/);
    expect(utf8BytePattern(/\[é\]/).test(bytesOf('[é]'))).toBe(true);
  });
});
