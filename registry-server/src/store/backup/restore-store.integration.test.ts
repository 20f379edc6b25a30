// `umn restore` for the embedded store: what it refuses (written before the code that refuses),
// and that what it restores is what the backup held, the replaced store kept beside it.
import { DatabaseSync } from 'node:sqlite';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../embedded/embedded-store.ts';
import { DATA_FILE_NAME, FILE_FORMAT_VERSION } from '../embedded/sqlite-file.ts';
import { backupInfoFor, BACKUP_TABLE, inspectBackup, stampBackup } from './backup-file.ts';
import { restoreEmbeddedStore } from './restore-store.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-restore-'));
  dirs.push(dir);
  return dir;
};
const NODE = { nodeHandle: 'liege', publicUrl: new URL('https://registry.liege.test') };

/** A backup of a store holding `docs` documents named by `prefix`. */
async function makeBackup(docs: number, prefix = 'doc'): Promise<string> {
  const store = EmbeddedStore.open(tempDir());
  for (let i = 0; i < docs; i++) await store.collection('things').insertOne({ _id: `${prefix}-${i}`, n: i });
  const path = join(tempDir(), 'backup.sqlite');
  await store.snapshotTo(path);
  await store.close();
  stampBackup(path, backupInfoFor(NODE, new Date('2026-12-07T00:00:00Z')));
  return path;
}

async function idsIn(dataDir: string): Promise<string[]> {
  const store = EmbeddedStore.open(dataDir);
  try {
    return (await store.collection('things').find({}, { sort: { _id: 1 } })).map((d) => d._id);
  } finally {
    await store.close();
  }
}

describe('restore refuses', () => {
  it('a file that is not a backup: text, a gzip archive, a foreign SQLite file, a store file that was never stamped', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    const gzip = join(dir, 'dump.archive');
    writeFileSync(gzip, gzipSync('mongodump'));
    const foreign = join(dir, 'foreign.sqlite');
    new DatabaseSync(foreign).exec('CREATE TABLE t (x)');
    const store = EmbeddedStore.open(tempDir());
    await store.collection('things').insertOne({ _id: 'a' });
    const raw = join(dir, 'raw.sqlite');
    await store.snapshotTo(raw);
    await store.close();
    for (const [file, message] of [
      [text, /not a registry backup/],
      [gzip, /MongoDB archive/],
      [foreign, /not a UMN registry backup/],
      [raw, /store file, not a backup/],
      [join(dir, 'missing.sqlite'), /Cannot read/],
    ] as const) {
      const target = tempDir();
      await expect(restoreEmbeddedStore(file, target, { force: true }), file).rejects.toMatchObject({
        code: 'NOT_A_BACKUP',
        message: expect.stringMatching(message),
      });
      expect(existsSync(join(target, DATA_FILE_NAME))).toBe(false);
    }
  });

  it('a backup made by a newer registry (file format, document version or backup format), saying to upgrade first', async () => {
    const newer: Array<(db: DatabaseSync) => void> = [
      (db) => db.exec(`PRAGMA user_version = ${FILE_FORMAT_VERSION + 1}`),
      (db) => db.prepare(`UPDATE ${BACKUP_TABLE} SET value = ? WHERE key = 'collectionVersions'`).run(JSON.stringify({ initiatives: 99 })),
      (db) => db.prepare(`UPDATE ${BACKUP_TABLE} SET value = '2' WHERE key = 'backupFormat'`).run(),
    ];
    for (const change of newer) {
      const file = await makeBackup(3);
      const db = new DatabaseSync(file);
      change(db);
      db.close();
      const before = readFileSync(file);
      const target = tempDir();
      await expect(restoreEmbeddedStore(file, target, { force: true })).rejects.toMatchObject({
        code: 'BACKUP_NEWER_FORMAT',
        message: expect.stringMatching(/newer version of the registry.*Upgrade the registry first/s),
      });
      expect(existsSync(join(target, DATA_FILE_NAME))).toBe(false);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });

  it('to replace an existing store without --force, when nobody confirms or the confirmation is wrong', async () => {
    const file = await makeBackup(2, 'backup');
    const dataDir = tempDir();
    const existing = EmbeddedStore.open(dataDir);
    await existing.collection('things').insertOne({ _id: 'kept' });
    await existing.close();
    await expect(restoreEmbeddedStore(file, dataDir, { force: false })).rejects.toMatchObject({
      code: 'TARGET_EXISTS',
      message: expect.stringMatching(/1 documents.*--force/s),
    });
    let asked = '';
    await expect(
      restoreEmbeddedStore(file, dataDir, {
        force: false,
        confirm: async (backup, store) => ((asked = `${backup.nodeHandle} ${store.documents}`), false),
      }),
    ).rejects.toMatchObject({ code: 'TARGET_EXISTS' });
    expect(asked).toBe('liege 1');
    expect(await idsIn(dataDir)).toEqual(['kept']);
    expect(readdirSync(dataDir).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([]);
  });

  it('while a running node holds the store, saying to stop it', async () => {
    const file = await makeBackup(2);
    const dataDir = tempDir();
    const running = EmbeddedStore.open(dataDir);
    await running.collection('things').insertOne({ _id: 'live' });
    try {
      await expect(restoreEmbeddedStore(file, dataDir, { force: true })).rejects.toMatchObject({
        code: 'STORE_IN_USE',
        message: expect.stringMatching(/running node. Stop the node first/),
      });
      expect(await running.collection('things').countDocuments()).toBe(1);
    } finally {
      await running.close();
    }
    expect(await idsIn(dataDir)).toEqual(['live']);
  });
});

describe('restore', () => {
  it('puts the backup in place when confirmed, keeping the replaced store (and its log) beside it', async () => {
    const file = await makeBackup(3, 'backup');
    const dataDir = tempDir();
    const existing = EmbeddedStore.open(dataDir);
    await existing.collection('things').insertOne({ _id: 'old' });
    await existing.close();
    const result = await restoreEmbeddedStore(file, dataDir, { force: false, confirm: async () => true });
    expect(result.backup).toMatchObject({
      nodeHandle: 'liege',
      publicUrl: 'https://registry.liege.test',
      takenAt: '2026-12-07T00:00:00.000Z',
    });
    expect(await idsIn(dataDir)).toEqual(['backup-0', 'backup-1', 'backup-2']);
    // The restored store is a store again, not a backup.
    expect(() => inspectBackup(join(dataDir, DATA_FILE_NAME))).toThrow(expect.objectContaining({ code: 'NOT_A_BACKUP' }));
    const kept = result.previousKeptAt!;
    const keptDir = tempDir();
    writeFileSync(join(keptDir, DATA_FILE_NAME), readFileSync(kept));
    expect(await idsIn(keptDir)).toEqual(['old']);
  });

  it('restores a backup of the older file format, which the store brings up to date when it opens', async () => {
    const file = await makeBackup(0);
    const db = new DatabaseSync(file);
    db.exec(`
      DROP TABLE documents;
      CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
      INSERT INTO documents VALUES ('things', 'from-format-1', '{"_id":"from-format-1"}');
      PRAGMA user_version = 1;
    `);
    db.close();
    expect(inspectBackup(file).fileFormat).toBe(1);
    const dataDir = tempDir();
    await restoreEmbeddedStore(file, dataDir, { force: false });
    expect(await idsIn(dataDir)).toEqual(['from-format-1']);
    const after = new DatabaseSync(join(dataDir, DATA_FILE_NAME));
    expect((after.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(FILE_FORMAT_VERSION);
    after.close();
  });
});
