// The last step of `npm test` (after the type checks and the site's build): makes sure the
// browser tests have a Chromium, installing the distribution's package when it can (as root,
// or through password-free sudo), then runs every vitest project. When no Chromium can be had,
// every other tier still runs, and the run fails at the end naming the one command to run, so
// a new machine never stops at the first missing piece nor passes without its browser tests.
//
// Arguments are handed to vitest: `npm test -- tests/seeds.test.ts` runs one file.
// UMN_BROWSER_TESTS=off leaves the browser tests out on purpose (the run says so).
import { spawnSync } from 'node:child_process';
import { ensureChromium, INSTALL_COMMAND } from '../tests/e2e/support/chromium.ts';

const args = process.argv.slice(2);
const optedOut = process.env.UMN_BROWSER_TESTS === 'off';

const browser = optedOut
  ? { problem: 'UMN_BROWSER_TESTS=off was set.' }
  : ensureChromium({
      env: process.env,
      isRoot: process.getuid?.() === 0,
      run: (command, commandArgs) => spawnSync(command, commandArgs, { stdio: 'inherit' }).status,
    });
const withoutBrowser = 'problem' in browser;
if (withoutBrowser) process.stderr.write(`\nThe browser tests will not run: ${browser.problem}\nEvery other test runs now.\n\n`);

// vitest.config.ts leaves the e2e project out when UMN_BROWSER_TESTS is off.
const env = withoutBrowser ? { ...process.env, UMN_BROWSER_TESTS: 'off' } : { ...process.env, CHROMIUM_PATH: browser.path };
const vitest = spawnSync('vitest', ['run', ...args], { stdio: 'inherit', env });
const status = vitest.status ?? 1;

if (withoutBrowser && !optedOut) {
  process.stderr.write(
    [
      '',
      `Every other test ran (${status === 0 ? 'all passed' : 'some failed, see above'}), but the browser tests did not: ${browser.problem}`,
      'Install Chromium with this one command, then run `npm test` again:',
      `  ${INSTALL_COMMAND}`,
      '(or point CHROMIUM_PATH at a Chromium or Chrome executable).',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
if (optedOut) process.stderr.write('\nThe browser tests were left out (UMN_BROWSER_TESTS=off).\n');
process.exit(status);
