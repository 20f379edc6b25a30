// Finding Chromium: the e2e project fails with this message when none is found.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, findChromium } from './chromium.ts';

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
