// Which Chromium the Lighthouse bench drives: CHROME_PATH (the variable Lighthouse's own tools
// read), else the distribution's package on PATH or in /usr/bin. Never a browser downloaded by
// a package: Debian's Chromium is what the browser tests use too (tests/e2e/support/chromium.ts).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
const SYSTEM_DIRS = ['/usr/bin', '/usr/local/bin', '/snap/bin'];

export const CHROMIUM_MISSING = [
  'the Lighthouse part needs Chromium, and none was found (the other parts of the bench are not affected).',
  'Install it, then run `npm run bench -- lighthouse` again:',
  '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
  'or point CHROME_PATH at a Chromium or Chrome executable.',
].join('\n');

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable to use, or null when there is none (or CHROME_PATH names no executable). */
export function findChromium(env: NodeJS.ProcessEnv = process.env, systemDirs: readonly string[] = SYSTEM_DIRS): string | null {
  if (env.CHROME_PATH) return executable(env.CHROME_PATH) ? env.CHROME_PATH : null;
  const dirs = [...(env.PATH ?? '').split(delimiter), ...systemDirs].filter(Boolean);
  for (const name of NAMES) for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  return null;
}
