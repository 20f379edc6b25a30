// A schema change that breaks a resolver or a page fails before the tests run (ADR 0015): the
// generator refuses web queries the schema no longer answers, and tsc refuses a resolver for a
// field the schema no longer has. Generates from a changed copy of schemas/graphql into a
// temporary folder; the real generated files are left alone. About 5 s.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const generator = join(root, 'scripts/generate-types.ts');

let work: string;
let schema: string;

beforeAll(() => {
  // Inside the workspace, so the generated file finds `graphql` and the fixture finds @types/node.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  work = mkdtempSync(join(root, 'node_modules/.cache/umn-types-'));
  schema = join(work, 'schema');
  cpSync(join(root, 'schemas/graphql'), schema, { recursive: true });
  // CityNode.initiativeCount is read by the home page and resolved by city-node-resolvers.ts.
  const nodes = join(schema, 'nodes.graphql');
  const before = readFileSync(nodes, 'utf8');
  const after = before.replace('  initiativeCount: Int!', '  initiativeTotal: Int!');
  expect(after).not.toBe(before);
  writeFileSync(nodes, after);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function generate(webDocuments: string): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, [generator, '--schema', schema, '--web-documents', webDocuments, '--out', join(work, 'out')]);
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('generate-types', () => {
  it('fails when a page asks for a field the schema no longer has, and names the field', async () => {
    const { code, stderr } = await generate(join(root, 'web/src/lib'));
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot query field "initiativeCount" on type "CityNode"');
    expect(stderr).toContain('npm run generate:types');
  });

  it('makes tsc refuse a resolver of a field the schema no longer has', async () => {
    const empty = join(work, 'no-documents');
    mkdirSync(empty);
    expect((await generate(empty)).code).toBe(0);
    // Written the way every resolver map is (resolvers/*.ts: `const …: Resolvers = { … }`).
    const fixture = join(work, 'out', 'fixture.ts');
    writeFileSync(
      fixture,
      "import type { Resolvers } from './resolver-types.ts';\nexport const resolvers: Resolvers = { CityNode: { initiativeCount: (v) => v.handle.length } };\n",
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    // --noResolve: the mappers and the context type (the whole server) are not needed to see a
    // resolver named for a field the generated type lacks; it takes the check from 19 s to a few.
    const args = [
      tsc,
      '--ignoreConfig',
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2024',
      '--allowImportingTsExtensions',
      '--skipLibCheck',
      '--types',
      'node',
      '--noResolve',
      join(work, 'out', 'resolver-types.ts'),
      fixture,
    ];
    const failure = await run(process.execPath, args, { cwd: work }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure).toMatch(/fixture\.ts.*'initiativeCount' does not exist in type 'CityNodeResolvers/);
  }, 60_000);
});
