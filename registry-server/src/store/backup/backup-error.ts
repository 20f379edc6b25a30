// Typed failures of backups, restores and moves between stores: each carries a code and a
// message that tells the operator what to do. Nothing stored has changed when one is thrown.

export type BackupErrorCode =
  /** The file is not a backup made by `umn backup` (or not readable as one). */
  | 'NOT_A_BACKUP'
  /** The backup was made by a newer registry than this one: upgrade first. */
  | 'BACKUP_NEWER_FORMAT'
  /** The backup file is damaged. */
  | 'BACKUP_CORRUPT'
  /** The target already exists (a file, a store, a non-empty database) and was not to be replaced. */
  | 'TARGET_EXISTS'
  /** The node's store is in use by a running node. */
  | 'STORE_IN_USE'
  /** A tool the command needs (mongodump, mongorestore) is missing. */
  | 'TOOL_MISSING'
  /** The copy does not match its source. */
  | 'COPY_MISMATCH';

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
    this.code = code;
  }
}
