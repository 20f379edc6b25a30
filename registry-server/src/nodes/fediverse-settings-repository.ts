// How the node's actors present themselves on the fediverse (ADR 0051), set by the admin on
// /admin/fediverse: whether Mastodon may list them in its directory (discoverable) and index
// their posts for full-text search (indexable), the node's own images, and the practices pinned
// to the node actor's profile (its `featured` collection). Kept beside the other node settings,
// in a document of its own.
import type { Collection, Doc, Store } from '../store/store.ts';

export interface FediverseSettings {
  /** Mastodon may suggest the node's actors in its profile directory and "explore". Off until the admin says so. */
  discoverable: boolean;
  /** Mastodon may index the actors' public posts for full-text search. Off until the admin says so. */
  indexable: boolean;
  /** Handles of this node's own published practices pinned to the node actor's profile, in order. */
  pinnedPractices: string[];
  /** An https address of the node's logo (a square PNG or JPEG); null: the registry's default picture. */
  avatarUrl: string | null;
  /** An https address of a wide header picture (about 1500×500); null: the registry's default. */
  headerUrl: string | null;
  updatedAt: string | null;
}

/** Privacy first: nothing is suggested or indexed until the node's admin chooses it (ADR 0051). */
export const DEFAULT_FEDIVERSE_SETTINGS: FediverseSettings = {
  discoverable: false,
  indexable: false,
  pinnedPractices: [],
  avatarUrl: null,
  headerUrl: null,
  updatedAt: null,
};

type SettingsDoc = Doc & Partial<FediverseSettings>;
const ID = 'fediverse';

export class FediverseSettingsRepository {
  readonly #c: Collection<SettingsDoc>;

  constructor(store: Store) {
    this.#c = store.collection<SettingsDoc>('settings');
  }

  async get(): Promise<FediverseSettings> {
    const doc = await this.#c.findOne({ _id: ID });
    return {
      discoverable: doc?.discoverable === true,
      indexable: doc?.indexable === true,
      pinnedPractices: Array.isArray(doc?.pinnedPractices) ? doc.pinnedPractices.filter((h) => typeof h === 'string') : [],
      avatarUrl: typeof doc?.avatarUrl === 'string' ? doc.avatarUrl : null,
      headerUrl: typeof doc?.headerUrl === 'string' ? doc.headerUrl : null,
      updatedAt: typeof doc?.updatedAt === 'string' ? doc.updatedAt : null,
    };
  }

  async save(settings: FediverseSettings): Promise<FediverseSettings> {
    await this.#c.replaceOne({ _id: ID }, { ...settings }, { upsert: true });
    return this.get();
  }
}
