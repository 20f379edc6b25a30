// The last whole documents read back from the file, for a collection whose memory holds only
// resident parts (resident-plan.ts). A listing page or a search answer reads the same 20 whole
// documents again and again; reading and parsing each from SQLite was a quarter of an uncached
// GraphQL listing query (issue 13's profile). Bounded, so memory stays what ADR 0001 measured.
//
// An entry answers only for the very resident part it was read for: every write replaces a
// document's resident part with a new frozen object (embedded-collection.ts #commit), so a
// document changed since it was cached is never answered from here, whatever path wrote it.
// Whole documents handed out are frozen, like every document readers share in this store.
import { deepFreeze } from './document-paths.ts';
import { LruMap } from '../../caching/lru-map.ts';

interface Entry<T> {
  resident: T;
  whole: T;
}

export class WholeDocumentCache<T extends { _id: string }> {
  readonly #entries: LruMap<string, Entry<T>>;
  readonly #capacity: number;
  /**
   * Ids read once and not kept: a document is kept from its second read. Most search hits are
   * read once, and freezing and keeping them would only push out the pages read again and again.
   */
  readonly #readOnce = new Set<string>();

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#entries = new LruMap(capacity);
  }

  /** The whole document of `resident`, if cached for that same resident part. */
  get(resident: T): T | undefined {
    const entry = this.#entries.get(resident._id);
    if (!entry) return undefined;
    if (entry.resident !== resident) {
      this.#entries.delete(resident._id);
      return undefined;
    }
    return entry.whole;
  }

  /** True when `id` was read before (then it is worth keeping); remembers that it was read. */
  readBefore(id: string): boolean {
    if (this.#readOnce.delete(id)) return true;
    if (this.#readOnce.size >= 4 * this.#capacity) this.#readOnce.clear();
    this.#readOnce.add(id);
    return false;
  }

  /** Remembers `whole` (frozen here) as the whole document of `resident`; returns it. */
  set(resident: T, whole: T): T {
    const frozen = deepFreeze(whole);
    this.#entries.set(resident._id, { resident, whole: frozen });
    return frozen;
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
