#!/usr/bin/env node
// Entry point for `npm start`, `npm test`, `npm run bench`, `npm run umn`, `npm run generate`,
// `npm run format` and `npm run lint` on a machine that has only Node (20 or later) and npm. It
// installs the workspace with a pinned pnpm (fetched by npx, so no global install is needed) and
// then hands over to the pnpm script of the same purpose. pnpm puts the workspace's own Node 24
// (the `node` devDependency) first on PATH, so every product script runs on Node 24 whatever
// Node started this file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM = 'pnpm@12.21.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [task, ...rest] = process.argv.slice(2);
const scripts = {
  start: 'serve',
  node: 'serve:node',
  test: 'test:all',
  bench: 'bench:all',
  umn: 'umn:cli',
  screenshots: 'screenshots:all',
  generate: 'generate:synthetic',
  format: 'format:all',
  lint: 'lint:all',
};

if (!scripts[task]) {
  process.stderr.write(`usage: node scripts/run.mjs ${Object.keys(scripts).join('|')} [args…]\n`);
  process.exit(2);
}

// A node serving 100,000 listings otherwise keeps 100 MB or more of freed memory: glibc's
// allocator gives each thread its own arena and returns little to the system (ADR 0001).
// Ignored by other allocators; an operator's own values win.
const SERVER_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
const env = task === 'start' || task === 'node' ? { ...SERVER_ENV, ...process.env } : process.env;

function pnpm(args) {
  const result = spawnSync('npx', ['-y', PNPM, ...args], { cwd: root, stdio: 'inherit', env });
  if (result.error) {
    process.stderr.write(`Could not run ${PNPM} through npx: ${result.error.message}\n`);
    process.exit(1);
  }
  return result.status ?? 1;
}

const installArgs = ['install', '--reporter=append-only'];
if (existsSync(join(root, 'pnpm-lock.yaml'))) installArgs.push('--frozen-lockfile');
const installed = pnpm(installArgs);
if (installed !== 0) {
  process.stderr.write('Installing the workspace failed (see above). Check that the npm registry is reachable.\n');
  process.exit(installed);
}
// pnpm passes everything after the script name to the script (a '--' would be passed on as is).
process.exit(pnpm(['run', scripts[task], ...rest]));
