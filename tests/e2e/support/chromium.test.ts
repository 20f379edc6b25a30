// Finding Chromium: the e2e project fails with this message when none is found.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, ensureChromium, findChromium } from './chromium.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function binDir(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'umn-chromium-'));
  dirs.push(dir);
  for (const name of names) {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH, and refuses it when it is not executable', () => {
    const dir = binDir('my-chrome');
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'my-chrome'), PATH: '' })).toBe(join(dir, 'my-chrome'));
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'missing'), PATH: '' })).toBeNull();
  });

  it('finds chromium on PATH before the usual system folders, and before chromium-browser', () => {
    const both = binDir('chromium-browser', 'chromium');
    expect(findChromium({ PATH: both })).toBe(join(both, 'chromium'));
  });

  it('says how to install it', () => {
    expect(CHROMIUM_MISSING).toContain('apt-get install -y chromium');
    expect(CHROMIUM_MISSING).toContain('CHROMIUM_PATH');
  });
});

describe('ensureChromium', () => {
  const recorder = (answers: Record<string, number | null> = {}) => {
    const calls: string[] = [];
    const run = (command: string, args: readonly string[]) => {
      const line = [command, ...args].join(' ');
      calls.push(line);
      return Object.entries(answers).find(([prefix]) => line.startsWith(prefix))?.[1] ?? 0;
    };
    return { calls, run };
  };

  it('uses a Chromium that is there, and installs nothing', () => {
    const dir = binDir('chromium');
    const { calls, run } = recorder();
    expect(ensureChromium({ run, isRoot: true, env: { PATH: dir }, systemDirs: [] })).toEqual({ path: join(dir, 'chromium') });
    expect(calls).toEqual([]);
  });

  it('installs the distribution package as root, then finds it', () => {
    const dir = binDir();
    const { calls, run } = recorder();
    const installing = (command: string, args: readonly string[]) => {
      if (args.includes('install')) binDirInto(dir, 'chromium');
      return run(command, args);
    };
    expect(ensureChromium({ run: installing, isRoot: true, env: { PATH: dir }, systemDirs: [] })).toEqual({ path: join(dir, 'chromium') });
    expect(calls).toEqual([
      'apt-get --version',
      'env DEBIAN_FRONTEND=noninteractive apt-get update',
      'env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium',
    ]);
  });

  it('goes through password-free sudo when not root, and says why it cannot when sudo asks for a password', () => {
    const { calls, run } = recorder({ 'sudo -n true': 1 });
    const result = ensureChromium({ run, isRoot: false, env: { PATH: binDir() }, systemDirs: [] });
    expect(result).toEqual({ problem: expect.stringContaining('needs root') });
    expect(calls).toEqual(['apt-get --version', 'sudo -n true']);
  });

  it('does not try to install over a wrong CHROMIUM_PATH, and says what to fix', () => {
    const { calls, run } = recorder();
    expect(ensureChromium({ run, isRoot: true, env: { CHROMIUM_PATH: '/nowhere/chrome', PATH: '' }, systemDirs: [] })).toEqual({
      problem: expect.stringContaining('CHROMIUM_PATH is set to /nowhere/chrome'),
    });
    expect(calls).toEqual([]);
  });

  it('reports a failed install instead of pretending', () => {
    const { run } = recorder({ 'env DEBIAN_FRONTEND=noninteractive apt-get install': 100 });
    expect(ensureChromium({ run, isRoot: true, env: { PATH: binDir() }, systemDirs: [] })).toEqual({
      problem: expect.stringContaining('failed'),
    });
  });
});

function binDirInto(dir: string, name: string): void {
  writeFileSync(join(dir, name), '#!/bin/sh\n');
  chmodSync(join(dir, name), 0o755);
}
