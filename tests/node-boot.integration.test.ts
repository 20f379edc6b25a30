// The node as an operator runs it: one command, seeded data reused across restarts (even after
// kill -9), and boot failures that say what to set.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failingBoot, freePort, startNodeProcess } from './support/node-process.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-boot-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function counts(url: string) {
  const response = await fetch(
    `${url}/graphql?query=${encodeURIComponent('{ initiatives { totalCount } goodPractices { totalCount } cityNodes { slug } }')}`,
  );
  const body = (await response.json()) as {
    data: { initiatives: { totalCount: number }; goodPractices: { totalCount: number }; cityNodes: unknown[] };
  };
  return {
    initiatives: body.data.initiatives.totalCount,
    practices: body.data.goodPractices.totalCount,
    nodes: body.data.cityNodes.length,
  };
}

describe('node process', () => {
  it('starts seeded, prints the URL, and reuses its data without duplicating seeds after a restart and a kill -9', async () => {
    const dataDir = tempDir();
    const first = await startNodeProcess({ DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost:4999' });
    expect(first.output()).toContain('Open:    http://localhost:4999/');
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    const before = await counts(first.url);
    expect(before.initiatives).toBeGreaterThanOrEqual(9);
    expect(before.practices).toBe(10);
    expect(before.nodes).toBe(7);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startNodeProcess({ DATA_DIR: dataDir });
    expect(await counts(second.url)).toEqual(before);
    expect(second.output()).toMatch(/0 record\(s\) inserted/);
    await second.stop('SIGKILL');

    const third = await startNodeProcess({ DATA_DIR: dataDir });
    expect(await counts(third.url)).toEqual(before);
    await third.stop();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', 78],
    [{ PUBLIC_URL: 'registry.liege.be' }, 'PUBLIC_URL', 78],
    [{ MONGODB_URL: 'postgres://x' }, 'MONGODB_URL', 78],
  ])('stops at boot on %o with a message naming %s', async (env, variable, code) => {
    const result = await failingBoot({ DATA_DIR: tempDir(), ...env });
    expect(result.code).toBe(code);
    expect(result.output).toContain(`Cannot start: ${variable}:`);
  });

  it('says so when the port is taken', async () => {
    const port = String(await freePort());
    const holder = await startNodeProcess({ DATA_DIR: tempDir(), PORT: port });
    const result = await failingBoot({ DATA_DIR: tempDir(), PORT: port });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(new RegExp(`Port ${port} is already in use`));
    await holder.stop();
  });

  it('refuses a second process on the same data directory', async () => {
    const dataDir = tempDir();
    const owner = await startNodeProcess({ DATA_DIR: dataDir });
    const result = await failingBoot({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/in use by another registry process/);
    await owner.stop();
  });

  it('stops on a corrupt data file and leaves it untouched', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'registry.sqlite');
    writeFileSync(file, 'not a database at all '.repeat(300));
    const result = await failingBoot({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/left untouched/);
    expect(readFileSync(file, 'utf8')).toBe('not a database at all '.repeat(300));
  });
});
