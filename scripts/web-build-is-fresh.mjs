#!/usr/bin/env node
// Exits 0 when web/build is newer than every source of the site, 1 when it is missing or
// stale. `npm test` runs `node scripts/web-build-is-fresh.mjs || pnpm --filter @umn/web run
// build`, so the browser tests always check the current site and an unchanged site is not
// rebuilt (a build takes most of a minute on a small machine).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');
const handler = join(web, 'build', 'handler.js');
// The same list as tests/e2e/support/global-setup.ts, which warns about a stale build.
const sources = ['src', 'static', 'package.json', 'vite.config.ts', 'tsconfig.json'].map((name) => join(web, name));

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (!existsSync(handler)) {
  process.stdout.write('web/build is missing: building the site.\n');
  process.exit(1);
}
if (Math.max(...sources.map(newest)) > statSync(handler).mtimeMs) {
  process.stdout.write('web/src changed since the last build: building the site.\n');
  process.exit(1);
}
process.stdout.write('web/build is up to date.\n');
