// /robots.txt, /sitemap.xml and, past SITEMAP_PAGE_SIZE pages, /sitemap-<n>.xml (ADR 0049).
// Served by the node itself, not the site: the sitemap reads the node's own published records
// in one projection (public-pages.ts) rather than paging the whole catalogue through GraphQL.
import { Router, type Request, type Response } from 'express';
import type { Registry } from '../registry.ts';
import { NETWORK_LANGUAGES } from '../translations/translatable-texts.ts';
import { listPublicPages } from './public-pages.ts';
import { robotsTxt } from './robots-txt.ts';
import { SITEMAP_PAGE_SIZE, sitemapIndexXml, sitemapXml } from './sitemap-xml.ts';

/** Crawlers come back often; ten minutes in any cache spares the node without hiding a new listing for long. */
const SITEMAP_CACHE = 'public, max-age=600';
const ROBOTS_CACHE = 'public, max-age=86400';

/** `pageSize`: a seam for tests, which check the index without writing 10,000 records. */
export function seoRoutes(registry: Registry, pageSize = SITEMAP_PAGE_SIZE): Router {
  const router = Router();
  const publicUrl = registry.config.publicUrl;
  const pages = () =>
    listPublicPages({
      nodeHandle: registry.config.nodeHandle,
      initiatives: registry.initiatives,
      practices: registry.practices,
      publicMarketRecords: registry.publicMarketRecords,
      practiceTypeCodes: () => registry.catalog.codes('practice-type'),
    });
  const sendXml = (res: Response, xml: string) => res.type('application/xml').set('Cache-Control', SITEMAP_CACHE).send(xml);

  router.get('/robots.txt', (_req, res) => {
    res.type('text/plain').set('Cache-Control', ROBOTS_CACHE).send(robotsTxt(publicUrl));
  });

  router.get('/sitemap.xml', async (_req, res) => {
    const all = await pages();
    if (all.length <= pageSize) return void sendXml(res, sitemapXml(all, publicUrl, NETWORK_LANGUAGES));
    sendXml(res, sitemapIndexXml(Math.ceil(all.length / pageSize), publicUrl));
  });

  router.get(/^\/sitemap-(\d{1,6})\.xml$/, async (req: Request, res) => {
    const n = Number((req.params as Record<string, string>)[0]);
    const all = await pages();
    const count = Math.ceil(all.length / pageSize);
    if (all.length <= pageSize || n < 1 || n > count) {
      const message = `No such sitemap file: this node has ${count > 1 ? `files 1 to ${count}` : 'one sitemap'}; start from /sitemap.xml.`;
      res.status(404).json({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    sendXml(res, sitemapXml(all.slice((n - 1) * pageSize, n * pageSize), publicUrl, NETWORK_LANGUAGES));
  });
  return router;
}
