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

/** Where distributions put Chromium, searched after PATH (a test runner's PATH may be narrowed). */
export const SYSTEM_DIRS: readonly string[] = ['/usr/bin', '/usr/local/bin', '/snap/bin'];

/** The path of the Chromium executable (CHROMIUM_PATH, else the first one on PATH), or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, systemDirs: readonly string[] = SYSTEM_DIRS): string | null {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const dirs = [...(env.PATH ?? '').split(delimiter), ...systemDirs].filter(Boolean);
  for (const name of NAMES) for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  return null;
}

/** What a command run for the installer gave back: its exit status (null when it could not start). */
export type RunCommand = (command: string, args: readonly string[]) => number | null;

export interface InstallSeams {
  /** Runs a command with inherited output; the default is spawnSync. */
  run: RunCommand;
  /** True when this process runs as root (no sudo needed). */
  isRoot: boolean;
  env: NodeJS.ProcessEnv;
  systemDirs?: readonly string[];
}

/** The one command a person runs when the tests cannot install Chromium themselves. */
export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

/**
 * Installs the distribution's Chromium when that can be done without asking anyone: as root,
 * or through sudo without a password (`sudo -n` fails at once instead of prompting). Returns the
 * executable's path, or a reason why there is none. Never downloads a browser build of its own:
 * only the distribution's package manager is used.
 */
export function ensureChromium(seams: InstallSeams): { path: string } | { problem: string } {
  const found = findChromium(seams.env, seams.systemDirs);
  if (found) return { path: found };
  if (seams.env.CHROMIUM_PATH)
    return {
      problem: `CHROMIUM_PATH is set to ${seams.env.CHROMIUM_PATH}, which is not an executable. Point it at a Chromium or Chrome executable, or unset it.`,
    };
  if (seams.run('apt-get', ['--version']) !== 0)
    return { problem: 'Chromium is missing and this machine has no apt-get to install it with.' };
  const asRoot: string[] = seams.isRoot ? [] : ['sudo', '-n'];
  if (!seams.isRoot && seams.run('sudo', ['-n', 'true']) !== 0)
    return { problem: 'Chromium is missing, and installing it needs root (this user has no password-free sudo).' };
  const apt = (...args: string[]) => {
    const [command, ...rest] = [...asRoot, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    return seams.run(command!, rest);
  };
  process.stderr.write("Chromium is missing: installing the distribution's package for the browser tests.\n");
  apt('update');
  // Debian calls the package chromium; older Ubuntu releases chromium-browser.
  if (apt('install', '-y', '--no-install-recommends', 'chromium') !== 0)
    apt('install', '-y', '--no-install-recommends', 'chromium-browser');
  const installed = findChromium(seams.env, seams.systemDirs);
  return installed ? { path: installed } : { problem: 'Installing Chromium with apt-get failed (see its output above).' };
}
