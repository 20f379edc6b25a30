import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLogger } from '@logtape/logtape';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from './embedded/embedded-store.ts';
import { migrateDocuments, type Migration } from './schema-migrations.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const open = () => {
  const dir = mkdtempSync(join(tmpdir(), 'umn-migrate-'));
  dirs.push(dir);
  return EmbeddedStore.open(dir);
};
const log = getLogger(['umn', 'test']);

describe('migrateDocuments', () => {
  // A hypothetical change: version 2 splits `city` into location.locality.
  const migrations: Migration[] = [
    {
      collection: 'things',
      toVersion: 2,
      describe: 'move city into location',
      migrate: ({ city, ...rest }) => ({ ...rest, location: { locality: city } }) as never,
    },
  ];

  it('migrates older documents step by step and leaves current ones alone', async () => {
    const store = open();
    const things = store.collection('things');
    await things.insertMany([
      { _id: 'old', schemaVersion: 1, city: 'Liège' },
      { _id: 'unversioned', city: 'Milano' },
      { _id: 'current', schemaVersion: 2, location: { locality: 'Sofia' } },
    ]);
    const withV0: Migration[] = [...migrations, { collection: 'things', toVersion: 1, describe: 'stamp', migrate: (d) => d }];
    const migrated = await migrateDocuments(store, log, [{ collection: 'things', current: 2 }], withV0);
    expect(migrated).toBe(2);
    expect(await things.findOne({ _id: 'old' })).toEqual({ _id: 'old', schemaVersion: 2, location: { locality: 'Liège' } });
    expect(await things.findOne({ _id: 'unversioned' })).toEqual({
      _id: 'unversioned',
      schemaVersion: 2,
      location: { locality: 'Milano' },
    });
    expect(await things.findOne({ _id: 'current' })).toEqual({ _id: 'current', schemaVersion: 2, location: { locality: 'Sofia' } });
    expect(await migrateDocuments(store, log, [{ collection: 'things', current: 2 }], withV0)).toBe(0);
    await store.close();
  });

  it('refuses data written by a newer version, and a missing step, without changing anything', async () => {
    const store = open();
    const things = store.collection('things');
    await things.insertOne({ _id: 'future', schemaVersion: 9 });
    await expect(migrateDocuments(store, log, [{ collection: 'things', current: 2 }], migrations)).rejects.toThrow(/newer version/);
    await things.deleteOne({ _id: 'future' });
    await things.insertOne({ _id: 'gap', schemaVersion: 0 });
    await expect(migrateDocuments(store, log, [{ collection: 'things', current: 2 }], migrations)).rejects.toThrow(
      /No migration of things from schemaVersion 0/,
    );
    expect(await things.findOne({ _id: 'gap' })).toEqual({ _id: 'gap', schemaVersion: 0 });
    await store.close();
  });
});
