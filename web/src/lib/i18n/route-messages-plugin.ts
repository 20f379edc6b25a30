// A Vite plugin that gives the server the message keys each route's code names (found by
// message-usage.ts when the site is built), as the module `virtual:umn/route-message-keys`.
// The root layout's load sends a page only those messages (page-messages.ts), so a reader of
// a public page receives a few dozen messages in their language instead of every catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { routeUsage } from './message-usage.ts';

export const ROUTE_MESSAGE_KEYS_MODULE = 'virtual:umn/route-message-keys';
const RESOLVED = `\0${ROUTE_MESSAGE_KEYS_MODULE}`;

/** Every key of the French reference files (messages/<area>/fr.json). */
export function referenceKeys(messagesDir: string): Set<string> {
  const keys = new Set<string>();
  for (const area of readdirSync(messagesDir, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    const reference = JSON.parse(readFileSync(join(messagesDir, area.name, 'fr.json'), 'utf8')) as Record<string, string>;
    for (const key of Object.keys(reference)) keys.add(key);
  }
  return keys;
}

/** Route id → the sorted keys its code names; `srcDir` is the app's src folder. */
export function routeMessageKeys(srcDir: string): Record<string, string[]> {
  const allKeys = referenceKeys(join(srcDir, 'lib', 'i18n', 'messages'));
  return Object.fromEntries(routeUsage(srcDir, allKeys).map((usage) => [usage.routeId, [...usage.keys].sort()]));
}

export function routeMessages(srcDir: string): Plugin {
  return {
    name: 'umn-route-messages',
    resolveId: (id) => (id === ROUTE_MESSAGE_KEYS_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export const ROUTE_MESSAGE_KEYS = ${JSON.stringify(routeMessageKeys(srcDir))};` : undefined),
  };
}
