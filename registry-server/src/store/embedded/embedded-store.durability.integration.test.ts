// What the embedded store promises beyond the shared contract: durability across restarts and
// `kill -9`, one process per file, and never touching a file it cannot read.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateKeyError, StoreFileError } from '../store-errors.ts';
import { EmbeddedStore } from './embedded-store.ts';
import { DATA_FILE_NAME, FILE_FORMAT_VERSION, SqliteFile } from './sqlite-file.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-durable-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('embedded store durability', () => {
  it('keeps documents and unique indexes across a restart', async () => {
    const dir = tempDir();
    const first = EmbeddedStore.open(dir);
    const c = first.collection('initiatives');
    await c.createIndex({ slug: 1 }, { unique: true });
    await c.insertOne({ _id: 'univerbal', slug: 'univerbal', languages: ['ar', 'so'] });
    await c.updateOne({ _id: 'univerbal' }, { $push: { languages: 'ps' } });
    await first.close();

    const second = EmbeddedStore.open(dir);
    const again = second.collection('initiatives');
    expect(await again.findOne({ _id: 'univerbal' })).toEqual({ _id: 'univerbal', slug: 'univerbal', languages: ['ar', 'so', 'ps'] });
    await expect(again.insertOne({ slug: 'univerbal' })).rejects.toBeInstanceOf(DuplicateKeyError);
    await second.close();
  });

  it.each(['full', 'relaxed'])(
    'keeps every acknowledged write when the process is killed with SIGKILL mid-stream (updates %s)',
    async (durability) => {
      const dir = tempDir();
      const child = spawn(process.execPath, [join(import.meta.dirname, 'kill-writer.fixture.ts'), dir, durability], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let acknowledged = -1;
      let buffer = '';
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`writer too slow; stderr: ${stderr}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          if (lines.length) acknowledged = Number(lines[lines.length - 1]);
          if (acknowledged >= 300) {
            clearTimeout(timer);
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', (code) => code !== null && code !== 0 && reject(new Error(`writer exited ${code}: ${stderr}`)));
      });
      await new Promise((resolve) => child.once('close', resolve));

      const store = EmbeddedStore.open(dir);
      const listings = store.collection('listings');
      const count = await listings.countDocuments();
      expect(count).toBeGreaterThanOrEqual(acknowledged + 1);
      for (let n = 0; n <= acknowledged; n++) {
        const doc = await listings.findOne({ _id: `doc-${n}` });
        expect(doc?.n).toBe(n);
        if (n % 3 === 0) expect(doc?.updated).toBe(true);
      }
      await store.close();
    },
  );

  it('commits a group of relaxed writes without syncing, and a full write never in such a group', async () => {
    const dir = tempDir();
    const file = SqliteFile.open(dir);
    const put = (id: string) => [{ op: 'put' as const, collection: 'c', id, body: `{"_id":"${id}"}` }];
    await Promise.all([file.write(put('a'), 'relaxed'), file.write(put('b'), 'relaxed')]);
    expect(file.commits).toEqual({ full: 0, relaxed: 1 });
    // A full write after relaxed ones in the same turn: the relaxed group is committed first,
    // the full write gets a FULL commit of its own.
    await Promise.all([file.write(put('c'), 'relaxed'), file.write(put('d'))]);
    expect(file.commits).toEqual({ full: 1, relaxed: 2 });
    // A relaxed write joining a full group is committed (and synced) with it.
    await Promise.all([file.write(put('e')), file.write(put('f'), 'relaxed')]);
    expect(file.commits).toEqual({ full: 2, relaxed: 2 });
    // Indexes are saved fully durable even right after a relaxed group.
    void file.write(put('g'), 'relaxed');
    file.saveIndex('c', 'x_1', '{}');
    expect(file.commits).toEqual({ full: 2, relaxed: 3 });
    file.close();
    const again = SqliteFile.open(dir);
    expect([...again.rowsOf('c')].map((row) => row.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(again.indexRows()).toHaveLength(1);
    again.close();
  });

  it('refuses a second process (or connection) on the same data directory', async () => {
    const dir = tempDir();
    const owner = EmbeddedStore.open(dir);
    await owner.collection('x').insertOne({ _id: 'a' });
    expect(() => EmbeddedStore.open(dir)).toThrow(expect.objectContaining({ code: 'STORE_LOCKED' }));
    await owner.close();
    const next = EmbeddedStore.open(dir);
    expect(await next.collection('x').countDocuments()).toBe(1);
    await next.close();
  });

  it('stops on a corrupt file with a clear message and leaves it untouched', () => {
    const dir = tempDir();
    const path = join(dir, DATA_FILE_NAME);
    writeFileSync(path, Buffer.from('this is not a database, '.repeat(400)));
    const before = readFileSync(path);
    let error: unknown;
    try {
      EmbeddedStore.open(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreFileError);
    expect((error as StoreFileError).code).toBe('STORE_CORRUPT');
    expect((error as Error).message).toMatch(/left untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('stops on a file written by a newer version and leaves it untouched', async () => {
    const dir = tempDir();
    const store = EmbeddedStore.open(dir);
    await store.collection('x').insertOne({ _id: 'keep-me' });
    await store.close();
    const db = new DatabaseSync(join(dir, DATA_FILE_NAME));
    db.exec('PRAGMA user_version = 99');
    db.close();
    const before = readFileSync(join(dir, DATA_FILE_NAME));
    expect(() => EmbeddedStore.open(dir)).toThrow(
      expect.objectContaining({ code: 'STORE_NEWER_FORMAT', message: expect.stringMatching(/newer version.*Upgrade/s) }),
    );
    expect(readFileSync(join(dir, DATA_FILE_NAME)).equals(before)).toBe(true);
  });

  it('moves a file of the first format (documents as a WITHOUT ROWID table) to the current one, keeping every document', async () => {
    // Format 1 kept whole documents in the primary key's B-tree: with rows of a few KB, one
    // document per leaf page, and a read by id cost 10–30 µs instead of 1–2 (issue 13).
    const dir = tempDir();
    const db = new DatabaseSync(join(dir, DATA_FILE_NAME));
    db.exec(`
      CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
      CREATE TABLE indexes (collection TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (collection, name)) WITHOUT ROWID;
      PRAGMA application_id = ${0x554d4e31};
      PRAGMA user_version = 1;
    `);
    const insert = db.prepare('INSERT INTO documents VALUES (?, ?, ?)');
    for (let i = 0; i < 50; i++) insert.run('x', `doc-${i}`, JSON.stringify({ _id: `doc-${i}`, n: i, text: 'é'.repeat(3000) }));
    db.prepare('INSERT INTO indexes VALUES (?, ?, ?)').run(
      'x',
      'n_1',
      JSON.stringify({ name: 'n_1', keys: { n: 1 }, unique: true, sparse: false }),
    );
    db.close();

    const store = EmbeddedStore.open(dir);
    const x = store.collection<{ _id: string; n: number; text: string }>('x');
    expect(await x.countDocuments({})).toBe(50);
    expect((await x.findOne({ _id: 'doc-7' }))!.text).toBe('é'.repeat(3000));
    // The unique index came along, and writes work on the new layout.
    await expect(x.insertOne({ _id: 'other', n: 7, text: '' })).rejects.toBeInstanceOf(DuplicateKeyError);
    await x.replaceOne({ _id: 'doc-7' }, { n: 7, text: 'changed' });
    await store.close();

    const after = new DatabaseSync(join(dir, DATA_FILE_NAME));
    expect(Number((after.prepare('PRAGMA user_version').get() as { user_version: number }).user_version)).toBe(FILE_FORMAT_VERSION);
    const table = after.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents'").get() as { sql: string };
    expect(table.sql).not.toMatch(/WITHOUT ROWID/);
    after.close();
    const reopened = EmbeddedStore.open(dir);
    expect(await reopened.collection('x').countDocuments({})).toBe(50);
    expect(((await reopened.collection<{ _id: string; text: string }>('x').findOne({ _id: 'doc-7' })) as { text: string }).text).toBe(
      'changed',
    );
    await reopened.close();
  });

  it('refuses a SQLite file that is not a registry store', () => {
    const dir = tempDir();
    const db = new DatabaseSync(join(dir, DATA_FILE_NAME));
    db.exec('CREATE TABLE other (x); INSERT INTO other VALUES (1);');
    db.close();
    expect(() => EmbeddedStore.open(dir)).toThrow(expect.objectContaining({ code: 'STORE_FOREIGN_FILE' }));
  });

  it('hands out frozen documents, so a reader cannot change the cache', async () => {
    const store = EmbeddedStore.open(tempDir());
    const c = store.collection<{ _id: string; tags: string[] }>('x');
    await c.insertOne({ _id: 'a', tags: ['one'] });
    const doc = (await c.findOne({ _id: 'a' }))!;
    expect(() => doc.tags.push('two')).toThrow(TypeError);
    expect((await c.findOne({ _id: 'a' }))!.tags).toEqual(['one']);
    await store.close();
  });
});
