// What federation needs from the market answers (issue 15, contract C): the origin node's inbox
// hands an answer a partner's editor sent to one of this node's market records to
// `receiveRemote`, which the answers module implements (it refuses an answer to a record that is
// not local, for an initiative not of the sending node, or a replay of the same activity, and
// is idempotent). Federation checks what it can check on the wire first (market-answer-inbox.ts).

export type MarketAnswerVerdict = 'interested' | 'not-for-us' | 'question';

export const MARKET_ANSWER_VERDICTS: readonly MarketAnswerVerdict[] = ['interested', 'not-for-us', 'question'];

export interface RemoteMarketAnswer {
  /** The id of the activity that carried the answer: the key against replays. */
  activityId: string;
  /** The actor IRI of the partner node that sent it. */
  fromNode: string;
  recordIri: string;
  initiativeIri: string;
  initiativeName: string;
  verdict: MarketAnswerVerdict;
  message?: string;
  sentAt: string;
}

/** A partner's editor opened one of this node's records (contract C, the "seen" mark). */
export interface RemoteMarketSeen {
  activityId: string;
  fromNode: string;
  recordIri: string;
  initiativeIri: string;
  seenAt: string;
}

/** A partner's node told its initiative of one of this node's records (ADR 0055, the "told" mark). */
export interface RemoteMarketTold {
  activityId: string;
  fromNode: string;
  recordIri: string;
  initiativeIri: string;
  /** The name the partner gives its initiative (bounded); the name of a copy held here wins. */
  initiativeName?: string;
  toldAt: string;
}

export interface MarketAnswersReceiver {
  /**
   * Stores an answer received from a partner. A refusal is thrown as a typed error (one with a
   * `code`): the inbox logs it and acknowledges the activity, since sending it again would not
   * change the answer. Any other error makes the inbox answer 500, so the partner retries.
   */
  receiveRemote(answer: RemoteMarketAnswer): Promise<unknown>;
  /** Notes that an editor of a partner's initiative opened the record (optional: the "seen" mark). Refusals as above. */
  receiveSeen?(seen: RemoteMarketSeen): Promise<unknown>;
  /** Notes that the partner told its initiative of the record (optional: the "told" mark). Refusals as above. */
  receiveTold?(told: RemoteMarketTold): Promise<unknown>;
}
