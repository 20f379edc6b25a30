// What the public sees of market records, in one place: published, not expired at the node's
// clock, and not the need or opening of an initiative that is not public itself (a draft, an
// unpublished or a deleted one: its records would say what the initiative's page no longer
// says). The GraphQL queries read only through here (ADR 0033).
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { Page } from '../store/keyset-pagination.ts';
import type { Filter } from '../store/store.ts';
import type { MarketRecordRepository, StoredMarketRecord } from './market-record-repository.ts';

export class PublicMarketRecords {
  readonly #records: MarketRecordRepository;
  readonly #initiatives: InitiativeRepository;
  readonly #now: () => Date;

  constructor(deps: { records: MarketRecordRepository; initiatives: InitiativeRepository; now: () => Date }) {
    this.#records = deps.records;
    this.#initiatives = deps.initiatives;
    this.#now = deps.now;
  }

  /** One public record by store id, with the instant it was read at (for `open`). */
  async findById(id: string): Promise<{ doc: StoredMarketRecord; now: Date } | null> {
    const now = this.#now();
    const doc = await this.#records.findOpenById(id, now, await this.#initiatives.localHandlesNotPublished());
    return doc ? { doc, now } : null;
  }

  /** This node's own public records (not partners' copies), for partners to copy (the outbox). */
  async openLocal(): Promise<StoredMarketRecord[]> {
    return this.#records.findOpenLocal(this.#now(), await this.#initiatives.localHandlesNotPublished());
  }

  /** A page of public records matching `filter` (a store filter from market-record-filter.ts). */
  async page(filter: Filter, first: number, after?: string | null): Promise<{ page: Page<StoredMarketRecord>; now: Date }> {
    const now = this.#now();
    const page = await this.#records.pageOpen(filter, now, await this.#initiatives.localHandlesNotPublished(), first, after);
    return { page, now };
  }
}
