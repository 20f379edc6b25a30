// Settings of the node that admins change at run time (as opposed to boot configuration).
import type { Collection, Doc, Store } from '../store/store.ts';

export interface NodeSettings {
  /** When true, an editor's change to a published record waits for a moderator; when false it goes live at once. */
  editsRequireReview: boolean;
  /** When the admin last saved the node's profile; null until the first time (the first-run page asks for it). */
  profileEditedAt: string | null;
}

export const DEFAULT_SETTINGS: NodeSettings = { editsRequireReview: true, profileEditedAt: null };

type SettingsDoc = Doc & Partial<NodeSettings>;

export class NodeSettingsRepository {
  readonly #c: Collection<SettingsDoc>;

  constructor(store: Store) {
    this.#c = store.collection<SettingsDoc>('settings');
  }

  async get(): Promise<NodeSettings> {
    const doc = await this.#c.findOne({ _id: 'node' });
    return {
      ...DEFAULT_SETTINGS,
      ...(doc?.editsRequireReview === undefined ? {} : { editsRequireReview: doc.editsRequireReview }),
      ...(doc?.profileEditedAt ? { profileEditedAt: doc.profileEditedAt } : {}),
    };
  }

  async update(changes: Partial<NodeSettings>): Promise<NodeSettings> {
    await this.#c.updateOne({ _id: 'node' }, { $set: changes }, { upsert: true });
    return this.get();
  }
}
