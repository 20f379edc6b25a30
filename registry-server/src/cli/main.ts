// The operator command: `npm run umn -- <command>`. It opens the node's store with the same
// configuration as the server (DATA_DIR or MONGODB_URL). With the embedded store, stop the node
// first: one process owns a data directory.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.ts';
import { configureLogging } from '../config/logging.ts';
import { ActionError } from '../accounts/action-error.ts';
import { createRegistry } from '../registry.ts';
import { openStore } from '../store/open-store.ts';
import { migrateDocuments } from '../store/schema-migrations.ts';
import { StoreError } from '../store/store-errors.ts';
import { logger } from '../config/logging.ts';
import { createAdmin, resetAdminPassword } from './admin-commands.ts';
import { stdoutOutput } from './command-output.ts';

const USAGE = `Usage: npm run umn -- <command> [options]

Commands:
  admin create --email <address> [--password-stdin]
      Creates an admin account. The password is asked twice, or read from standard input.
  admin reset-password --email <address> [--password-stdin]
      Sets a new password for an account and ends its sessions.
  help
      Shows this text.

The command uses the node's configuration (DATA_DIR, MONGODB_URL …). With the embedded store,
stop the node first.`;

export async function runCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, 'password-stdin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [group, command] = positionals;
  if (values.help || !group || group === 'help') {
    stdoutOutput.line(USAGE);
    return group && group !== 'help' ? 2 : 0;
  }
  const run = group === 'admin' && command === 'create' ? createAdmin : group === 'admin' && command === 'reset-password' ? resetAdminPassword : null;
  if (!run) {
    process.stderr.write(`Unknown command "${positionals.join(' ')}".\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(process.env, { isTerminal: false });
  await configureLogging({ logLevel: 'warning', logFormat: 'text' });
  const store = await openStore(config);
  try {
    await migrateDocuments(store, logger('store', 'migrations'));
    const registry = await createRegistry(config, store);
    await run(registry, { email: values.email, passwordStdin: values['password-stdin'] }, stdoutOutput);
    return 0;
  } finally {
    await store.close();
  }
}

if (import.meta.main) {
  try {
    process.exitCode = await runCommand(process.argv.slice(2));
  } catch (error) {
    const known = error instanceof ActionError || error instanceof ConfigError || error instanceof StoreError || (error as Error).name === 'TypeError' && /parseArgs|Unknown option/.test((error as Error).message);
    process.stderr.write(`${known ? '' : 'Unexpected error: '}${(error as Error).message}\n`);
    if (error instanceof ActionError && error.fields.length) for (const f of error.fields) process.stderr.write(`  ${f.field}: ${f.message}\n`);
    process.exitCode = 1;
  }
}
