// Backups of a node on MongoDB: the mongodump / mongorestore commands built (no MongoDB server
// here, so a stand-in `mongodump` on PATH records how it was called), and the description beside
// the archive that restore checks.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../testing/test-node.ts';
import { backupCommand } from '../../cli/store-commands.ts';
import { findTool, inspectMongoBackup, mongoToolArgs, printableCommand, runMongoTool, sidecarPath } from './mongo-tools.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-mongo-tools-'));
  dirs.push(dir);
  return dir;
};
const URL_WITH_PASSWORD = 'mongodb://registry:s3cret-pass@db.internal:27017/umn_liege?authSource=admin';

/** A stand-in for the tool: records its arguments and its --config file, writes the archive. */
function fakeTool(dir: string, tool: string): string {
  const path = join(dir, tool);
  writeFileSync(
    path,
    `#!/bin/sh
echo "$@" > "${dir}/args"
for a in "$@"; do case "$a" in --config=*) cat "\${a#--config=}" > "${dir}/config"; stat -c %a "\${a#--config=}" > "${dir}/mode";; --archive=*) printf 'archive' > "\${a#--archive=}";; esac; done
`,
  );
  chmodSync(path, 0o755);
  return path;
}

describe('mongodump and mongorestore', () => {
  it('are called with the archive, gzip, --drop on restore, and the connection string only in a private config file', async () => {
    expect(mongoToolArgs('mongodump', '/c.yaml', '/b.archive')).toEqual(['--config=/c.yaml', '--archive=/b.archive', '--gzip']);
    expect(mongoToolArgs('mongorestore', '/c.yaml', '/b.archive')).toEqual([
      '--config=/c.yaml',
      '--archive=/b.archive',
      '--gzip',
      '--drop',
    ]);
    const dir = tempDir();
    const archive = join(dir, 'node.archive');
    await runMongoTool('mongodump', fakeTool(dir, 'mongodump'), URL_WITH_PASSWORD, archive);
    const args = readFileSync(join(dir, 'args'), 'utf8');
    expect(args).not.toContain('s3cret-pass');
    expect(args).toMatch(new RegExp(`^--config=\\S+config.yaml --archive=${archive} --gzip\\n$`));
    expect(readFileSync(join(dir, 'config'), 'utf8')).toBe(`uri: ${JSON.stringify(URL_WITH_PASSWORD)}\n`);
    expect(readFileSync(join(dir, 'mode'), 'utf8').trim()).toBe('600');
    // The config file is gone once the tool is done.
    expect(existsSync(args.split(' ')[0]!.replace('--config=', ''))).toBe(false);
  });

  it('are printed with the password hidden', () => {
    const printed = printableCommand('mongodump', URL_WITH_PASSWORD, '/b.archive');
    expect(printed).toBe(
      "mongodump --uri='mongodb://registry:***@db.internal:27017/umn_liege?authSource=admin' --archive=/b.archive --gzip",
    );
  });

  it('say what to install when the tool is not on PATH', () => {
    expect(() => findTool('mongodump', `${tempDir()}:/nonexistent`)).toThrow(
      expect.objectContaining({ code: 'TOOL_MISSING', message: expect.stringMatching(/MongoDB Database Tools/) }),
    );
  });

  it('umn backup on MongoDB writes the archive and its description, and never over an existing file', async () => {
    const dir = tempDir();
    fakeTool(dir, 'mongodump');
    const path = process.env.PATH;
    process.env.PATH = `${dir}:${path}`;
    try {
      const file = join(dir, 'liege.archive');
      const lines: string[] = [];
      const config = testConfig({ mongodbUrl: URL_WITH_PASSWORD, dataDir: tempDir() });
      const noApi = () => {
        throw new Error('a MongoDB backup does not ask the node');
      };
      await backupCommand(config, noApi, file, { force: false }, { line: (t) => lines.push(t) });
      expect(readFileSync(file, 'utf8')).toBe('archive');
      expect(lines.join('\n')).not.toContain('s3cret-pass');
      expect(inspectMongoBackup(file)).toMatchObject({ nodeHandle: 'liege', publicUrl: 'http://registry.test', backupFormat: 1 });
      const before = statSync(file).mtimeMs;
      await expect(backupCommand(config, noApi, file, { force: false }, { line: () => {} })).rejects.toMatchObject({
        code: 'TARGET_EXISTS',
      });
      expect(statSync(file).mtimeMs).toBe(before);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('restoring a MongoDB backup refuses', () => {
  it('an archive without its description, or with a description of another kind or of a newer registry', () => {
    const dir = tempDir();
    const file = join(dir, 'x.archive');
    writeFileSync(file, 'archive');
    expect(() => inspectMongoBackup(file)).toThrow(expect.objectContaining({ code: 'NOT_A_BACKUP' }));
    const info = {
      backupFormat: 1,
      fileFormat: 2,
      collectionVersions: { initiatives: 1 },
      nodeHandle: 'liege',
      publicUrl: 'https://r.test',
      takenAt: 'now',
    };
    writeFileSync(sidecarPath(file), JSON.stringify({ ...info, store: 'embedded' }));
    expect(() => inspectMongoBackup(file)).toThrow(expect.objectContaining({ code: 'NOT_A_BACKUP' }));
    writeFileSync(sidecarPath(file), JSON.stringify({ ...info, store: 'mongodb', collectionVersions: { initiatives: 2 } }));
    expect(() => inspectMongoBackup(file)).toThrow(
      expect.objectContaining({ code: 'BACKUP_NEWER_FORMAT', message: expect.stringMatching(/Upgrade the registry first/) }),
    );
    writeFileSync(sidecarPath(file), JSON.stringify({ ...info, store: 'mongodb' }));
    expect(inspectMongoBackup(file).nodeHandle).toBe('liege');
  });
});
