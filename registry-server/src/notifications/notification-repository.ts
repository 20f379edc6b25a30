// In-site notifications: short notices for one account ("a new editor was added to …"). Private
// to that account. The model is general (a kind, an initiative, kind-specific data) so a fuller
// inbox can grow from it; what a notice says never includes another person's e-mail address.
import { randomUUID } from 'node:crypto';
import type { Collection, Doc, Store } from '../store/store.ts';

export type NotificationKind =
  | 'editor.added'
  | 'message.received'
  | 'review.decided'
  | 'report.received'
  | 'listing.requested'
  /** A market record was sent to an initiative the account edits (or, for a lender's offer, to the staff): market/answers/. */
  | 'market.matched'
  /** A partner's adoption record of one of this node's practices arrived or changed stage (ADR 0040). */
  | 'adoption.received'
  /** A partner city asked this node how it does a practice type (ADR 0046): the staff answer on the questions page. */
  | 'city-question.received'
  /** A partner city answered a question this node asked (ADR 0046). */
  | 'city-question.answered';

export type Notification = Doc & {
  /** The account told. */
  accountId: string;
  kind: NotificationKind;
  /** The initiative concerned (a local handle), when there is one. */
  initiative: string | null;
  createdAt: string;
  readAt: string | null;
  /** Kind-specific details, shown to the account told: roles and dates, never people's addresses. */
  data: Record<string, unknown>;
};

export class NotificationRepository {
  readonly #notifications: Collection<Notification>;

  constructor(store: Store) {
    this.#notifications = store.collection<Notification>('notifications');
  }

  async ensureIndexes(): Promise<void> {
    await this.#notifications.createIndex({ accountId: 1, createdAt: -1 });
    await this.#notifications.createIndex({ accountId: 1, readAt: 1 });
  }

  async add(notices: ReadonlyArray<Omit<Notification, '_id' | 'readAt'>>): Promise<void> {
    if (notices.length === 0) return;
    await this.#notifications.insertMany(notices.map((notice) => ({ ...notice, _id: randomUUID(), readAt: null })));
  }

  listFor(accountId: string, options: { unreadOnly?: boolean; first?: number } = {}): Promise<Notification[]> {
    const filter = { accountId, ...(options.unreadOnly ? { readAt: null } : {}) };
    return this.#notifications.find(filter, { sort: { createdAt: -1, _id: -1 }, limit: Math.min(Math.max(options.first ?? 50, 1), 200) });
  }

  /** How many of the account's notifications are unread (the header's count). */
  unreadCount(accountId: string): Promise<number> {
    return this.#notifications.countDocuments({ accountId, readAt: null });
  }

  /** Marks every unread notification of the account read; how many were. */
  async markAllRead(accountId: string, at: string): Promise<number> {
    const result = await this.#notifications.updateMany({ accountId, readAt: null }, { $set: { readAt: at } });
    return result.modifiedCount;
  }

  /** Marks one of the account's notifications read; null when the account has none with this id. */
  async markRead(accountId: string, id: string, at: string): Promise<Notification | null> {
    const notification = await this.#notifications.findOne({ _id: id, accountId });
    if (!notification || notification.readAt) return notification;
    return this.#notifications.findOneAndUpdate({ _id: id, accountId }, { $set: { readAt: at } });
  }
}
