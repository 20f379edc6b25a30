// Which message keys each route's code names, found by reading the source (for tests only): the
// files of the route's folder and of its parent folders' layouts, and every file they import,
// followed through `#lib/…`, `$lib/…` and relative imports. Every string literal that is a
// message key counts, so keys kept in tables (`{ PENDING: 'followPending' }`) or returned by
// server code (form problems) are found too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// `import x from '…'`, `export { x } from '…'`, `import '…'`, `import('…')`; group 1 is set for
// `import type` / `export type`, which bring no code and so no message.
const IMPORT = /\b(?:import|export)\s*(type\s+)?(?:[^'";]*?\bfrom\s*)?\(?\s*['"]([^'"]+)['"]/g;
// A key as a string literal, or read from a messages table (`messages.siteTagline`).
const LITERAL = /['"`]([A-Za-z][A-Za-z0-9]*)['"`]|\bmessages\.([A-Za-z][A-Za-z0-9]*)/g;
const SKIPPED = /\/i18n\/(?:messages\/|catalog\.ts$)|\.test\.ts$/;

export interface RouteUsage {
  /** The SvelteKit route id, e.g. "/initiatives/[slug]". */
  routeId: string;
  keys: Set<string>;
}

function resolveImport(specifier: string, from: string, srcDir: string): string | undefined {
  let base: string;
  if (specifier.startsWith('#lib/')) base = join(srcDir, 'lib', specifier.slice(5));
  else if (specifier.startsWith('$lib/')) base = join(srcDir, 'lib', specifier.slice(5));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.svelte`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The keys named in `entries` and everything they import. */
export function keysReachedFrom(entries: readonly string[], srcDir: string, allKeys: ReadonlySet<string>): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || SKIPPED.test(file)) continue;
    seen.add(file);
    if (!/\.(ts|svelte)$/.test(file)) continue;
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(LITERAL)) {
      const key = match[1] ?? match[2] ?? '';
      if (allKeys.has(key)) keys.add(key);
    }
    for (const match of source.matchAll(IMPORT)) {
      if (match[1]) continue;
      const target = resolveImport(match[2] ?? '', file, srcDir);
      if (target) queue.push(target);
    }
  }
  return keys;
}

/** Every route of `srcDir/routes` with a page, and the keys its code names; `/+error` for no route. */
export function routeUsage(srcDir: string, allKeys: ReadonlySet<string>): RouteUsage[] {
  const routesDir = join(srcDir, 'routes');
  const usages: RouteUsage[] = [];
  const walk = (dir: string, layouts: string[]) => {
    const files = readdirSync(dir);
    const own = files.filter((name) => name.startsWith('+')).map((name) => join(dir, name));
    const inherited = [...layouts, ...own.filter((file) => /\/\+(layout|error)[.]/.test(file))];
    if (files.some((name) => name.startsWith('+page'))) {
      const routeId = `/${relative(routesDir, dir)}`.replace(/\/$/, '') || '/';
      usages.push({ routeId, keys: keysReachedFrom([...inherited, ...own], srcDir, allKeys) });
    }
    for (const name of files) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, inherited);
    }
  };
  walk(routesDir, []);
  // A request no route matches (a 404) renders the root layouts and error page.
  const rootFiles = readdirSync(routesDir)
    .filter((name) => /^\+(layout|error)[.]/.test(name))
    .map((name) => join(routesDir, name));
  usages.push({ routeId: '/+error', keys: keysReachedFrom(rootFiles, srcDir, allKeys) });
  return usages;
}
