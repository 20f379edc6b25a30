import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeStoreContract } from '../store.contract.ts';
import { EmbeddedStore } from './embedded-store.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeStoreContract('embedded (node:sqlite + mingo)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-store-'));
  dirs.push(dir);
  return EmbeddedStore.open(dir);
});
