import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeStoreContract } from '../store.contract.ts';
import { EmbeddedStore } from './embedded-store.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-store-'));
  dirs.push(dir);
  return dir;
};

describeStoreContract('embedded (node:sqlite + mingo)', async () => EmbeddedStore.open(tempDir()));

// The same contract when only some fields stay in memory (resident-plan.ts): queries on `city`
// and `count` are answered from the resident parts, every other one from whole documents read
// back from the file, and indexes on other fields widen the plan. Results must not differ.
describeStoreContract('embedded, with only city and count resident in memory', async () =>
  EmbeddedStore.open(tempDir(), { residentFields: (collection) => (collection.startsWith('contract_') ? ['city', 'count'] : null) }),
);
