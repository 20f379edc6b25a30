#!/usr/bin/env node
// `npm run screenshots`: runs every browser test that writes a README screenshot (those that pass
// `readme: true` to e2e.screenshot, and the page-types list), with docs/screenshots as where the
// screenshots go. Found by reading the test files, so a new test's screenshot needs no list here.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests', 'e2e');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.e2e.test.ts'))
  .filter(
    (name) =>
      name === 'page-types.e2e.test.ts' ||
      /readme: true|README_SCREENSHOTS_DIR|UMN_SCREENSHOTS_DIR/.test(readFileSync(join(dir, name), 'utf8')),
  )
  .map((name) => join('tests', 'e2e', name));
const result = spawnSync('vitest', ['run', '--project', 'e2e', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, UMN_SCREENSHOTS_DIR: 'docs/screenshots' },
});
process.exit(result.status ?? 1);
