import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_MESSAGE_KEYS } from 'virtual:umn/route-message-keys';
import { CATALOGS } from './catalog.ts';
import { AREA_MESSAGES } from './messages/areas.ts';
import { pageMessages, routeKeys } from './page-messages.ts';

const src = join(import.meta.dirname, '..', '..');
const manageKeys = new Set(Object.keys(AREA_MESSAGES.manage.fr));
/** The pages behind sign-in (with the staff's network potential page, and a market record's answer and follow-up pages, ADR 0037); every other page is public. */
const isSignedInPage = (routeId: string) =>
  /^\/(admin|account|market\/potential)(\/|$)|^\/market\/\[handle\]\/(answer|follow)$/.test(routeId);
const routeIds = Object.keys(ROUTE_MESSAGE_KEYS);
const publicRoutes = routeIds.filter((id) => !isSignedInPage(id));

describe('the messages a page is sent', () => {
  it('are known for every route with a page, and for a request no route matches', () => {
    const pages = (readdirSync(join(src, 'routes'), { recursive: true }) as string[])
      .filter((file) => /(^|\/)\+page\.(svelte|server\.ts|ts)$/.test(file))
      .map((file) => `/${file.replace(/\/?\+page\.[a-z.]+$/, '')}`.replace(/^\/$/, '/'));
    expect(routeIds.sort()).toEqual([...new Set(pages), '/+error'].sort());
    expect(publicRoutes).toEqual(expect.arrayContaining(['/', '/search', '/initiatives/[slug]', '/sign-in', '/shortlist']));
  });

  it('include the keys named by the route, its layouts, the components and the server code it uses', () => {
    expect(routeKeys('/')).toEqual(
      expect.arrayContaining(['siteTitle', 'skipToContent', 'networkHeading', 'initiativesCount', 'errorNotFoundTitle']),
    );
    expect(routeKeys('/search')).toEqual(expect.arrayContaining(['searchResultsCount', 'mapNote', 'searchErrorTextTooLong']));
    expect(routeKeys('/shortlist')).toContain('shortlistCount');
    // From contact-form.ts, which +page.server.ts imports: the page shows the problems it returns.
    expect(routeKeys('/initiatives/[slug]')).toEqual(expect.arrayContaining(['contactErrorRateLimited', 'contactErrorBodyTooLong']));
    expect(routeKeys('/admin/review')).toEqual(expect.arrayContaining(['reviewLead', 'approveButton', 'manageErrorCsrf']));
  });

  for (const routeId of publicRoutes) {
    it(`on the public page ${routeId} hold no message of the signed-in pages (the manage area)`, () => {
      expect(routeKeys(routeId).filter((key) => manageKeys.has(key))).toEqual([]);
    });
  }

  it('are in the reader’s language only, and a small share of the catalogue on public pages', () => {
    const all = Object.keys(CATALOGS.sl).length;
    for (const routeId of publicRoutes) {
      const sent = pageMessages('sl', routeId);
      expect(Object.entries(sent).every(([key, text]) => text === CATALOGS.sl[key as keyof typeof CATALOGS.sl])).toBe(true);
      expect(Object.keys(sent).length).toBeLessThan(all / 4);
    }
    expect(pageMessages('ar', '/search').searchResultsCount).toBe(CATALOGS.ar.searchResultsCount);
  });

  it('fall back to the error page’s messages for a request no route matches', () => {
    expect(Object.keys(pageMessages('de', null)).sort()).toEqual([...routeKeys('/+error')].sort());
    expect(pageMessages('de', null).errorNotFoundTitle).toBe(CATALOGS.de.errorNotFoundTitle);
  });

  it('are picked once per language and route, and shared frozen, so no request can change another’s', () => {
    expect(pageMessages('fr', '/search')).toBe(pageMessages('fr', '/search'));
    expect(pageMessages('fr', '/search')).not.toBe(pageMessages('en', '/search'));
    expect(Object.isFrozen(pageMessages('fr', '/search'))).toBe(true);
    // A route id the build did not see gets the error page's table, not one more table of its own.
    expect(pageMessages('fr', '/no/such/route')).toBe(pageMessages('fr', null));
  });
});

describe('message keys in code', () => {
  // The build finds a page's messages by the keys its code names (message-usage.ts), so a key
  // must be written whole: t(`sector${code}`) would be missing from the page.
  it('are written whole, never built from pieces', () => {
    const files = (readdirSync(src, { recursive: true }) as string[]).filter(
      (file) => /\.(ts|svelte)$/.test(file) && !file.endsWith('.test.ts'),
    );
    const built = files.filter((file) =>
      /\bt\(\s*(`[^`]*\$\{|['"][^'"]*['"]\s*\+|[A-Za-z_$][\w$.]*\s*\+)/.test(readFileSync(join(src, file), 'utf8')),
    );
    expect(built).toEqual([]);
  });
});
