// /robots.txt and /sitemap.xml of a real node (issue 17 point 4): the sitemap parses, names only
// absolute addresses on the node's public URL, lists its own published records with their
// language versions, and never a draft, an unpublished record or a partner's copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { seoRoutes } from './seo-routes.ts';
import { SITEMAP_NAMESPACE } from './sitemap-xml.ts';

const PUBLIC = 'http://registry.test';
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name),
});

interface SitemapUrl {
  loc: string;
  lastmod?: string;
  'xhtml:link': Array<{ rel: string; hreflang: string; href: string }>;
}

async function sitemapOf(response: Response): Promise<SitemapUrl[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as { urlset: { xmlns: string; url: SitemapUrl[] } };
  expect(doc.urlset.xmlns).toBe(SITEMAP_NAMESPACE);
  return doc.urlset.url;
}

describe('robots.txt and sitemap.xml', () => {
  let node: TestNode;

  beforeAll(async () => {
    node = await startTestNode();
    const { initiatives } = node.registry;
    const seeded = (await initiatives.findById('atemos'))!;
    const now = new Date().toISOString();
    // A draft, an unpublished record and a partner's copy: none of them is this node's public page.
    await initiatives.insert({ ...seeded.record, handle: 'draft-only' }, { origin: { kind: 'local' }, state: 'draft', now });
    const hidden = (await initiatives.findById('le-monde-des-possibles'))!;
    await initiatives.applyChange(hidden._id, hidden.version, { publicationFields: { state: 'unpublished' }, updatedAt: now });
    const iri = 'http://partner.test/initiatives/copied-here';
    await initiatives.upsertReceived(
      iri,
      { ...seeded.record, handle: 'copied-here', node: 'partner' },
      {
        kind: 'remote',
        node: 'http://partner.test/nodes/partner',
        objectId: iri,
        url: iri,
        receivedAt: now,
        remoteUpdatedAt: now,
      },
    );
  });
  afterAll(() => node?.close());

  it('robots.txt points to the sitemap and keeps crawlers out of staff, account, sign-in, API and search exports', async () => {
    const response = await fetch(`${node.url}/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const lines = (await response.text()).split('\n');
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toContain(`Sitemap: ${PUBLIC}/sitemap.xml`);
    for (const path of ['/admin', '/account', '/api', '/graphql', '/sign-in', '/invitations/', '/setup/', '/export/*?'])
      expect(lines, path).toContain(`Disallow: ${path}`);
    // The record pages and the search page (noindex, which a crawler must be allowed to read) stay open.
    expect(lines.filter((l) => /^Disallow: \/(initiatives|practices|search|nodes|$)/.test(l))).toEqual([]);
  });

  it('lists every published page of this node, absolute, in each language, and nothing else', async () => {
    const response = await fetch(`${node.url}/sitemap.xml`);
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const urls = await sitemapOf(response);
    const locs = urls.map((u) => u.loc);
    for (const loc of locs) expect(new URL(loc).origin, loc).toBe(PUBLIC);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toEqual(
      expect.arrayContaining([
        `${PUBLIC}/`,
        `${PUBLIC}/nodes/liege`,
        `${PUBLIC}/practice-types`,
        `${PUBLIC}/practice-types/PT1`,
        `${PUBLIC}/practice-types/PT10`,
        `${PUBLIC}/initiatives/atemos`,
      ]),
    );
    // Exactly the node's published records of each kind, as the registry counts them.
    const count = (prefix: string) => locs.filter((l) => l.startsWith(`${PUBLIC}/${prefix}/`)).length;
    expect(count('initiatives')).toBe(await node.registry.initiatives.countPublishedLocal());
    expect(count('practices')).toBe(await node.registry.practices.countPublishedLocal());
    expect(count('practices')).toBeGreaterThan(0);
    expect(count('market')).toBe((await node.registry.publicMarketRecords.openLocal()).length);
    expect(count('market')).toBeGreaterThan(0);
    for (const absent of ['draft-only', 'le-monde-des-possibles', 'copied-here'])
      expect(
        locs.filter((l) => l.includes(absent)),
        absent,
      ).toEqual([]);

    const atemos = urls.find((u) => u.loc === `${PUBLIC}/initiatives/atemos`)!;
    expect(Number.isNaN(Date.parse(atemos.lastmod!))).toBe(false);
    const hreflangs = atemos['xhtml:link'].map((l) => [l.hreflang, l.href]);
    expect(hreflangs).toContainEqual(['it', `${PUBLIC}/initiatives/atemos?lang=it`]);
    expect(hreflangs).toContainEqual(['ar', `${PUBLIC}/initiatives/atemos?lang=ar`]);
    expect(hreflangs).toContainEqual(['x-default', `${PUBLIC}/initiatives/atemos`]);
    expect(hreflangs).toHaveLength(10);
  });

  it('becomes an index of smaller sitemaps past the page size, whose files together list the same pages', async () => {
    const whole = (await sitemapOf(await fetch(`${node.url}/sitemap.xml`))).map((u) => u.loc);
    const app = express().use(seoRoutes(node.registry, 5));
    const server: Server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const index = await fetch(`${base}/sitemap.xml`);
      const xml = await index.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const files = (parser.parse(xml) as { sitemapindex: { sitemap: Array<{ loc: string }> } }).sitemapindex.sitemap.map((s) => s.loc);
      expect(files).toHaveLength(Math.ceil(whole.length / 5));
      expect(files[0]).toBe(`${PUBLIC}/sitemap-1.xml`);
      const parts: string[] = [];
      for (const file of files) {
        const urls = await sitemapOf(await fetch(`${base}${new URL(file).pathname}`));
        expect(urls.length).toBeLessThanOrEqual(5);
        parts.push(...urls.map((u) => u.loc));
      }
      expect(parts).toEqual(whole);
      expect((await fetch(`${base}/sitemap-${files.length + 1}.xml`)).status).toBe(404);
      expect((await fetch(`${base}/sitemap-0.xml`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('has no numbered sitemap files while one sitemap holds every page', async () => {
    const response = await fetch(`${node.url}/sitemap-1.xml`);
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).toContain('/sitemap.xml');
  });
});
