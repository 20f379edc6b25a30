// Messages relayed to initiatives (contact-relay.ts). Private: never in public queries, logs or exports.
import type { Collection, Doc, Store } from '../store/store.ts';

export type ContactMessage = Doc & {
  initiative: string;
  senderName: string | null;
  replyTo: string;
  subject: string;
  body: string;
  /** The sender's account when signed in (an official of a partner city, say). */
  fromAccount: string | null;
  createdAt: string;
  readAt: string | null;
};

export class MessageRepository {
  readonly #messages: Collection<ContactMessage>;

  constructor(store: Store) {
    this.#messages = store.collection<ContactMessage>('messages');
  }

  async ensureIndexes(): Promise<void> {
    await this.#messages.createIndex({ initiative: 1, createdAt: -1 });
  }

  async insert(message: ContactMessage): Promise<void> {
    await this.#messages.insertOne(message);
  }

  findById(id: string): Promise<ContactMessage | null> {
    return this.#messages.findOne({ _id: id });
  }

  /** The initiative's messages received after `after`, newest first. */
  receivedBy(initiative: string, options: { after: string; unreadOnly: boolean; limit: number }): Promise<ContactMessage[]> {
    return this.#messages.find(
      { initiative, createdAt: { $gt: options.after }, ...(options.unreadOnly ? { readAt: null } : {}) },
      { sort: { createdAt: -1 }, limit: options.limit },
    );
  }

  /** Sets when the message was read; the message as it is now. */
  setReadAt(id: string, readAt: string): Promise<ContactMessage | null> {
    return this.#messages.findOneAndUpdate({ _id: id }, { $set: { readAt } });
  }
}
