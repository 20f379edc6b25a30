// Domain events: services emit what happened after it is stored; other parts (the response
// cache, federation, the search index) react to them. A failing listener is logged and never fails
// the action that emitted the event.
import { logger } from '../config/logging.ts';
import type {
  MarketMatchedEvent,
  MarketAnswerSentEvent,
  MarketSeenEvent,
  MarketToldEvent,
  SentMarketAnswer,
} from '../market/answers/market-answer-events.ts';

export type RecordKindName = 'initiative' | 'goodPractice' | 'marketRecord' | 'adoptionRecord';

/**
 * The kinds of record that are listings (searched, federated as listings); market records are not,
 * yet (ADR 0033), and adoption records federate and are searched by their own paths (ADR 0040).
 */
export type ListingKindName = Exclude<RecordKindName, 'marketRecord' | 'adoptionRecord'>;
export const isListingKind = (kind: RecordKindName): kind is ListingKindName => kind !== 'marketRecord' && kind !== 'adoptionRecord';

export type DomainEvent =
  | { type: 'record.published'; kind: RecordKindName; id: string; version: number }
  | {
      type: 'record.updated';
      kind: RecordKindName;
      id: string;
      version: number;
      fields: string[];
      /**
       * Set when what the listing serves changed beside its record, at the same version (its
       * `sameAs` links, ADR 0052): makes the Update's activity id new, so partners do not take it for a replay.
       */
      linkStamp?: string;
    }
  | { type: 'record.unpublished'; kind: RecordKindName; id: string; version: number }
  | { type: 'record.deleted'; kind: RecordKindName; id: string; version: number }
  /**
   * A published record reached its expiry date and left every public answer (market records,
   * ADR 0033). Emitted once per expiry by the expiry sweep; extending the date and expiring again emits again.
   */
  | { type: 'record.expired'; kind: RecordKindName; id: string; version: number }
  | { type: 'message.received'; initiativeId: string; messageId: string }
  /** A listing received from a partner node was stored (created or replaced). */
  | { type: 'listing.received'; kind: ListingKindName; id: string }
  /** An adoption record received from a partner was stored (created or replaced); `practice`: the IRI of the practice it adopts. */
  | { type: 'adoption.received'; id: string; practice: string; created: boolean; stageChanged: boolean }
  /** Adoption records received from partners were removed (by store id). */
  | { type: 'adoption.removed'; ids: string[] }
  /** Links between listings of one organisation changed (ADR 0052): the search index regroups these listings (store ids). */
  | { type: 'sameAs.changed'; ids: string[] }
  /** Listings received from partner nodes were removed (by store id). */
  | { type: 'listing.removed'; ids: string[] }
  /** The staff asked a partner city a question (ADR 0046): the bridge delivers it to that node; `id` is its IRI. */
  | { type: 'question.asked'; id: string }
  /** The moderators answered a question a partner asked (ADR 0046): the bridge delivers the answer to the asking node. */
  | { type: 'question.answered'; id: string }
  | { type: 'invitation.created'; invitationId: string }
  /** This node's admin saved the node's own profile (partners hear of it as an Update of the node actor). */
  | { type: 'node.profileUpdated'; handle: string; version: number }
  /** A partner's own profile was received and replaced what this node held of that city. */
  | { type: 'node.profileReceived'; handle: string }
  /**
   * A moderator decided on a record waiting for review: published it (or its change), or sent it
   * back to its editors with a note saying what to change.
   */
  | { type: 'review.decided'; kind: RecordKindName; id: string; decision: ReviewDecision; note: string | null }
  /** A report about this node's listings was received (the first time; a Flag delivered twice is one report). */
  | { type: 'report.received'; reportId: string; objects: string[] }
  /** Someone without an account asked, on the public form, for an initiative to be listed (a draft waits for review). */
  | { type: 'listing.requested'; id: string }
  /** An invitation link was used: an account was created with it. */
  | { type: 'invitation.accepted'; invitationId: string }
  /** Someone reported, on this site, a listing received from a partner: its origin is to be told (a Flag). */
  | { type: 'report.forwardRequested'; reportId: string }
  /** A moderator here closed a report (resolved or dismissed, with a note); a partner that reported hears of it. */
  | { type: 'report.decided'; reportId: string; decision: 'resolved' | 'dismissed' }
  /** Matching (issue 15 point 2, contract B) stored new or changed matches of a market record. */
  | MarketMatchedEvent
  /** An editor here answered a partner's market record: its origin is to hear of it (contract C). */
  | MarketAnswerSentEvent
  /** An editor here opened a partner's market record sent to their initiative (contract C, optional). */
  | MarketSeenEvent
  /** This node told its initiative of a partner's market record (ADR 0055): the origin hears whom it told. */
  | MarketToldEvent;

/** An answer to a partner's market record, as federation carries it to the record's origin. */
export type MarketAnswerSent = SentMarketAnswer;

/**
 * What a moderator decided: approved, changes asked (the record goes back to draft with a note),
 * or declined (a new listing refused with a reason; it leaves the queue as deleted).
 */
export type ReviewDecision = 'approved' | 'changes-requested' | 'declined';

type Listener = (event: DomainEvent) => void | Promise<void>;

const log = logger('events');

export class DomainEvents {
  readonly #listeners: Listener[] = [];

  subscribe(listener: Listener): () => void {
    this.#listeners.push(listener);
    return () => this.#listeners.splice(this.#listeners.indexOf(listener), 1);
  }

  emit(event: DomainEvent): void {
    for (const listener of this.#listeners) {
      try {
        const result = listener(event);
        if (result instanceof Promise)
          result.catch((error: unknown) => log.error('Listener failed on {type}: {error}', { type: event.type, error }));
      } catch (error) {
        log.error('Listener failed on {type}: {error}', { type: event.type, error });
      }
    }
  }
}
