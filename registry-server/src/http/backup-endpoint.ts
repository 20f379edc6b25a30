// POST /api/backup: a consistent copy of the running node's embedded store, streamed to an admin
// (`umn backup` is its client). The embedded store's file is locked by the node, so the node makes
// the copy itself (Store.snapshotTo) into DATA_DIR, stamps it as a backup, streams it and removes
// it. Bearer tokens only: no cookie session (hence no cross-site request) can ask for it.
import { createReadStream, rmSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { RequestHandler, Response } from 'express';
import type { Registry } from '../registry.ts';
import { logger } from '../config/logging.ts';
import { backupInfoFor, stampBackup } from '../store/backup/backup-file.ts';

const log = logger('backup');

export const BACKUP_PATH = '/api/backup';

export function backupEndpoint(registry: Registry): RequestHandler {
  // One copy at a time: each needs the store's size in free disk space.
  let running = false;
  return async (req, res) => {
    if (req.method !== 'POST') return refuse(res.set('Allow', 'POST'), 405, 'METHOD_NOT_ALLOWED', `Use POST ${BACKUP_PATH}.`);
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const resolved = bearer ? await registry.sessions.resolve(bearer[1]!, 'bearer') : null;
    if (!resolved)
      return refuse(
        res,
        401,
        'SIGN_IN_REQUIRED',
        "Send an admin's bearer token (Authorization: Bearer <token>); `npm run umn -- backup <file>` signs in for you.",
      );
    if (resolved.actor.role !== 'admin')
      return refuse(res, 403, 'NOT_AUTHORIZED', "Only the node's admins can take a backup of its store.");
    if (registry.store.kind === 'mongodb')
      return refuse(
        res,
        409,
        'STORE_BACKUP_WITH_MONGODUMP',
        'This node keeps its data in MongoDB: run `npm run umn -- backup <file>` with MONGODB_URL set (it uses mongodump).',
      );
    if (running) return refuse(res, 409, 'BACKUP_RUNNING', 'A backup of this node is being taken; try again when it is done.');
    running = true;
    const path = join(registry.config.dataDir, `.backup-${randomUUID()}.sqlite`);
    const done = () => {
      rmSync(path, { force: true });
      running = false;
    };
    let size: number;
    try {
      await registry.store.snapshotTo(path);
      // From the copy to the answer's head nothing awaits I/O: no write can be acknowledged in
      // between, so every write acknowledged before the client hears back is in the copy.
      stampBackup(path, backupInfoFor(registry.config, registry.now()));
      size = statSync(path).size;
    } catch (error) {
      done();
      log.error('Backup failed: {error}', { error });
      return refuse(res, 507, 'BACKUP_FAILED', `The copy could not be made (${(error as Error).message}).`);
    }
    const name = `umn-${registry.config.nodeHandle}-${registry.now().toISOString().replaceAll(':', '-')}.sqlite`;
    res.writeHead(200, {
      'Content-Type': 'application/vnd.sqlite3',
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="${name}"`,
      // no-transform: never compressed on the way (compression.ts), so Content-Length stays the file's size.
      'Cache-Control': 'no-store, no-transform',
    });
    res.flushHeaders();
    log.info('Backup of {bytes} bytes taken by account {account}', { bytes: size, account: resolved.actor.accountId });
    void registry.audit
      .record({
        accountId: resolved.actor.accountId,
        role: resolved.actor.role,
        action: 'store.backup',
        target: registry.config.nodeHandle,
      })
      .catch((error: unknown) => log.error('Recording the backup in the audit log failed: {error}', { error }));
    try {
      await pipeline(createReadStream(path), res);
    } catch (error) {
      log.warning('Sending a backup stopped: {error}', { error });
    } finally {
      done();
    }
  };
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
