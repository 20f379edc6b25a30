// `npm run generate`: synthetic listings for scale tests, written into a node's store.
//
//   npm run generate -- --listings 100000 --nodes 20 [--seed 1] [--data-dir ./data-synthetic]
//                       [--with-seeds] [--replace]
//
// The store is DATA_DIR (default ./data-synthetic, never the seeded ./data unless you point it
// there). A store holding real listings (the seeds) is refused unless --with-seeds is given, and
// --with-seeds also loads the seeds; a store holding synthetic data already is refused unless
// --replace is given, which removes that data first. With the embedded store, stop the node first.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configureLogging, logger } from '../config/logging.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { createRegistry } from '../registry.ts';
import { loadSeeds } from '../seeding/load-seeds.ts';
import { readSeeds } from '../seeding/seed-files.ts';
import { openStore } from '../store/open-store.ts';
import { migrateDocuments } from '../store/schema-migrations.ts';
import { StoreError } from '../store/store-errors.ts';
import { countSynthetic, hasRealListings, removeSynthetic, writeSynthetic } from './write-synthetic.ts';

const USAGE = `Usage: npm run generate -- [--listings N] [--nodes M] [--seed S] [--data-dir DIR] [--with-seeds] [--replace]

Writes N synthetic listings (default 1000; initiatives and about 15% good practices) spread over
M synthetic city nodes (default 8), in fr en it el bg sl ar nl de, into the store in DIR
(default: DATA_DIR, else ./data-synthetic). Everything is labelled "[synthetic]".
  --with-seeds  also load the seeds (Liège and the partner profiles); needed to write into a seeded store
  --replace     remove synthetic data already in the store first`;

export async function generate(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      listings: { type: 'string' },
      nodes: { type: 'string' },
      seed: { type: 'string' },
      'data-dir': { type: 'string' },
      'with-seeds': { type: 'boolean' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const count = (name: string, raw: string | undefined, fallback: number, max: number) => {
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new ConfigError(name, `--${name} must be a whole number from 1 to ${max} (got ${raw}).`);
    return n;
  };
  const listings = count('listings', values.listings, 1_000, 2_000_000);
  const nodes = count('nodes', values.nodes, 8, 1_000);
  const seed = count('seed', values.seed, 1, 2 ** 31);
  const dataDir = resolve(values['data-dir'] ?? env.DATA_DIR ?? './data-synthetic');
  const withSeeds = values['with-seeds'] ?? false;
  const config = loadConfig({ ...env, DATA_DIR: dataDir, NODE_HANDLE: env.NODE_HANDLE ?? 'liege' }, { isTerminal: false });
  await configureLogging({ logLevel: 'warning', logFormat: 'text' });
  const store = await openStore(config);
  try {
    await migrateDocuments(store, logger('store', 'migrations'));
    const registry = await createRegistry(config, store);
    if (withSeeds) await loadSeeds(registry, readSeeds(undefined, [config.nodeHandle]));
    else if (await hasRealListings(registry)) {
      out(
        `The store in ${dataDir} holds real listings (the seeds?). Synthetic data is never mixed with them unless asked: add --with-seeds, or choose another --data-dir.`,
      );
      return 1;
    }
    const existing = await countSynthetic(registry);
    if (existing > 0) {
      if (!values.replace) {
        out(
          `The store in ${dataDir} holds ${existing} synthetic record(s) already. Add --replace to remove them first, or choose another --data-dir.`,
        );
        return 1;
      }
      out(`Removed ${await removeSynthetic(registry)} synthetic record(s).`);
    }
    const started = performance.now();
    let last = 0;
    const result = await writeSynthetic(registry, {
      listings,
      nodes,
      seed,
      localNode: withSeeds ? config.nodeHandle : undefined,
      onProgress: (written) => {
        if (written - last >= 10_000) {
          last = written;
          out(`  ${written.toLocaleString('en')} listings written…`);
        }
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out(
      `Wrote ${result.initiatives.toLocaleString('en')} initiatives and ${result.practices.toLocaleString('en')} good practices over ${result.nodes.length} synthetic nodes in ${seconds} s into ${dataDir}.`,
    );
    out(`This store's own node: ${result.localNode}; the listings of the other nodes are stored as received from them.`);
    out(
      `Start a node on it:\n  DATA_DIR=${dataDir} NODE_HANDLE=${result.localNode} SEED=${withSeeds ? 'true' : 'false'} PORT=3000 npm run node`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

if (import.meta.main) {
  try {
    process.exitCode = await generate(process.argv.slice(2));
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof StoreError || (error as Error).name === 'TypeError';
    process.stderr.write(`${known ? '' : 'Unexpected error: '}${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
