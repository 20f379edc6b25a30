// Issue 17 points 4 and 7 in the browser: record pages carry a schema.org description and a
// canonical link under the site's CSP; a city's website pastes the snippet from /admin/embed and
// shows the initiatives in Italian, in an iframe that sizes itself, sets no cookie, asks nothing
// of anyone else and passes axe; only the embeds may be framed.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

/** The page's JSON-LD blocks, parsed. */
async function structuredData(page: Page): Promise<Array<Record<string, unknown>>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

function frameAncestors(response: Response | { headers(): Record<string, string> }): string | undefined {
  const policy = response.headers()['content-security-policy'] ?? '';
  return /frame-ancestors ([^;]*)/.exec(policy)?.[1]?.trim();
}

describe('for search engines', () => {
  test("an initiative's page: one canonical link to itself, and an Organization described in JSON-LD", async () => {
    const url = `${e2e.node.url}/initiatives/univerbal`;
    for (const [query, canonical] of [
      ['', url],
      ['?lang=it&utm_source=newsletter', `${url}?lang=it`],
    ]) {
      const page = await e2e.openPage(`/initiatives/univerbal${query}`, { lang: 'fr' });
      await expect(page.locator('link[rel="canonical"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))).resolves.toEqual(
        [canonical],
      );
      const [data, ...more] = await structuredData(page);
      expect(more).toEqual([]);
      expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Organization', '@id': url, url: canonical });
      expect(data!.name).toMatch(/Univerbal/i);
      expect(data!.address).toMatchObject({ '@type': 'PostalAddress', addressCountry: 'BE' });
      for (const privateKey of ['email', 'telephone', 'contactPoint', 'member', 'founder', 'employee'])
        expect(data).not.toHaveProperty(privateKey);
    }
  });

  test("a good practice's, a market record's and the city's pages are described too; the search page's canonical drops the paging", async () => {
    const practice = await e2e.openPage('/practices/liege-pt6-public-procurement', { lang: 'en' });
    const [work] = await structuredData(practice);
    expect(work).toMatchObject({ '@type': 'CreativeWork', url: `${e2e.node.url}/practices/liege-pt6-public-procurement` });
    expect(typeof work!.name).toBe('string');

    const city = await e2e.openPage('/nodes/liege', { lang: 'en' });
    const [organisation] = await structuredData(city);
    expect(organisation).toMatchObject({ '@type': 'Organization', url: `${e2e.node.url}/nodes/liege`, areaServed: { '@type': 'City' } });

    const offer = await e2e.openPage('/market/cripel-promotion', { lang: 'en' });
    const [offered] = await structuredData(offer);
    expect(offered).toMatchObject({ '@type': 'Offer', url: `${e2e.node.url}/market/cripel-promotion` });
    const need = await e2e.openPage('/market/atemos-workshop-premises', { lang: 'en' });
    await expect(structuredData(need)).resolves.toMatchObject([{ '@type': 'Demand' }]);

    const search = await e2e.openPage('/search?q=cuisine&after=abc&trail=', { lang: 'en', javaScriptEnabled: false });
    await expect(search.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(`${e2e.node.url}/search?q=cuisine`);
    await expect(search.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex, follow');
  });

  test('robots.txt and the sitemap are served to crawlers', async () => {
    const request = (await e2e.newContext()).request;
    const robots = await request.get(`${e2e.node.url}/robots.txt`);
    expect(await robots.text()).toContain(`Sitemap: ${e2e.node.url}/sitemap.xml`);
    const sitemap = await (await request.get(`${e2e.node.url}/sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${e2e.node.url}/initiatives/univerbal</loc>`);
  });
});

describe('embedded on a city’s website', () => {
  let site: Server;
  let siteUrl = '';
  let snippet = '';

  beforeAll(() => {
    site = createServer((req, res) => {
      // The city's page: a heading, the snippet, nothing else. Served from another loopback origin.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="it"><head><title>Comune</title></head><body><main><h1>Il nostro comune</h1>${snippet}</main></body></html>`,
      );
    });
    return new Promise<void>((resolve) =>
      site.listen(0, '127.0.0.1', () => {
        siteUrl = `http://localhost:${(site.address() as { port: number }).port}/`;
        resolve();
      }),
    );
  });
  afterAll(() => new Promise((resolve) => site.close(resolve)));

  test('staff make the snippet on /admin/embed: a city, a language, code to copy, a preview', async () => {
    const context = await e2e.signedInContext(e2e.node.admin, { lang: 'fr' });
    const page = await e2e.openPage('/admin/embed', { context });
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.getByLabel('Ville').selectOption('liege');
    await page.getByLabel('Langue de la liste').selectOption('it');
    await page.getByRole('button', { name: 'Préparer le code' }).click();
    await page.waitForURL(/language=it/);
    snippet = await page.getByLabel('Code à copier').inputValue();
    expect(snippet).toContain(`<iframe src="${e2e.node.url}/embed/initiatives?node=liege&amp;lang=it"`);
    expect(snippet).toContain(`<a href="${e2e.node.url}/search?kind=INITIATIVE&amp;node=liege&amp;lang=it">`);
    expect(snippet).toContain(`<script src="${e2e.node.url}/embed/snippet.js" async></script>`);
    // The interface stayed in French: the snippet's language is not the page's ?lang=.
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    // With JavaScript the page updates in place and the preview frame loads its new address
    // after the form's answer: wait for the Italian heading rather than read the frame at once.
    const preview = page.frameLocator('iframe.preview');
    await preview.locator('h1', { hasText: 'Iniziative del registro' }).waitFor({ timeout: 10_000 });
    await expect(preview.locator('h1').innerText()).resolves.toBe('Iniziative del registro Union Migrant Net');
    await e2e.axeScan(page);
    await e2e.screenshot(page, 'admin-embed', { readme: true });
  });

  test('the city’s page shows the initiatives in Italian, sized to fit, without cookies or other requests', async () => {
    expect(snippet).not.toBe('');
    const context = await e2e.newContext({ lang: 'fr' });
    const page = await context.newPage();
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    const embedAnswers: Response[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/embed/initiatives')) embedAnswers.push(response);
    });
    await page.goto(siteUrl);
    const iframe = page.locator('iframe[data-umn-embed]');
    await expect(iframe.getAttribute('title')).resolves.toBe('Iniziative del registro Union Migrant Net');
    const frame = page.frameLocator('iframe[data-umn-embed]');
    await expect(frame.locator('h1').innerText()).resolves.toBe('Iniziative del registro Union Migrant Net');
    await expect(frame.locator('html').getAttribute('lang')).resolves.toBe('it');
    const links = frame.locator('li h2 a');
    expect(await links.count()).toBeGreaterThan(1);
    await expect(links.first().getAttribute('target')).resolves.toBe('_blank');
    await expect(links.first().innerText()).resolves.toContain('(si apre in una nuova scheda)');
    // Resized to its list by the snippet's script (it starts at 600 px).
    await page.waitForFunction(() => document.querySelector('iframe')!.style.height !== '600px');
    const frameHeight = await iframe.evaluate((el) => el.getBoundingClientRect().height);
    const contentHeight = await frame.locator('#embed-content').evaluate((el) => el.getBoundingClientRect().height);
    expect(Math.abs(frameHeight - contentHeight)).toBeLessThan(40);
    // A height posted by anyone but the registry's frame (here the city's page itself) changes nothing.
    const before = await iframe.evaluate((el) => el.style.height);
    await page.evaluate(() => window.postMessage({ type: 'umn-embed-height', height: 5 }, '*'));
    await page.waitForTimeout(200);
    await expect(iframe.evaluate((el) => el.style.height)).resolves.toBe(before);
    // The plain link, outside the frame.
    await expect(page.locator('main > p a').getAttribute('href')).resolves.toBe(
      `${e2e.node.url}/search?kind=INITIATIVE&node=liege&lang=it`,
    );

    expect(await context.cookies()).toEqual([]);
    for (const answer of embedAnswers) expect(answer.headers()['set-cookie']).toBeUndefined();
    expect([...origins].sort()).toEqual([new URL(siteUrl).origin, new URL(e2e.node.url).origin].sort());
    // No CSP violation in the frame either (the harness's watcher runs in every frame).
    const inFrame = page.frames().find((f) => f.url().includes('/embed/initiatives'))!;
    await expect(inFrame.evaluate(() => (window as unknown as { __umnCspViolations: string[] }).__umnCspViolations)).resolves.toEqual([]);
    await e2e.screenshot(page, 'embed-on-city-site');
  });

  test('the embed passes axe, follows Accept-Language without ?lang=, and works without JavaScript', async () => {
    const italian = await e2e.openPage('/embed/initiatives?node=liege&lang=it', { lang: 'fr' });
    await e2e.axeScan(italian);
    const german = await e2e.openPage('/embed/initiatives?node=liege', { lang: 'de', javaScriptEnabled: false });
    await expect(german.locator('h1').innerText()).resolves.toBe('Initiativen aus dem Union-Migrant-Net-Register');
    expect(await german.locator('li h2 a').count()).toBeGreaterThan(1);
    await e2e.axeScan(german);
    const search = await e2e.openPage('/embed/search?q=cuisine&lang=ar', { lang: 'fr' });
    await expect(search.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  });

  test('only the embeds may be framed: every other page still says frame-ancestors none', async () => {
    const request = (await e2e.newContext()).request;
    const embed = await request.get(`${e2e.node.url}/embed/initiatives?lang=it`);
    expect(frameAncestors(embed)).toBe('*');
    expect(embed.headers()['x-frame-options']).toBeUndefined();
    expect(embed.headers()['x-robots-tag']).toBe('noindex');
    for (const path of ['/', '/initiatives/univerbal', '/search', '/admin/embed', '/embed', '/embed/../admin/embed']) {
      const response = await request.get(`${e2e.node.url}${path}`, { maxRedirects: 0 });
      expect(frameAncestors(response), path).toBe("'none'");
      expect(response.headers()['x-frame-options'], path).toBe('DENY');
    }
  });
});
