// The composition root: everything a request or a command needs, built once at boot.
import type { Config } from './config/config.ts';
import { CityNodeRepository } from './nodes/city-node-repository.ts';
import { GoodPracticeRepository } from './practices/good-practice-repository.ts';
import { InitiativeRepository } from './initiatives/initiative-repository.ts';
import { RecordIris } from './records/record-iris.ts';
import { RecordValidator } from './records/record-validator.ts';
import type { Store } from './store/store.ts';
import { TaxonomyCatalog } from './taxonomies/taxonomy-catalog.ts';

export interface Registry {
  config: Config;
  store: Store;
  catalog: TaxonomyCatalog;
  validator: RecordValidator;
  iris: RecordIris;
  initiatives: InitiativeRepository;
  practices: GoodPracticeRepository;
  nodes: CityNodeRepository;
  /** Injected clock, so tests control timestamps. */
  now: () => Date;
}

export async function createRegistry(config: Config, store: Store, options: { now?: () => Date; catalog?: TaxonomyCatalog } = {}): Promise<Registry> {
  const catalog = options.catalog ?? TaxonomyCatalog.load();
  const registry: Registry = {
    config,
    store,
    catalog,
    validator: new RecordValidator(catalog),
    iris: new RecordIris(config.publicUrl),
    initiatives: new InitiativeRepository(store),
    practices: new GoodPracticeRepository(store),
    nodes: new CityNodeRepository(store),
    now: options.now ?? (() => new Date()),
  };
  await registry.initiatives.ensureIndexes();
  await registry.practices.ensureIndexes();
  await registry.nodes.ensureIndexes();
  return registry;
}
