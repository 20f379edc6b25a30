// The few initiatives that declare a reserved-contract eligibility or a delivery area
// (contract A), in memory: a buyer's reserved-contract request keeps only eligible initiatives,
// and an initiative far from a request may still deliver there. Reading those fields from every
// candidate document would cost a store read each; this map costs one read at start and one per
// change of an initiative (domain events, local and received).
import { logger } from '../../config/logging.ts';
import type { DomainEvent, DomainEvents } from '../../events/domain-events.ts';
import type { InitiativeRepository, StoredInitiative } from '../../initiatives/initiative-repository.ts';
import { eligibilityBases, type Area } from './initiative-facts.ts';
import type { MatchingReadsRepository } from './matching-reads-repository.ts';

const log = logger('market', 'matching');

export interface Declared {
  bases: string[];
  deliveryArea: Area | null;
}

export class DeclaredFacts {
  readonly #byId = new Map<string, Declared>();
  readonly #initiatives: InitiativeRepository;
  readonly #reads: MatchingReadsRepository;
  #queue: Promise<void> = Promise.resolve();
  #loaded: Promise<void> | null = null;

  constructor(deps: { initiatives: InitiativeRepository; reads: MatchingReadsRepository; events: DomainEvents }) {
    this.#initiatives = deps.initiatives;
    this.#reads = deps.reads;
    deps.events.subscribe((event) => this.#onEvent(event));
  }

  /** Loads the map once (later calls wait for the same load). */
  load(): Promise<void> {
    this.#loaded ??= (async () => {
      for (const doc of await this.#reads.declaringInitiatives()) this.#set(doc._id, doc);
      log.info('{count} initiatives declare an eligibility or a delivery area', { count: this.#byId.size });
    })();
    return this.#loaded;
  }

  /** Resolves once every change reported so far is applied. */
  async settled(): Promise<void> {
    await this.load();
    await this.#queue;
  }

  get(id: string): Declared | undefined {
    return this.#byId.get(id);
  }

  entries(): IterableIterator<[string, Declared]> {
    return this.#byId.entries();
  }

  #onEvent(event: DomainEvent): void {
    if ((event.type === 'listing.received' || event.type.startsWith('record.')) && 'kind' in event && event.kind === 'initiative')
      this.#enqueue([(event as { id: string }).id]);
    else if (event.type === 'listing.removed') for (const id of event.ids) this.#byId.delete(id);
  }

  #enqueue(ids: string[]): void {
    this.#queue = this.#queue
      .then(async () => {
        for (const id of ids) {
          const doc = await this.#initiatives.findPublishedById(id);
          if (doc) this.#set(id, doc);
          else this.#byId.delete(id);
        }
      })
      .catch((error: unknown) => log.error('Could not refresh the declared facts of {ids}: {error}', { ids, error }));
  }

  #set(id: string, doc: StoredInitiative): void {
    const bases = eligibilityBases(doc.record);
    const area = (doc.record as { deliveryArea?: Area }).deliveryArea;
    const deliveryArea = area && typeof area === 'object' && typeof area.country === 'string' ? area : null;
    if (bases.length === 0 && !deliveryArea) this.#byId.delete(id);
    else this.#byId.set(id, { bases, deliveryArea });
  }
}
