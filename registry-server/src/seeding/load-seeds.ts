// Loads the seed data into the store at boot. Every record goes through the same validation
// layer as any other write, and cross-references are checked before anything is written.
// Idempotent: a record already loaded once is never loaded again, even if an operator later
// edited or deleted it, so a restart neither duplicates nor resurrects seeds.
import type { Registry } from '../registry.ts';
import { SeedLogRepository } from './seed-log-repository.ts';
import { RecordValidationError, type FieldError } from '../records/field-errors.ts';
import type { RecordType } from '../records/record-validator.ts';
import { logger } from '../config/logging.ts';
import type { SeedFile, SeedSet } from './seed-files.ts';
import { marketSeedProblems, withSeedExpiry } from './market-seeds.ts';

const log = logger('seed');

export interface SeedResult {
  inserted: number;
  alreadyLoaded: number;
  /** Ids of the market records inserted now: matched once the search index is built (main.ts). */
  marketRecords: string[];
}

export async function loadSeeds(registry: Registry, seeds: SeedSet): Promise<SeedResult> {
  const now = registry.now().toISOString();
  checkSeeds(registry, seeds, now.slice(0, 10));
  const seedLog = new SeedLogRepository(registry.store);
  let inserted = 0;
  let alreadyLoaded = 0;

  const load = async <R extends { handle: string }>(
    name: string,
    items: Array<SeedFile<R>>,
    repository: {
      findById(id: string): Promise<unknown>;
      insert(record: R, options: { origin: { kind: 'local' }; state: 'published'; now: string }): Promise<unknown>;
    },
  ): Promise<string[]> => {
    const loaded = await seedLog.loaded(name);
    const insertedNow: string[] = [];
    for (const { record } of items) {
      if (loaded.has(record.handle) || (await repository.findById(record.handle))) {
        alreadyLoaded++;
      } else {
        await repository.insert(record, { origin: { kind: 'local' }, state: 'published', now });
        insertedNow.push(record.handle);
        inserted++;
      }
      // Logged after the insert: a crash in between only means the record is found next time.
      if (!loaded.has(record.handle)) await seedLog.markLoaded(name, record.handle);
    }
    return insertedNow;
  };
  await load('cityNodes', seeds.nodes, registry.nodes);
  await load('initiatives', seeds.initiatives, registry.initiatives);
  await load('goodPractices', seeds.practices, registry.practices);
  // Market records get their expiry now, counted from the day they are first seeded (ADR 0039);
  // the seed log keeps a restart from seeding them again with a later expiry.
  const market = (seeds.market ?? []).map(({ file, record }) => ({ file, record: withSeedExpiry(record, now.slice(0, 10)) }));
  const marketRecords = await load('marketRecords', market, registry.marketRecords);
  log.info('Seeds: {inserted} record(s) inserted, {alreadyLoaded} already loaded', { inserted, alreadyLoaded });
  return { inserted, alreadyLoaded, marketRecords };
}

/** Validates every seed and its references (market records as seeded on `today`); throws with every problem found, by file. */
export function checkSeeds(registry: Registry, seeds: SeedSet, today = new Date().toISOString().slice(0, 10)): void {
  const problems: string[] = [];
  const check = (type: RecordType, items: Array<SeedFile<unknown>>) => {
    for (const { file, record } of items) {
      const errors = registry.validator.validate(type, record);
      if (errors.length) problems.push(`${file}: ${new RecordValidationError(type, errors).message}`);
    }
  };
  check('city-node', seeds.nodes);
  check('initiative', seeds.initiatives);
  check('good-practice', seeds.practices);

  const nodes = new Set(seeds.nodes.map((s) => s.record.handle));
  const initiatives = new Set(seeds.initiatives.map((s) => `${s.record.node}/${s.record.handle}`));
  const practices = new Set(seeds.practices.map((s) => `${s.record.node}/${s.record.handle}`));
  const refError = (file: string, e: FieldError) => problems.push(`${file}: ${e.field}: ${e.message}`);
  for (const { file, record } of seeds.initiatives) {
    if (!nodes.has(record.node)) refError(file, { field: 'node', code: 'UNKNOWN_REFERENCE', message: `no city node "${record.node}"` });
    (record.practices ?? []).forEach(
      (h, i) =>
        practices.has(`${record.node}/${h}`) ||
        refError(file, { field: `practices.${i}`, code: 'UNKNOWN_REFERENCE', message: `no good practice "${h}" on node ${record.node}` }),
    );
    if (record.partOf && !initiatives.has(`${record.node}/${record.partOf}`))
      refError(file, { field: 'partOf', code: 'UNKNOWN_REFERENCE', message: `no initiative "${record.partOf}"` });
  }
  for (const { file, record } of seeds.practices) {
    if (!nodes.has(record.node)) refError(file, { field: 'node', code: 'UNKNOWN_REFERENCE', message: `no city node "${record.node}"` });
    (record.initiatives ?? []).forEach(
      (h, i) =>
        initiatives.has(`${record.node}/${h}`) ||
        refError(file, { field: `initiatives.${i}`, code: 'UNKNOWN_REFERENCE', message: `no initiative "${h}" on node ${record.node}` }),
    );
  }
  problems.push(...marketSeedProblems(registry.validator, seeds.market ?? [], initiatives, today));
  const handles = new Set<string>();
  for (const { file, record } of [...seeds.nodes, ...seeds.initiatives, ...seeds.practices] as Array<
    SeedFile<{ handle: string; node?: string }>
  >) {
    const key = `${file.includes('/nodes/') ? 'node' : file.includes('/initiatives/') ? 'initiative' : 'practice'}:${record.handle}`;
    if (handles.has(key)) problems.push(`${file}: handle "${record.handle}" is used twice`);
    handles.add(key);
  }
  if (problems.length) throw new Error(`The seed data is not valid:\n  ${problems.join('\n  ')}`);
}
