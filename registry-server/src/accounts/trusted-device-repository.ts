// Stored trusted devices, keyed by the SHA-256 hash of their token (trusted-devices.ts).
import type { Collection, Doc, Store } from '../store/store.ts';

export type TrustedDevice = Doc & {
  accountId: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
};

export class TrustedDeviceRepository {
  readonly #devices: Collection<TrustedDevice>;

  constructor(store: Store) {
    this.#devices = store.collection<TrustedDevice>('trustedDevices');
  }

  async ensureIndexes(): Promise<void> {
    await this.#devices.createIndex({ accountId: 1, lastUsedAt: 1 });
  }

  findById(id: string): Promise<TrustedDevice | null> {
    return this.#devices.findOne({ _id: id });
  }

  /** Marks a device of this account used and extends it; false when it is not this account's. */
  async touch(id: string, accountId: string, lastUsedAt: string, expiresAt: string): Promise<boolean> {
    return (await this.#devices.updateOne({ _id: id, accountId }, { $set: { lastUsedAt, expiresAt } })).matchedCount === 1;
  }

  async insert(device: TrustedDevice): Promise<void> {
    await this.#devices.insertOne(device);
  }

  deleteAllOf(accountId: string): Promise<number> {
    return this.#devices.deleteMany({ accountId });
  }

  /** Forgets the account's expired devices and all but its `keep` most recently used. */
  async prune(accountId: string, now: string, keep: number): Promise<void> {
    await this.#devices.deleteMany({ accountId, expiresAt: { $lte: now } });
    const devices = await this.#devices.find({ accountId }, { sort: { lastUsedAt: -1, _id: 1 }, skip: keep, projection: { _id: 1 } });
    if (devices.length) await this.#devices.deleteMany({ _id: { $in: devices.map((d) => d._id) } });
  }
}
