// Served ActivityPub documents of records, kept per record version. Building one costs two
// JSON-LD passes (Fedify's compaction of the actor terms, then expansion of the merged document),
// about 3 ms, and every partner fetches each new version once per delivery: the cache makes that
// one build per version. A key names the record's id, version and last change, and the node
// record's version (the city centre goes into initiatives), so a change never serves a stale
// document; a small LRU bound (caching/lru-map.ts) keeps memory flat.
import { LruMap } from '../caching/lru-map.ts';

const DEFAULT_CAPACITY = 512;

export class ServedObjectCache<T> {
  readonly #entries: LruMap<string, Promise<T>>;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#entries = new LruMap(capacity);
  }

  /** The document for `key`, built once by `build` (concurrent callers share one build; a failed build is not kept). */
  get(key: string, build: () => Promise<T>): Promise<T> {
    const cached = this.#entries.get(key);
    if (cached) return cached;
    const built = build();
    this.#entries.set(key, built);
    built.catch(() => this.#entries.delete(key));
    return built;
  }

  get size(): number {
    return this.#entries.size;
  }
}
