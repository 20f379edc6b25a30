// Finds the Chromium the browser tests drive. We use the distribution's package (Debian's
// `chromium`) rather than a browser downloaded by Playwright: CI machines install it with
// apt-get (.ci/run), and no download from a browser CDN is needed.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export const CHROMIUM_MISSING = [
  'The browser tests (vitest project "e2e") need Chromium, and none was found.',
  'Install it, then run the tests again:',
  '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
  '  (on Ubuntu the package may be chromium-browser; .ci/run installs it on CI machines)',
  'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
].join('\n');

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of the Chromium executable (CHROMIUM_PATH, else the first one on PATH), or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const dirs = [...(env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin', '/snap/bin'].filter(Boolean);
  for (const name of NAMES) for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  return null;
}
