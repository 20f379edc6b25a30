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
import { ApiClient } from './api-client.ts';
import { partnerCommand, queueCommand } from './partner-commands.ts';
import { searchCommand } from './search-commands.ts';
import { murmurationsCommand } from './murmurations-commands.ts';
import { askOnTerminal, backupCommand, moveStoreCommand, restoreCommand } from './store-commands.ts';
import { BackupError } from '../store/backup/backup-error.ts';

const USAGE = `Usage: npm run umn -- <command> [options]

Commands:
  admin create --email <address> [--password-stdin]
      Creates an admin account. The password is asked twice, or read from standard input.
  admin reset-password --email <address> [--password-stdin]
      Sets a new password for an account and ends its sessions.
  help
      Shows this text.

The admin commands above open the node's store (DATA_DIR, MONGODB_URL …): with the embedded
store, stop the node first.

Commands on a running node (through its API, as an admin: set UMN_TOKEN to a bearer token, or
give --email and the password):
  partners list
  partners follow <partner URL or handle>
  partners approve <partner actor URL>
  partners reject <partner actor URL>
  partners unfollow <partner actor URL>
  partners block <domain> [--reason <text>]
  partners unblock <domain>
  queue
      Shows the delivery queue depth.
  murmurations
      Shows where the node's Murmurations profiles stand with MURMURATIONS_INDEX_URL: held by
      the index, pending (with the next attempt), or given up (with the index's last error).
  search reindex
      Rebuilds the node's search index from its store (searches keep being answered meanwhile).
      A stopped node needs none: it builds its index from the store at every start.
  backup <file> [--force]
      A consistent copy of the running node's store, written to <file> (never over an existing
      file without --force). Embedded store: the node makes it while serving. MongoDB (MONGODB_URL
      set): runs mongodump --archive --gzip, and writes <file>.umn.json beside it.
  Options: --url <node URL> (default PUBLIC_URL, else http://localhost:PORT)

Commands on a stopped node:
  restore <file> [--data-dir <directory>] [--force]
      Puts a backup in place of the store of DATA_DIR (or --data-dir), keeping the store it
      replaces beside it; asks you to type the node handle first, unless --force. Refuses a backup
      made by a newer registry (upgrade first). With MONGODB_URL set: runs mongorestore --drop.
  move-store --to <mongodb://… URL | data directory> [--force]
      Copies every collection of the node's store (DATA_DIR, or MONGODB_URL) into the target and
      checks the counts; refuses a target that holds documents, unless --force empties it.`;

export async function runCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      url: { type: 'string' },
      reason: { type: 'string' },
      force: { type: 'boolean' },
      'data-dir': { type: 'string' },
      to: { type: 'string' },
    },
  });
  const [group, command] = positionals;
  if (values.help || !group || group === 'help') {
    stdoutOutput.line(USAGE);
    return group && group !== 'help' ? 2 : 0;
  }
  if (group === 'partners' || group === 'queue' || group === 'search' || group === 'murmurations') {
    const config = loadConfig(process.env, { isTerminal: false });
    const api = new ApiClient({
      url: values.url ?? config.publicUrl.origin,
      token: process.env.UMN_TOKEN,
      email: values.email,
      passwordStdin: values['password-stdin'],
    });
    if (group === 'queue') await queueCommand(api, stdoutOutput);
    else if (group === 'murmurations') await murmurationsCommand(api, stdoutOutput);
    else if (group === 'search') await searchCommand(api, positionals.slice(1), stdoutOutput);
    else await partnerCommand(api, positionals.slice(1), values.reason, stdoutOutput);
    return 0;
  }
  if (group === 'backup' || group === 'restore' || group === 'move-store') {
    const config = loadConfig(process.env, { isTerminal: false });
    await configureLogging({ logLevel: 'warning', logFormat: 'text' });
    const options = { force: values.force ?? false, ...(process.stdin.isTTY ? { confirm: askOnTerminal } : {}) };
    if (group === 'backup') {
      const api = () =>
        new ApiClient({
          url: values.url ?? config.publicUrl.origin,
          token: process.env.UMN_TOKEN,
          email: values.email,
          passwordStdin: values['password-stdin'],
        });
      await backupCommand(config, api, positionals[1], options, stdoutOutput);
    } else if (group === 'restore') await restoreCommand(config, positionals[1], values['data-dir'], options, stdoutOutput);
    else await moveStoreCommand(config, values.to, options, stdoutOutput);
    return 0;
  }
  const run =
    group === 'admin' && command === 'create' ? createAdmin : group === 'admin' && command === 'reset-password' ? resetAdminPassword : null;
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
    const known =
      error instanceof ActionError ||
      error instanceof ConfigError ||
      error instanceof StoreError ||
      error instanceof BackupError ||
      ((error as Error).name === 'TypeError' && /parseArgs|Unknown option/.test((error as Error).message));
    process.stderr.write(`${known ? '' : 'Unexpected error: '}${(error as Error).message}\n`);
    if (error instanceof ActionError && error.fields.length)
      for (const f of error.fields) process.stderr.write(`  ${f.field}: ${f.message}\n`);
    process.exitCode = 1;
  }
}
