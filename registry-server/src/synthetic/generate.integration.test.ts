// `npm run generate` into a store: never mixed with the seeds unless asked, refuses to add to
// earlier synthetic data unless told to replace it, and a node started on the store searches it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestNode } from '../testing/test-node.ts';
import { generate } from './generate.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-generate-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const run = async (args: string[]) => {
  const lines: string[] = [];
  const code = await generate(args, { ...process.env, DATA_DIR: undefined, NODE_HANDLE: undefined }, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
};

describe('npm run generate', () => {
  it('writes synthetic listings that a node started on the store finds', async () => {
    const dir = tempDir();
    const first = await run(['--listings', '400', '--nodes', '5', '--data-dir', dir]);
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/Wrote \d+ initiatives and \d+ good practices over 5 synthetic nodes/);
    expect(first.output).toContain('NODE_HANDLE=syn-lyon SEED=false');
    const again = await run(['--listings', '10', '--nodes', '2', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/holds \d+ synthetic record\(s\) already. Add --replace/);
    const replaced = await run(['--listings', '300', '--nodes', '4', '--data-dir', dir, '--replace']);
    expect(replaced.code).toBe(0);

    const node = await startTestNode({ dataDir: dir, nodeHandle: 'syn-lyon', seed: false });
    try {
      const result = await node.query(
        '{ search(first: 5) { totalCount edges { nodeHandle received } facets { name values { value count } } } }',
      );
      expect(result.body.data.search.totalCount).toBe(300);
      const nodes = result.body.data.search.facets
        .find((f: { name: string }) => f.name === 'NODE')
        .values.map((v: { value: string }) => v.value)
        .sort();
      expect(nodes).toEqual(['syn-lyon', 'syn-plovdiv', 'syn-thessaloniki', 'syn-torino']);
      const local = await node.query('{ search(input: { node: ["syn-lyon"] }, first: 1) { edges { received } } }');
      expect(local.body.data.search.edges[0].received).toBe(false);
      const remote = await node.query('{ search(input: { node: ["syn-torino"] }, first: 1) { edges { received } } }');
      expect(remote.body.data.search.edges[0].received).toBe(true);
    } finally {
      await node.close({ keepData: true });
    }
  });

  it('never mixes synthetic data with the seeds unless asked', async () => {
    const dir = tempDir();
    const seeded = await startTestNode({ dataDir: dir });
    await seeded.close({ keepData: true });
    const refused = await run(['--listings', '50', '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/holds real listings .*--with-seeds/);
    const mixed = await run(['--listings', '50', '--nodes', '3', '--data-dir', dir, '--with-seeds']);
    expect(mixed.code).toBe(0);
    expect(mixed.output).toContain("This store's own node: liege");
  });
});
