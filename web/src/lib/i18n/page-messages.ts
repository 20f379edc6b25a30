// The messages a page is sent: the keys its route's code names (found at build time,
// route-messages-plugin.ts), in the reader's language only. Server code: it reads every
// catalogue, and the root layout's load hands the page its share.
import { ROUTE_MESSAGE_KEYS } from 'virtual:umn/route-message-keys';
import { CATALOGS, type MessageKey, type MessageTable } from './catalog.ts';
import type { UiLanguage } from './languages.ts';

/** The messages of the error page, for a request that matched no route (route id null). */
const NO_ROUTE = '/+error';

/** The keys the route `routeId` may show; a route the build did not see gets the error page's. */
export function routeKeys(routeId: string | null): readonly string[] {
  return ROUTE_MESSAGE_KEYS[routeId ?? NO_ROUTE] ?? ROUTE_MESSAGE_KEYS[NO_ROUTE] ?? [];
}

/**
 * Each route's table in each language, picked once per process: the catalogues are fixed at
 * build, so a table never goes stale, and there are at most (routes + 1) × 9 of them (a route id
 * the build did not see shares the error page's table). Frozen, as every request shares it;
 * it holds nothing of a reader or a request, only the catalogue's text.
 */
const tables = new Map<string, MessageTable>();

export function pageMessages(lang: UiLanguage, routeId: string | null): MessageTable {
  const route = routeId !== null && routeId in ROUTE_MESSAGE_KEYS ? routeId : NO_ROUTE;
  const id = `${lang}\u0000${route}`;
  const known = tables.get(id);
  if (known) return known;
  const catalogue = CATALOGS[lang];
  const messages: Record<string, string> = {};
  for (const key of routeKeys(route)) messages[key] = catalogue[key as MessageKey];
  const table = Object.freeze(messages);
  tables.set(id, table);
  return table;
}
