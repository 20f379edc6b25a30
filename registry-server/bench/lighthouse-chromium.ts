// Which Chromium the Lighthouse bench drives: CHROME_PATH (the variable Lighthouse's own tools
// read), else what the browser tests find (CHROMIUM_PATH, the distribution's package on PATH or
// in the system folders; tests/e2e/support/chromium.ts). Never a browser downloaded by a package.
import { findChromium as findForBrowserTests, SYSTEM_DIRS } from '../../tests/e2e/support/chromium.ts';

export const CHROMIUM_MISSING = [
  'the Lighthouse part needs Chromium, and none was found (the other parts of the bench are not affected).',
  'Install it, then run `npm run bench -- lighthouse` again:',
  '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
  'or point CHROME_PATH at a Chromium or Chrome executable.',
].join('\n');

/** The Chromium executable to use, or null when there is none (or CHROME_PATH names no executable). */
export function findChromium(env: NodeJS.ProcessEnv = process.env, systemDirs: readonly string[] = SYSTEM_DIRS): string | null {
  return findForBrowserTests(env.CHROME_PATH ? { ...env, CHROMIUM_PATH: env.CHROME_PATH } : env, systemDirs);
}
