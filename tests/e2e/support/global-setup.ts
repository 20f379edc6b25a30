// Runs once before the browser tests: they need Chromium and the built site. Both missing
// pieces fail the whole e2e project with a message saying what to do, never a silent skip.
// The nodes then serve a snapshot of web/build (UMN_WEB_BUILD), copied here: a build of the
// site started during the run would otherwise replace files under a running node.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_MISSING, findChromium } from './chromium.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const WEB = join(ROOT, 'web');
const BUILD = join(WEB, 'build');
const HANDLER = join(BUILD, 'handler.js');

/** Newest modification time under a path (files only), to tell whether the build is stale. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Copies web/build, again if a build replaced it during the copy (handler.js is written last). */
function snapshotBuild(): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!existsSync(HANDLER)) continue;
    const before = statSync(HANDLER).mtimeMs;
    const snapshot = mkdtempSync(join(tmpdir(), 'umn-e2e-web-'));
    try {
      cpSync(BUILD, snapshot, { recursive: true });
      if (existsSync(HANDLER) && statSync(HANDLER).mtimeMs === before && existsSync(join(snapshot, 'handler.js'))) return snapshot;
    } catch {
      // A file vanished during the copy: a build was running. Try again.
    }
    rmSync(snapshot, { recursive: true, force: true });
  }
  throw new Error('Could not copy web/build: it kept changing (builds running?). Run the browser tests again once the build is done.');
}

export default function setup(): () => void {
  if (!findChromium()) throw new Error(CHROMIUM_MISSING);
  if (!existsSync(HANDLER)) {
    throw new Error(
      'The browser tests need the built web site (web/build), which is missing. Build it with:\n  npx -y pnpm@12.21.0 --filter @umn/web run build\n(`npm test` builds it when needed.)',
    );
  }
  // A stale build only warns: the tests then check the site as last built, and say so.
  // The same list as scripts/web-build-is-fresh.mjs, which `npm test` runs before building.
  const sources = Math.max(...['src', 'static', 'package.json', 'vite.config.ts', 'tsconfig.json'].map((name) => newest(join(WEB, name))));
  if (sources > statSync(HANDLER).mtimeMs) {
    process.stderr.write(
      'warning: web/src changed after the last build of web/build; the browser tests check the site as last built. Rebuild with `npx -y pnpm@12.21.0 --filter @umn/web run build`.\n',
    );
  }
  const snapshot = snapshotBuild();
  // Inherited by the test workers, and from them by the nodes they start.
  process.env.UMN_WEB_BUILD = snapshot;
  return () => rmSync(snapshot, { recursive: true, force: true });
}
