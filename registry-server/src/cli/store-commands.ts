// `umn backup`, `umn restore` and `umn move-store`: the operator keeps and moves the node's data
// (ADR 0044). backup asks the running node for a copy of its embedded store (the node holds the
// file's lock), or runs mongodump for a node on MongoDB; restore and move-store need the node
// stopped. No command writes over an existing file, store or database without --force or the
// operator typing the node's handle.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { ActionError } from '../accounts/action-error.ts';
import type { Config } from '../config/config.ts';
import { BACKUP_PATH } from '../http/backup-endpoint.ts';
import { BackupError } from '../store/backup/backup-error.ts';
import { backupInfoFor, inspectBackup, type BackupInfo } from '../store/backup/backup-file.ts';
import { findTool, inspectMongoBackup, printableCommand, redactUrl, runMongoTool, sidecarPath } from '../store/backup/mongo-tools.ts';
import { documentCounts, moveStore } from '../store/backup/move-store.ts';
import { restoreEmbeddedStore, type ExistingStore } from '../store/backup/restore-store.ts';
import { EmbeddedStore } from '../store/embedded/embedded-store.ts';
import { mongoStoreModule, openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import type { ApiClient } from './api-client.ts';
import type { CommandOutput } from './command-output.ts';

export interface StoreCommandOptions {
  force: boolean;
  /** Asks the operator to type `expected` to go on (absent when nobody can be asked). */
  confirm?: (question: string, expected: string) => Promise<boolean>;
}

function needFile(file: string | undefined, usage: string): string {
  if (!file) throw new ActionError('VALIDATION_FAILED', `Give the backup file: ${usage}`);
  return resolve(file);
}

function refuseExisting(paths: string[], force: boolean): void {
  const existing = paths.filter((p) => existsSync(p));
  if (existing.length && !force)
    throw new BackupError(
      'TARGET_EXISTS',
      `${existing.join(' and ')} already exist(s); nothing was written. Choose another file name, or add --force.`,
    );
}

export async function backupCommand(
  config: Config,
  api: () => ApiClient,
  file: string | undefined,
  options: StoreCommandOptions,
  out: CommandOutput,
): Promise<void> {
  const target = needFile(file, 'umn backup <file>');
  if (config.mongodbUrl) {
    const tool = findTool('mongodump');
    refuseExisting([target, sidecarPath(target)], options.force);
    const info = { ...backupInfoFor(config, new Date()), store: 'mongodb' };
    out.line(`Running: ${printableCommand('mongodump', config.mongodbUrl, target)}`);
    rmSync(target, { force: true });
    await runMongoTool('mongodump', tool, config.mongodbUrl, target);
    writeFileSync(sidecarPath(target), `${JSON.stringify(info, null, 2)}\n`);
    out.line(
      `Backup of ${info.nodeHandle} (${info.publicUrl}) started at ${info.takenAt}: ${target}, described in ${sidecarPath(target)}.`,
    );
    return;
  }
  refuseExisting([target], options.force);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  let info: BackupInfo;
  try {
    await api().download(BACKUP_PATH, partial);
    info = inspectBackup(partial);
    refuseExisting([target], options.force);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  out.line(
    `Backup of ${info.nodeHandle} (${info.publicUrl}) taken at ${info.takenAt}: ${target} (${statSync(target).size} bytes, store file format ${info.fileFormat}).`,
  );
}

export async function restoreCommand(
  config: Config,
  file: string | undefined,
  dataDir: string | undefined,
  options: StoreCommandOptions,
  out: CommandOutput,
): Promise<void> {
  const source = needFile(file, 'umn restore <file> [--data-dir <directory>] [--force]');
  if (config.mongodbUrl && !dataDir) return restoreMongo(config.mongodbUrl, source, options, out);
  const dir = resolve(dataDir ?? config.dataDir);
  const confirm = options.confirm;
  const result = await restoreEmbeddedStore(source, dir, {
    force: options.force,
    ...(confirm
      ? {
          confirm: (backup: BackupInfo, existing: ExistingStore) =>
            confirm(
              `${existing.path} holds a store of ${existing.documents} documents. It will be replaced by the backup of ${backup.nodeHandle} taken at ${backup.takenAt} (and kept beside as a .before-restore file).\nType the node handle (${backup.nodeHandle}) to go on: `,
              backup.nodeHandle,
            ),
        }
      : {}),
  });
  out.line(`Restored the backup of ${result.backup.nodeHandle} taken at ${result.backup.takenAt} into ${result.path}.`);
  if (result.previousKeptAt) out.line(`The store that was there is kept as ${result.previousKeptAt}.`);
  out.line('Start the node on it: it brings an older store format up to date at start (backup first, as now).');
  if (result.backup.nodeHandle !== config.nodeHandle)
    out.line(
      `Note: the backup is of node ${result.backup.nodeHandle}, and NODE_HANDLE is ${config.nodeHandle}: start the node with NODE_HANDLE=${result.backup.nodeHandle}.`,
    );
}

async function restoreMongo(url: string, file: string, options: StoreCommandOptions, out: CommandOutput): Promise<void> {
  const info = inspectMongoBackup(file);
  const tool = findTool('mongorestore');
  const store = await (await mongoStoreModule()).MongoStore.connect(url);
  const documents = await documentCounts(store)
    .then((counts) => Object.values(counts).reduce((sum, n) => sum + n, 0))
    .finally(() => store.close());
  if (documents > 0 && !options.force) {
    const go = options.confirm
      ? await options.confirm(
          `The database at ${redactUrl(url)} holds ${documents} documents; the backup's collections will replace theirs.\nType the node handle (${info.nodeHandle}) to go on: `,
          info.nodeHandle,
        )
      : false;
    if (!go)
      throw new BackupError(
        'TARGET_EXISTS',
        `The database at ${redactUrl(url)} holds ${documents} documents; nothing was changed. Confirm in a terminal, or add --force.`,
      );
  }
  out.line(`Running: ${printableCommand('mongorestore', url, file)}`);
  await runMongoTool('mongorestore', tool, url, file);
  out.line(`Restored the backup of ${info.nodeHandle} taken at ${info.takenAt}. Start the node: it migrates older documents at start.`);
}

export async function moveStoreCommand(
  config: Config,
  to: string | undefined,
  options: StoreCommandOptions,
  out: CommandOutput,
): Promise<void> {
  if (!to)
    throw new BackupError(
      'TARGET_EXISTS',
      'Give the target: umn move-store --to mongodb://host/database (or --to <data directory> for another embedded store).',
    );
  const source = await openStore(config);
  let target: Store | undefined;
  try {
    target = /^mongodb(\+srv)?:\/\//.test(to) ? await (await mongoStoreModule()).MongoStore.connect(to) : EmbeddedStore.open(resolve(to));
    out.line(`Copying the ${source.kind} store into ${target.kind === 'mongodb' ? redactUrl(to) : resolve(to)} …`);
    const moved = await moveStore(source, target, {
      force: options.force,
      progress: ({ collection, documents }) => out.line(`  ${collection}: ${documents}`),
    });
    const total = moved.reduce((sum, m) => sum + m.documents, 0);
    out.line(`Copied ${total} documents in ${moved.length} collections; every count matches its source.`);
    out.line(
      target.kind === 'mongodb'
        ? 'Now set MONGODB_URL to this database and start the node (it builds its indexes at first start). Keep DATA_DIR until you are satisfied.'
        : `Now start the node with DATA_DIR=${resolve(to)}.`,
    );
  } finally {
    await target?.close();
    await source.close();
  }
}

/** Asks on the terminal; true when the operator typed `expected`. */
export async function askOnTerminal(question: string, expected: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim() === expected;
  } finally {
    rl.close();
  }
}
