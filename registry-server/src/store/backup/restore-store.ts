// `umn restore` for the embedded store: puts a checked backup in place of DATA_DIR/registry.sqlite
// while the node is stopped. The store it replaces is kept beside it (renamed, with its log), never
// deleted; the swap is one rename, so a failed restore leaves the old store as it was. A backup of
// an older format is restored as it is: the node brings it up to date when it starts
// (sqlite-file.ts migrateLayout for the file, schema-migrations.ts for documents).
import { DatabaseSync } from 'node:sqlite';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILE_NAME } from '../embedded/sqlite-file.ts';
import { BackupError } from './backup-error.ts';
import { BACKUP_TABLE, inspectBackup, type BackupInfo } from './backup-file.ts';

export interface ExistingStore {
  path: string;
  documents: number;
}

export interface RestoreOptions {
  /** Replace an existing store without asking. */
  force: boolean;
  /** Asks the operator whether to replace the existing store; absent when nobody can be asked. */
  confirm?: (backup: BackupInfo, existing: ExistingStore) => Promise<boolean>;
  now?: () => Date;
}

export interface RestoreResult {
  backup: BackupInfo;
  path: string;
  /** Where the store that was there before now is, if there was one. */
  previousKeptAt: string | null;
}

export async function restoreEmbeddedStore(file: string, dataDir: string, options: RestoreOptions): Promise<RestoreResult> {
  const backup = inspectBackup(file);
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, DATA_FILE_NAME);
  const existing = existsSync(target) ? { path: target, documents: documentsIn(target) } : null;
  if (existing && !options.force) {
    const replace = options.confirm ? await options.confirm(backup, existing) : false;
    if (!replace)
      throw new BackupError(
        'TARGET_EXISTS',
        `${target} already holds a store (${existing.documents} documents); nothing was changed. Run the command in a terminal to confirm, or add --force to replace it (it is kept beside as a .before-restore file).`,
      );
  }
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  try {
    copyFileSync(file, staging);
    const db = new DatabaseSync(staging);
    try {
      db.exec(`DROP TABLE ${BACKUP_TABLE}`);
    } finally {
      db.close();
    }
  } catch (cause) {
    rmSync(staging, { force: true });
    throw new BackupError(
      'BACKUP_CORRUPT',
      `Copying ${file} into ${dataDir} failed (${(cause as Error).message}); nothing was changed. Check the free disk space.`,
      { cause },
    );
  }
  let previousKeptAt: string | null = null;
  if (existing) {
    previousKeptAt = `${target}.before-restore-${(options.now?.() ?? new Date()).toISOString().replaceAll(':', '-')}`;
    // The log files go with their database: a write-ahead log left beside the restored file
    // would be replayed into it at the next start.
    for (const suffix of ['-wal', '-shm', '-journal'])
      if (existsSync(target + suffix)) renameSync(target + suffix, previousKeptAt + suffix);
    renameSync(target, previousKeptAt);
  }
  renameSync(staging, target);
  return { backup, path: target, previousKeptAt };
}

/**
 * How many documents the store at `path` holds; refuses when a running node holds it (its
 * exclusive lock makes even reading fail at once).
 */
function documentsIn(path: string): number {
  let db: DatabaseSync | undefined;
  try {
    // Not read-only: SQLite then replays the log of a node that was killed, keeping what it committed.
    db = new DatabaseSync(path, { timeout: 0 });
    const tables = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get();
    return tables ? Number((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n) : 0;
  } catch (cause) {
    if (/locked|busy/i.test((cause as Error).message))
      throw new BackupError(
        'STORE_IN_USE',
        `${path} is in use by a running node. Stop the node first (a restore replaces its store), then run the command again; nothing was changed.`,
        { cause },
      );
    throw new BackupError(
      'TARGET_EXISTS',
      `${path} exists but cannot be read (${(cause as Error).message}); move it away yourself if it is to be replaced. Nothing was changed.`,
      { cause },
    );
  } finally {
    db?.close();
  }
}
