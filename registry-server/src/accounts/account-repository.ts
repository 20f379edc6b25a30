// Accounts are private: their e-mail addresses never appear in public queries, exports or logs
// (logs name accounts by id only).
import { randomUUID } from 'node:crypto';
import type { Doc, Store, Collection } from '../store/store.ts';
import type { Role } from './actor.ts';
import { normaliseEmail } from './email-address.ts';

export type Account = Doc & {
  email: string;
  passwordHash: string;
  role: Role;
  /** Initiative handles an editor belongs to. */
  initiatives: string[];
  /**
   * When the account became an editor of each of its initiatives (handle → ISO date): it reads
   * only the messages received since. Accounts from before this rule have none: read as the
   * epoch, so nothing changes for them.
   */
  editorSince?: Record<string, string>;
  createdAt: string;
  createdBy: string | null;
  passwordChangedAt: string;
  disabledAt?: string;
  /** The interface language the person last signed in with: e-mails to them are written in it. */
  language?: string;
};

export class AccountRepository {
  readonly #collection: Collection<Account>;

  constructor(store: Store) {
    this.#collection = store.collection<Account>('accounts');
  }

  async ensureIndexes(): Promise<void> {
    await this.#collection.createIndex({ email: 1 }, { unique: true });
  }

  async create(input: Omit<Account, '_id'>): Promise<Account> {
    const account = { ...input, _id: randomUUID() } as Account;
    await this.#collection.insertOne(account);
    return account;
  }

  async findByEmail(email: string): Promise<Account | null> {
    const found = await this.#collection.findOne({ email: normaliseEmail(email) });
    // Accounts created before addresses were put in Unicode normal form keep their spelling.
    const legacy = email.trim().toLowerCase();
    return found ?? (legacy !== normaliseEmail(email) ? this.#collection.findOne({ email: legacy }) : null);
  }

  findById(id: string): Promise<Account | null> {
    return this.#collection.findOne({ _id: id });
  }

  countAdmins(): Promise<number> {
    return this.#collection.countDocuments({ role: 'admin' });
  }

  /** Every account, oldest first (the admins' list; a node has a few hundred at most). */
  listAll(limit: number): Promise<Account[]> {
    return this.#collection.find({}, { sort: { createdAt: 1 }, limit });
  }

  /** Stores a new password hash; the caller ends the sessions the old password opened. */
  async setPassword(id: string, passwordHash: string, changedAt: string): Promise<void> {
    await this.#collection.updateOne({ _id: id }, { $set: { passwordHash, passwordChangedAt: changedAt } });
  }

  /** The enabled accounts that edit `initiative` (a disabled editor reads nothing and is told nothing). */
  editorsOf(initiative: string): Promise<Account[]> {
    return this.#collection.find({ initiatives: initiative, disabledAt: { $exists: false } }, { sort: { createdAt: 1 }, limit: 500 });
  }

  async hasEditors(initiative: string): Promise<boolean> {
    return (await this.#collection.countDocuments({ initiatives: initiative, disabledAt: { $exists: false } })) > 0;
  }

  enabledAdmins(): Promise<Account[]> {
    return this.#collection.find({ role: 'admin', disabledAt: { $exists: false } }, { sort: { createdAt: 1 }, limit: 100 });
  }

  /** Remembers the language the person uses the site in (a language tag, at most 35 characters). */
  async setLanguage(id: string, language: string): Promise<void> {
    if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/.test(language) || language.length > 35) return;
    await this.#collection.updateOne({ _id: id, language: { $ne: language } }, { $set: { language } });
  }

  /** The enabled moderators and admins: those who handle reports. */
  enabledStaff(): Promise<Account[]> {
    return this.#collection.find(
      { role: { $in: ['admin', 'moderator'] }, disabledAt: { $exists: false } },
      { sort: { createdAt: 1 }, limit: 500 },
    );
  }

  /** Makes the account an editor of `initiative` from `since` on (an editor who creates an initiative). */
  async addEditor(accountId: string, initiative: string, since: string): Promise<void> {
    await this.#collection.updateOne(
      { _id: accountId, initiatives: { $ne: initiative } },
      { $addToSet: { initiatives: initiative }, $set: { [`editorSince.${safeHandle(initiative)}`]: since } },
    );
  }

  /** Takes `initiative` from the account; null when it was not one of its initiatives. */
  removeEditor(accountId: string, initiative: string): Promise<Account | null> {
    return this.#collection.findOneAndUpdate(
      { _id: accountId, initiatives: initiative },
      { $pull: { initiatives: initiative }, $unset: { [`editorSince.${safeHandle(initiative)}`]: '' } },
    );
  }

  /** Sets the account's role; the account after, or null when there is no such account. */
  setRole(accountId: string, role: Role): Promise<Account | null> {
    return this.#collection.findOneAndUpdate({ _id: accountId }, { $set: { role } });
  }

  /** Disables (a date) or re-enables (null); null when there is no such account. */
  setDisabled(accountId: string, at: string | null): Promise<Account | null> {
    return this.#collection.findOneAndUpdate({ _id: accountId }, at ? { $set: { disabledAt: at } } : { $unset: { disabledAt: '' } });
  }
}

/** Handles are the field names of `editorSince`: refuse anything that would be a path or an operator. */
function safeHandle(handle: string): string {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(handle)) throw new Error(`Not an initiative handle: "${handle}".`);
  return handle;
}

/** The `editorSince` of a new account: all its initiatives from now on. */
export function editorSinceFor(initiatives: readonly string[], since: string): Record<string, string> {
  return Object.fromEntries(initiatives.map((handle) => [safeHandle(handle), since]));
}
