// Records named by node and handle, on a real embedded store: the right published records, once
// each, in name order; and asked so that an index can answer (an initiative's page asks for its
// parts and its practices; a filter the store must test against every record made that page
// cost 70 ms at 100,000 listings, issue 13).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../store/embedded/embedded-store.ts';
import type { Collection, Filter, Store } from '../store/store.ts';
import { RecordRepository } from './record-repository.ts';
import { sortKey } from './stored-record.ts';

interface TestRecord {
  handle: string;
  node: string;
  name: string;
  partOf?: string;
  initiatives?: string[];
}

const dirs: string[] = [];
const stores: EmbeddedStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A repository on a fresh embedded store, and every filter it sends to `find`. */
async function repository() {
  const dir = mkdtempSync(join(tmpdir(), 'umn-records-'));
  dirs.push(dir);
  const store = EmbeddedStore.open(dir);
  stores.push(store);
  const filters: Filter[] = [];
  const watched: Store = {
    kind: store.kind,
    collectionNames: () => store.collectionNames(),
    snapshotTo: (path) => store.snapshotTo(path),
    ping: () => store.ping(),
    close: () => store.close(),
    collection: <T extends { _id: string }>(name: string) => {
      const collection = store.collection<T>(name);
      return new Proxy(collection, {
        get(target, property) {
          const value = Reflect.get(target, property, target) as unknown;
          if (property === 'find')
            return (filter: Filter, options?: unknown) => (
              filters.push(filter),
              (value as Collection<T>['find']).call(target, filter, options as never)
            );
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
  const repo = new RecordRepository<TestRecord, { sortName: string }>(watched, 'initiatives', (r) => ({ sortName: sortKey(r.name) }));
  await repo.ensureIndexes([{ 'record.partOf': 1 }, { 'record.initiatives': 1 }]);
  const now = '2026-12-06T00:00:00.000Z';
  const add = (record: TestRecord, state: 'published' | 'draft' = 'published', id?: string) =>
    repo.insert(record, { origin: { kind: 'local' }, state, now, ...(id ? { id } : {}) });
  await add({ handle: 'umbrella', node: 'liege', name: 'Umbrella' });
  await add({ handle: 'zeta', node: 'liege', name: 'Zeta', partOf: 'umbrella', initiatives: ['a', 'b'] });
  await add({ handle: 'alpha', node: 'liege', name: 'Älpha', partOf: 'umbrella', initiatives: ['b'] });
  await add({ handle: 'draft', node: 'liege', name: 'Draft', partOf: 'umbrella', initiatives: ['a', 'b'] }, 'draft');
  // Same handles on another node: never a part of Liège's umbrella.
  await add({ handle: 'beta', node: 'milano', name: 'Beta', partOf: 'umbrella', initiatives: ['a'] }, 'published', 'milano/beta');
  await add({ handle: 'other', node: 'milano', name: 'Other', partOf: 'elsewhere' }, 'published', 'milano/other');
  for (let i = 0; i < 50; i++) await add({ handle: `filler-${i}`, node: 'liege', name: `Filler ${i}` });
  filters.length = 0;
  return { repo, filters };
}

const handles = (docs: Array<{ record: TestRecord }>) => docs.map((d) => `${d.record.node}/${d.record.handle}`);

/** Whether a filter can be answered by an index: equality on fields only, no $or. */
const indexable = (filter: Filter) => Object.entries(filter).every(([key, value]) => !key.startsWith('$') && typeof value === 'string');

describe('published records named by node and handle', () => {
  it('finds the records whose field names each pair, once each, in name order, only published, only of that node', async () => {
    const { repo } = await repository();
    expect(handles(await repo.findPublishedNaming('partOf', [{ node: 'liege', handle: 'umbrella' }]))).toEqual([
      'liege/alpha',
      'liege/zeta',
    ]);
    expect(
      handles(
        await repo.findPublishedNaming('initiatives', [
          { node: 'liege', handle: 'a' },
          { node: 'liege', handle: 'b' },
          { node: 'milano', handle: 'a' },
        ]),
      ),
    ).toEqual(['liege/alpha', 'milano/beta', 'liege/zeta']);
    expect(
      handles(
        await repo.findPublishedNaming('partOf', [
          { node: 'milano', handle: 'elsewhere' },
          { node: 'liege', handle: 'umbrella' },
          { node: 'liege', handle: 'umbrella' },
        ]),
      ),
    ).toEqual(['liege/alpha', 'milano/other', 'liege/zeta']);
    expect(await repo.findPublishedNaming('partOf', [{ node: 'liege', handle: 'nothing' }])).toEqual([]);
    expect(await repo.findPublishedNaming('partOf', [])).toEqual([]);
  });

  it('finds records by node and handle, once each, in name order', async () => {
    const { repo } = await repository();
    const refs = [
      { node: 'liege', handle: 'zeta' },
      { node: 'milano', handle: 'beta' },
      { node: 'liege', handle: 'alpha' },
      { node: 'liege', handle: 'zeta' },
      { node: 'liege', handle: 'draft' },
      { node: 'milano', handle: 'zeta' },
    ];
    expect(handles(await repo.findPublishedByNodeAndHandle(refs))).toEqual(['liege/alpha', 'milano/beta', 'liege/zeta']);
  });

  it('asks the store with filters an index can answer, never an $or it would test against every record', async () => {
    const { repo, filters } = await repository();
    await repo.findPublishedNaming('partOf', [{ node: 'liege', handle: 'umbrella' }]);
    await repo.findPublishedNaming('initiatives', [
      { node: 'liege', handle: 'a' },
      { node: 'milano', handle: 'a' },
    ]);
    await repo.findPublishedByNodeAndHandle([
      { node: 'liege', handle: 'zeta' },
      { node: 'milano', handle: 'beta' },
    ]);
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.filter((filter) => !indexable(filter))).toEqual([]);
  });
});
