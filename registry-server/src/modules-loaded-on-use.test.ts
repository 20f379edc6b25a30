// A node that stores in its own file and sends no e-mail does not load the MongoDB driver,
// nodemailer or the spreadsheet readers: they are imported where they are first used
// (store/open-store.ts, mail/mailer.ts, imports/table-reader.ts). Loaded at start they cost every
// such node some 30 MB of memory (the driver alone keeps a 19 MB buffer pool), which the search
// bench's memory ceiling at 100,000 listings has no room for (issue 13).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** The packages a fresh Node process loads when it imports the node's entry module (without starting it). */
function packagesLoadedByMain(): string[] {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = new Set();
    registerHooks({ load(url, context, next) { const m = /node_modules\\/\\.pnpm\\/([^/]+)\\//.exec(url); if (m) seen.add(m[1]); return next(url, context); } });
    await import(${JSON.stringify(MAIN)});
    process.stdout.write(JSON.stringify([...seen]));
    process.exit(0);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`importing main.ts failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

describe('heavy modules are loaded when first used', () => {
  it('importing the node loads neither the MongoDB driver, nodemailer nor the spreadsheet readers', () => {
    const loaded = packagesLoadedByMain();
    // The hook does see packages: the GraphQL server is always loaded.
    expect(loaded.some((name) => name.startsWith('@apollo+server@'))).toBe(true);
    for (const heavy of ['mongodb@', 'bson@', 'nodemailer@', 'read-excel-file@', 'fflate@'])
      expect(
        loaded.filter((name) => name.startsWith(heavy)),
        heavy,
      ).toEqual([]);
  });
});
