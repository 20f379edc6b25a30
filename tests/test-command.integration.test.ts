// `npm test` on a machine where no Chromium can be had: every other tier still runs, and the
// run fails at the end naming the one command to run (issue 11, point 10). A wrong CHROMIUM_PATH
// stands in for the missing browser: the runner must not try to install over it.
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTALL_COMMAND } from './e2e/support/chromium.ts';

const ROOT = join(import.meta.dirname, '..');

describe('the test command without a browser', () => {
  it('runs the other tests, then fails naming the command that installs Chromium', () => {
    const run = spawnSync(process.execPath, ['scripts/test-all.ts', 'tests/e2e/support/chromium.test.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        CHROMIUM_PATH: '/nowhere/chromium',
        UMN_BROWSER_TESTS: '',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
      },
    });
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/chromium\.test\.ts/);
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(output).toContain('CHROMIUM_PATH is set to /nowhere/chromium');
    expect(output).toContain(INSTALL_COMMAND);
    expect(run.status).toBe(1);
  });
});
