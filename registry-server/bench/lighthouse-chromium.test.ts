import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from './lighthouse-chromium.ts';

describe('findChromium', () => {
  it('takes CHROME_PATH when it is an executable, else nothing; otherwise searches PATH then the system folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'umn-chromium-'));
    try {
      const chromium = join(dir, 'chromium');
      writeFileSync(chromium, '#!/bin/sh\n');
      chmodSync(chromium, 0o755);
      expect(findChromium({ CHROME_PATH: chromium }, [])).toBe(chromium);
      expect(findChromium({ CHROME_PATH: join(dir, 'missing') }, [dir])).toBeNull();
      expect(findChromium({ PATH: dir }, [])).toBe(chromium);
      expect(findChromium({ PATH: '/nowhere' }, [dir])).toBe(chromium);
      expect(findChromium({ PATH: '/nowhere' }, ['/also-nowhere'])).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
