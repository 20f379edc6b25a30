// What a phone on a slow network gets (issue 13, point 5), on the node as operators run it with
// the built site: pages compressed by Accept-Encoding (the static files still precompressed),
// valid language alternates (absolute URLs, every interface language and x-default, each serving
// the language it names), and the pages' CSS inline under the page's nonce, so nothing but the
// HTML stands before the first paint. Lighthouse itself runs in the bench (bench/lighthouse.bench.ts).
import { request } from 'node:http';
import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();
const UI_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'];
const PUBLIC_PAGES = [
  '/',
  '/search?q=interpreting',
  '/initiatives/univerbal',
  '/practices/liege-pt6-public-procurement',
  '/nodes/liege',
  '/practice-types/PT6',
];

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
  /** Decoded according to Content-Encoding. */
  text: string;
}

/** GET without the client decoding anything (fetch would), so the coding on the wire is seen. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const coding = res.headers['content-encoding'];
        const body = coding === 'br' ? zlib.brotliDecompressSync(raw) : coding === 'gzip' ? zlib.gunzipSync(raw) : raw;
        resolve({ status: res.statusCode!, headers: res.headers, raw, text: body.toString() });
      });
    })
      .on('error', reject)
      .end();
  });
}

/** Each page carries fresh nonces (CSP, SvelteKit's start-up script): the rest must be identical. */
const withoutNonces = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/nonce-[A-Za-z0-9+/=_-]+/g, 'nonce-');

function alternatesOf(html: string): Array<{ hreflang: string; href: string }> {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)"/g)].map(([, hreflang, href]) => ({
    hreflang: hreflang!,
    href: href!.replaceAll('&amp;', '&'),
  }));
}

const htmlLang = (html: string) => /<html[^>]* lang="([^"]*)"/.exec(html)?.[1];

describe('compression of the pages', () => {
  test('every public page goes out in brotli or gzip as asked, the same page once decoded, with Vary and its own CSP', async () => {
    for (const path of PUBLIC_PAGES) {
      const url = `${e2e.node.url}${path}`;
      const ask = { 'accept-language': 'en' };
      const identity = await get(url, ask);
      expect(identity.status, path).toBe(200);
      expect(identity.headers['content-encoding'], path).toBeUndefined();
      for (const coding of ['br', 'gzip']) {
        const answer = await get(url, { ...ask, 'accept-encoding': coding });
        expect(answer.headers['content-encoding'], `${path} ${coding}`).toBe(coding);
        expect(answer.raw.length, `${path} ${coding}: smaller on the wire`).toBeLessThan(identity.raw.length / 3);
        expect(withoutNonces(answer.text), `${path} ${coding}: same page`).toBe(withoutNonces(identity.text));
        expect(String(answer.headers.vary).toLowerCase(), path).toContain('accept-encoding');
        // A page with scripts allows its own by nonce; the search page has none, and allows none inline.
        expect(answer.headers['content-security-policy'], path).toMatch(
          identity.text.includes('<script') ? /script-src 'self' 'nonce-/ : /script-src 'self';/,
        );
        expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
      }
    }
  });

  test('the static files stay precompressed, served as they were built', async () => {
    const page = await get(`${e2e.node.url}/`, { 'accept-language': 'en' });
    // The start-up script's import() names the entry module (the page preloads none).
    const script = /\.?(\/_app\/immutable\/entry\/[^"'\s]+\.js)/.exec(page.text)?.[1];
    expect(script).toBeTruthy();
    const url = new URL(script!, `${e2e.node.url}/`).href;
    const plain = await get(url);
    const br = await get(url, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.text).toBe(plain.text);
    expect(br.headers['cache-control']).toMatch(/immutable/);
  });
});

describe('language alternates', () => {
  test('every public page lists its versions in each interface language and x-default, with absolute URLs that serve that language', async () => {
    for (const path of PUBLIC_PAGES) {
      const page = await get(`${e2e.node.url}${path}`, { 'accept-language': 'en' });
      const alternates = alternatesOf(page.text);
      expect(alternates.map((a) => a.hreflang).sort(), path).toEqual([...UI_LANGUAGES, 'x-default'].sort());
      for (const { hreflang, href } of alternates) {
        // Absolute, on the node's public origin, the same page (path and other parameters).
        expect(href.startsWith(`${e2e.node.url}/`), href).toBe(true);
        const url = new URL(href);
        const asked = new URL(path, e2e.node.url);
        expect(url.pathname, href).toBe(asked.pathname);
        for (const [name, value] of asked.searchParams) expect(url.searchParams.get(name), href).toBe(value);
        // Each address answers in its language whatever the browser prefers; x-default follows the browser.
        const other = hreflang === 'de' ? 'it' : 'de';
        const answer = await get(href, { 'accept-language': other });
        expect(answer.status, href).toBe(200);
        expect(htmlLang(answer.text), href).toBe(hreflang === 'x-default' ? other : hreflang);
      }
      // The page's own version is among them.
      expect(
        alternates.find((a) => a.hreflang === 'en'),
        path,
      ).toBeTruthy();
    }
  });
});

describe('first paint', () => {
  test('the pages carry their CSS inline under the page nonce, link no stylesheet that blocks rendering, and break no CSP rule', async () => {
    for (const path of PUBLIC_PAGES) {
      const page = await get(`${e2e.node.url}${path}`, { 'accept-language': 'en' });
      const head = page.text.slice(0, page.text.indexOf('</head>'));
      const blocking = [...head.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)]
        .map(([tag]) => tag)
        .filter((tag) => !/\bdisabled\b/.test(tag));
      expect(blocking, path).toEqual([]);
      // Nor any JavaScript module fetched ahead at the page's own priority (hooks.server.ts).
      expect(head, path).not.toContain('rel="modulepreload"');
      const style = /<style nonce="([^"]+)">([\s\S]*?)<\/style>/.exec(head);
      expect(style, `${path}: an inline <style> with a nonce`).toBeTruthy();
      expect(style![2]!.length, path).toBeGreaterThan(500);
      expect(String(page.headers['content-security-policy']), path).toContain(`'nonce-${style![1]}'`);
    }
    // In the browser: the inline styles apply (the layout is styled), no CSP rule is broken
    // (openPage fails on any violation), and the scripts, no longer preloaded, still start:
    // SvelteKit's client records its history entry once it runs.
    const page = await e2e.openPage('/initiatives/univerbal', { lang: 'en' });
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position);
    expect(styled).not.toBe('static');
    await page.waitForFunction(() => (history.state as Record<string, unknown> | null)?.['sveltekit:metadata'] !== undefined, undefined, {
      timeout: 10_000,
    });
  });
});
