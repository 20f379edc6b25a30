// Served ActivityPub documents of records, kept per record version. Building one costs two
// JSON-LD passes (Fedify's compaction of the actor terms, then expansion of the merged document),
// about 3 ms, and every partner fetches each new version once per delivery: the cache makes that
// one build per version. A key names the record's id, version and last change, and the node
// record's version (the city centre goes into initiatives), so a change never serves a stale
// document; a small LRU bound keeps memory flat.
const DEFAULT_CAPACITY = 512;

export class ServedObjectCache<T> {
  readonly #entries = new Map<string, Promise<T>>();
  readonly #capacity: number;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  /** The document for `key`, built once by `build` (concurrent callers share one build; a failed build is not kept). */
  get(key: string, build: () => Promise<T>): Promise<T> {
    const cached = this.#entries.get(key);
    if (cached) {
      // Re-insert: Map order is insertion order, so the first key is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const built = build();
    this.#entries.set(key, built);
    built.catch(() => this.#entries.delete(key));
    while (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    return built;
  }

  get size(): number {
    return this.#entries.size;
  }
}
