// Backups of a node on MongoDB are made by MongoDB's own tools (ADR 0044): `mongodump --archive
// --gzip` of the node's database, and `mongorestore --archive --gzip --drop` back. The connection
// string goes in a YAML file readable only by the operator, passed with --config (Database Tools
// 100.3 and later), so its password never shows in the process list. Beside the archive,
// `<file>.umn.json` says what it is (backup-file.ts's BackupInfo, with `store: "mongodb"`).
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { BackupError } from './backup-error.ts';
import { checkedInfo, refuseNewerVersions, type BackupInfo } from './backup-file.ts';

export type MongoTool = 'mongodump' | 'mongorestore';

export const sidecarPath = (file: string) => `${file}.umn.json`;

/** The arguments of the tool for `file`; the connection string is in `configFile`. */
export function mongoToolArgs(tool: MongoTool, configFile: string, file: string): string[] {
  const common = [`--config=${configFile}`, `--archive=${file}`, '--gzip'];
  // --drop: each restored collection replaces the one of the same name, rather than merging into it.
  return tool === 'mongodump' ? common : [...common, '--drop'];
}

/** The command as the operator would type it, with the connection string's password hidden. */
export function printableCommand(tool: MongoTool, url: string, file: string): string {
  return `${tool} --uri='${redactUrl(url)}' --archive=${file} --gzip${tool === 'mongorestore' ? ' --drop' : ''}`;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]*)@/, '//$1:***@');
}

/** The tool's path on PATH, or a BackupError saying what to install. */
export function findTool(tool: MongoTool, path = process.env.PATH ?? ''): string {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, tool);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  throw new BackupError(
    'TOOL_MISSING',
    `${tool} is not on PATH. Install the MongoDB Database Tools (https://www.mongodb.com/docs/database-tools/installation/, e.g. the mongodb-database-tools package), then run the command again.`,
  );
}

/** Runs the tool with the connection string in a private config file, removed afterwards. */
export async function runMongoTool(tool: MongoTool, executable: string, url: string, file: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'umn-mongo-'));
  const configFile = join(dir, 'config.yaml');
  try {
    writeFileSync(configFile, `uri: ${JSON.stringify(url)}\n`, { mode: 0o600 });
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(executable, mongoToolArgs(tool, configFile, file), { stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('exit', (status) => resolve(status ?? 1));
    });
    if (code !== 0)
      throw new BackupError('COPY_MISMATCH', `${tool} stopped with exit code ${code} (its output is above); nothing more was done.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads and checks the description beside a MongoDB archive; refuses a missing or newer one. */
export function inspectMongoBackup(file: string): BackupInfo {
  let values: Record<string, unknown>;
  try {
    values = JSON.parse(readFileSync(sidecarPath(file), 'utf8')) as Record<string, unknown>;
  } catch (cause) {
    throw new BackupError(
      'NOT_A_BACKUP',
      `${file} has no readable ${sidecarPath(file)} beside it, so it is not a backup made by \`npm run umn -- backup\`; nothing was changed. (A plain mongodump archive can be restored with mongorestore itself.)`,
      { cause },
    );
  }
  if (values.store !== 'mongodb')
    throw new BackupError('NOT_A_BACKUP', `${sidecarPath(file)} does not describe a MongoDB backup; nothing was changed.`);
  const info = checkedInfo(values, file, sidecarPath(file));
  refuseNewerVersions(file, info);
  return info;
}
