// What a backup of the embedded store is (ADR 0044): the store's own SQLite file, copied while the
// node serves, plus one table `umn_backup` saying what it is (backup format, store file format,
// document versions, the node's handle and public URL, when it was taken). An operator can open
// it with any SQLite tool; `umn restore` checks it before anything is replaced.
import { DatabaseSync } from 'node:sqlite';
import { openSync, readSync, closeSync } from 'node:fs';
import { APPLICATION_ID, FILE_FORMAT_VERSION } from '../embedded/sqlite-file.ts';
import { COLLECTION_VERSIONS } from '../schema-migrations.ts';
import { BackupError } from './backup-error.ts';

/** Version of what `umn_backup` holds; raise it when its keys change meaning. */
export const BACKUP_FORMAT = 1;
export const BACKUP_TABLE = 'umn_backup';

export interface BackupInfo {
  backupFormat: number;
  /** The embedded store's file layout version (PRAGMA user_version), FILE_FORMAT_VERSION when taken. */
  fileFormat: number;
  /** Document versions of the registry's collections when taken (store/schema-migrations.ts). */
  collectionVersions: Record<string, number>;
  nodeHandle: string;
  publicUrl: string;
  takenAt: string;
}

export function backupInfoFor(node: { nodeHandle: string; publicUrl: URL }, now: Date): BackupInfo {
  return {
    backupFormat: BACKUP_FORMAT,
    fileFormat: FILE_FORMAT_VERSION,
    collectionVersions: Object.fromEntries(COLLECTION_VERSIONS.map((c) => [c.collection, c.current])),
    nodeHandle: node.nodeHandle,
    publicUrl: node.publicUrl.origin,
    takenAt: now.toISOString(),
  };
}

/** Writes `info` into a snapshot of the store, which becomes a backup. */
export function stampBackup(path: string, info: BackupInfo): void {
  const db = new DatabaseSync(path);
  try {
    db.exec(`CREATE TABLE ${BACKUP_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    const put = db.prepare(`INSERT INTO ${BACKUP_TABLE} (key, value) VALUES (?, ?)`);
    for (const [key, value] of Object.entries(info)) put.run(key, JSON.stringify(value));
  } finally {
    db.close();
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Reads and checks a backup file without changing it: a foreign file, a store file that is not a
 * backup, a backup of a newer registry or a damaged one is refused with a BackupError.
 */
export function inspectBackup(path: string): BackupInfo {
  const head = readHead(path);
  if (head.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    const gzip = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
    throw new BackupError(
      'NOT_A_BACKUP',
      gzip
        ? `${path} looks like a MongoDB archive (mongodump --gzip), not a backup of an embedded store. Restore it with MONGODB_URL set to the target database.`
        : `${path} is not a registry backup (not a SQLite file). Give the file \`npm run umn -- backup\` wrote.`,
    );
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: true });
  } catch (cause) {
    throw new BackupError('BACKUP_CORRUPT', `${path} cannot be opened (${(cause as Error).message}).`, { cause });
  }
  try {
    const pragma = (name: string) => Number(Object.values(db.prepare(`PRAGMA ${name}`).get() as Record<string, number>)[0]);
    if (pragma('application_id') !== APPLICATION_ID)
      throw new BackupError('NOT_A_BACKUP', `${path} is a SQLite database but not a UMN registry backup; nothing was changed.`);
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(BACKUP_TABLE);
    if (!hasTable)
      throw new BackupError(
        'NOT_A_BACKUP',
        `${path} is a registry store file, not a backup made by \`npm run umn -- backup\`. If you copied it from a stopped node yourself, put it in the data directory as registry.sqlite.`,
      );
    const info = readInfo(db, path);
    const fileFormat = pragma('user_version');
    if (fileFormat > FILE_FORMAT_VERSION) newer(path, `store file format ${fileFormat}, this registry reads up to ${FILE_FORMAT_VERSION}`);
    refuseNewerVersions(path, info);
    const check = db.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>;
    if (check.length !== 1 || check[0]?.quick_check !== 'ok')
      throw new BackupError('BACKUP_CORRUPT', `${path} is damaged (${check.map((r) => r.quick_check).join('; ')}); use another backup.`);
    return { ...info, fileFormat };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('BACKUP_CORRUPT', `${path} cannot be read as a backup (${(error as Error).message}); use another backup.`, {
      cause: error,
    });
  } finally {
    db.close();
  }
}

/** Refuses a backup whose description or documents are newer than this registry reads. */
export function refuseNewerVersions(path: string, info: Pick<BackupInfo, 'backupFormat' | 'collectionVersions'>): void {
  if (info.backupFormat > BACKUP_FORMAT) newer(path, `backup format ${info.backupFormat}, this registry reads up to ${BACKUP_FORMAT}`);
  for (const { collection, current } of COLLECTION_VERSIONS) {
    const taken = info.collectionVersions[collection] ?? 0;
    if (taken > current) newer(path, `${collection} documents of version ${taken}, this registry reads up to ${current}`);
  }
}

function newer(path: string, what: string): never {
  throw new BackupError(
    'BACKUP_NEWER_FORMAT',
    `${path} was made by a newer version of the registry (${what}). Upgrade the registry first, then restore; nothing was changed.`,
  );
}

function readInfo(db: DatabaseSync, path: string): BackupInfo {
  const rows = db.prepare(`SELECT key, value FROM ${BACKUP_TABLE}`).all() as Array<{ key: string; value: string }>;
  return checkedInfo(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])), path, `its ${BACKUP_TABLE} table`);
}

/** A backup description read from a file, with every field present and of its type. */
export function checkedInfo(values: Record<string, unknown>, path: string, where: string): BackupInfo {
  const info = values as Partial<BackupInfo>;
  if (
    typeof info.backupFormat !== 'number' ||
    typeof info.nodeHandle !== 'string' ||
    typeof info.publicUrl !== 'string' ||
    typeof info.takenAt !== 'string' ||
    typeof info.collectionVersions !== 'object' ||
    info.collectionVersions === null
  )
    throw new BackupError('BACKUP_CORRUPT', `${path}: ${where} is incomplete; use another backup.`);
  return info as BackupInfo;
}

function readHead(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    throw new BackupError('NOT_A_BACKUP', `Cannot read ${path} (${(cause as Error).message}).`, { cause });
  }
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}
