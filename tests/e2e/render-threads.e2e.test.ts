// The site rendered in a render thread of the node (registry-server/src/http/render-threads.ts,
// ADR 0021), as operators run it: once the thread is ready, pages come from it with their own
// CSP nonce and language, no ETag that could never match, a form without JavaScript reaches its
// action whole and its cookie comes back; and a node told RENDER_THREADS=0 renders the same pages
// on its main thread. (The plumbing alone: registry-server/src/http/render-threads.integration.test.ts.)
import { describe, expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';
import { startE2ENode } from './support/node.ts';

const e2e = useE2E({ env: { LOG_LEVEL: 'info', RENDER_THREADS: '1' } });

/** Each page carries fresh nonces, and each node seeded its data at its own time: the rest must be identical. */
const comparable = (html: string) =>
  html
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/nonce-[A-Za-z0-9+/=_-]+/g, 'nonce-')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME');

async function untilThreadReady(): Promise<void> {
  for (let i = 0; i < 100 && !e2e.node.output().includes('Render thread'); i++) {
    await fetch(`${e2e.node.url}/`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(e2e.node.output()).toMatch(/Render thread \d+ ready/);
}

describe('pages from a render thread', () => {
  test('a search page in Arabic: its language, its direction, no script at all (so no script may run), no ETag', async () => {
    await untilThreadReady();
    const response = await fetch(`${e2e.node.url}/search?q=interpreting`, { headers: { 'accept-language': 'ar' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('Univerbal');
    expect(html).not.toContain('<script');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(response.headers.get('etag')).toBeNull();
  });

  test('an initiative page in Arabic: its language, its direction, its own nonce in the CSP, no ETag', async () => {
    await untilThreadReady();
    const response = await fetch(`${e2e.node.url}/initiatives/univerbal`, { headers: { 'accept-language': 'ar' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('Univerbal');
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(response.headers.get('etag')).toBeNull();
  });

  test('a form sent without JavaScript reaches its action, and its cookie comes back', async () => {
    await untilThreadReady();
    const id = (await e2e.node.graphql<{ initiative: { id: string } }>('{ initiative(slug: "univerbal") { id } }')).data!.initiative.id;
    const response = await fetch(`${e2e.node.url}/shortlist?/add`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: e2e.node.url },
      body: new URLSearchParams({ id, returnTo: '/shortlist' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/shortlist');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('shortlist='));
    expect(cookie).toBeTruthy();
    const list = await fetch(`${e2e.node.url}/shortlist`, { headers: { cookie: cookie!.split(';')[0]!, 'accept-language': 'en' } });
    expect(await list.text()).toContain('Univerbal');
  });

  test('a node with RENDER_THREADS=0 renders the same page on its main thread', async () => {
    await untilThreadReady();
    const single = await startE2ENode({ env: { LOG_LEVEL: 'info', RENDER_THREADS: '0' } });
    try {
      // The node's own address appears as it is and URL-encoded (the report link's listing id).
      const page = async (url: string) =>
        comparable(await (await fetch(`${url}/initiatives/univerbal`, { headers: { 'accept-language': 'it' } })).text())
          .replaceAll(url, '')
          .replaceAll(encodeURIComponent(url), '');
      const [threaded, main] = await Promise.all([page(e2e.node.url), page(single.url)]);
      expect(main).toContain('Univerbal');
      expect(main).toBe(threaded);
      expect(single.output()).not.toContain('Render thread');
    } finally {
      await single.stop();
    }
  });
});
