// The contact relay: anyone writes to an initiative through the registry without seeing its
// private address; the initiative's editors read the messages when signed in. Messages and
// senders' addresses are private: never in public queries, logs or exports.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../accounts/actor.ts';
import { ActionError } from '../accounts/action-error.ts';
import { authorize, can, editorSince } from '../accounts/authorization.ts';
import { isEmail } from '../accounts/email-address.ts';
import type { RateLimiter } from '../accounts/rate-limiter.ts';
import { addressBucket } from '../accounts/address-bucket.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import { logger } from '../config/logging.ts';
import type { ContactMessage, MessageRepository } from './message-repository.ts';

export type { ContactMessage } from './message-repository.ts';

const log = logger('relay');

export interface MessageInput {
  senderName?: string | null;
  replyTo: string;
  subject: string;
  body: string;
}

/** Messages one client address may send per hour. */
export const RELAY_LIMIT = { max: 10, windowMs: 60 * 60_000 };

export class ContactRelay {
  readonly #messages: MessageRepository;
  readonly #initiatives: InitiativeRepository;
  readonly #limiter: RateLimiter;
  readonly #events: DomainEvents;
  readonly #now: () => Date;

  constructor(messages: MessageRepository, initiatives: InitiativeRepository, limiter: RateLimiter, events: DomainEvents, now: () => Date) {
    this.#messages = messages;
    this.#initiatives = initiatives;
    this.#limiter = limiter;
    this.#events = events;
    this.#now = now;
  }

  ensureIndexes(): Promise<void> {
    return this.#messages.ensureIndexes();
  }

  async send(actor: Actor, initiativeId: string, input: MessageInput, address: string): Promise<ContactMessage> {
    const initiative = await this.#initiatives.findPublishedById(initiativeId);
    if (!initiative || initiative.origin.kind !== 'local')
      throw new ActionError(
        'NOT_FOUND',
        'No published initiative on this node has this id; messages reach initiatives through their own node.',
      );
    if (initiative.record.contact?.relay === false)
      throw new ActionError('INVALID_STATE', 'This initiative does not receive messages through the registry.');
    const errors = messageErrors(input);
    if (errors.length) throw new ActionError('VALIDATION_FAILED', 'The message was not sent: some fields need fixing.', { fields: errors });
    const key = `relay:address:${addressBucket(address)}`;
    // Claimed atomically before the message is stored, so simultaneous sends cannot all pass.
    const claim = await this.#limiter.claim(key, RELAY_LIMIT);
    if (!claim.allowed)
      throw new ActionError(
        'RATE_LIMITED',
        `Too many messages from your connection. Try again in ${Math.ceil(claim.retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds: claim.retryAfterSeconds },
      );
    const message: ContactMessage = {
      _id: randomUUID(),
      initiative: initiative._id,
      senderName: input.senderName?.trim() || null,
      replyTo: input.replyTo.trim(),
      subject: input.subject.trim(),
      body: input.body,
      fromAccount: actor.kind === 'account' ? actor.accountId : null,
      createdAt: this.#now().toISOString(),
      readAt: null,
    };
    await this.#messages.insert(message);
    log.info('Message {messageId} relayed to initiative {initiative}', { messageId: message._id, initiative: initiative._id });
    this.#events.emit({ type: 'message.received', initiativeId: initiative._id, messageId: message._id });
    return message;
  }

  async list(actor: Actor, initiative: string, options: { unreadOnly?: boolean; first?: number } = {}): Promise<ContactMessage[]> {
    authorize(actor, { do: 'initiative.readMessages', initiative });
    // Only what arrived since the editor joined (ADR 0012): a new editor never reads older mail.
    return this.#messages.receivedBy(initiative, {
      after: editorSince(actor, initiative),
      unreadOnly: options.unreadOnly ?? false,
      limit: Math.min(options.first ?? 50, 200),
    });
  }

  async markRead(actor: Actor, messageId: string): Promise<ContactMessage> {
    const message = await this.#messages.findById(messageId);
    // A message from before the editor joined is as absent as one that never was.
    if (
      !message ||
      (actor.kind === 'account' &&
        actor.initiatives.includes(message.initiative) &&
        !can(actor, { do: 'initiative.readMessages', initiative: message.initiative, receivedAt: message.createdAt }))
    ) {
      throw new ActionError('NOT_FOUND', 'No message with this id.');
    }
    authorize(actor, { do: 'initiative.readMessages', initiative: message.initiative });
    return (await this.#messages.setReadAt(messageId, message.readAt ?? this.#now().toISOString()))!;
  }
}

function messageErrors(input: MessageInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isEmail(input.replyTo.trim()))
    errors.push({ field: 'replyTo', code: 'INVALID_EMAIL', message: 'must be an e-mail address the initiative can answer.' });
  if (input.senderName && input.senderName.length > 200)
    errors.push({ field: 'senderName', code: 'TOO_LONG', message: 'must be at most 200 characters.' });
  if (input.subject.trim().length === 0) errors.push({ field: 'subject', code: 'REQUIRED', message: 'is required.' });
  if (input.subject.length > 200) errors.push({ field: 'subject', code: 'TOO_LONG', message: 'must be at most 200 characters.' });
  if (input.body.trim().length < 10) errors.push({ field: 'body', code: 'TOO_SHORT', message: 'must be at least 10 characters.' });
  if (input.body.length > 5000) errors.push({ field: 'body', code: 'TOO_LONG', message: 'must be at most 5,000 characters.' });
  return errors;
}
