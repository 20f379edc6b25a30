// Accounts are private: their e-mail addresses never appear in public queries, exports or logs
// (logs name accounts by id only).
import { randomUUID } from 'node:crypto';
import type { Doc, Store, Collection } from '../store/store.ts';
import type { Role } from './actor.ts';

export type Account = Doc & {
  email: string;
  passwordHash: string;
  role: Role;
  /** Initiative handles an editor belongs to. */
  initiatives: string[];
  createdAt: string;
  createdBy: string | null;
  passwordChangedAt: string;
  disabledAt?: string;
};

export class AccountRepository {
  readonly collection: Collection<Account>;

  constructor(store: Store) {
    this.collection = store.collection<Account>('accounts');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ email: 1 }, { unique: true });
  }

  async create(input: Omit<Account, '_id'>): Promise<Account> {
    const account = { ...input, _id: randomUUID() } as Account;
    await this.collection.insertOne(account);
    return account;
  }

  async findByEmail(email: string): Promise<Account | null> {
    const found = await this.collection.findOne({ email: normaliseEmail(email) });
    // Accounts created before addresses were put in Unicode normal form keep their spelling.
    const legacy = email.trim().toLowerCase();
    return found ?? (legacy !== normaliseEmail(email) ? this.collection.findOne({ email: legacy }) : null);
  }

  findById(id: string): Promise<Account | null> {
    return this.collection.findOne({ _id: id });
  }

  count(filter: Record<string, unknown> = {}): Promise<number> {
    return this.collection.countDocuments(filter);
  }
}

/**
 * One spelling per address, so every variant finds the same account and counts against the
 * same sign-in limit: surrounding spaces, case, and Unicode forms (an "é" typed as one
 * character or as "e" and a combining accent; full-width letters) are made alike.
 */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase().normalize('NFKC');
}

export function isEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
