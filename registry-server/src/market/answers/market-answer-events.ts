// The domain events answers consumes and emits between helpers of issue 15 (contracts B and C in
// the session's notes, ADR 0037). `market.matched` is matching's (market/matching/): its shape is
// written here as answers reads it, so answers builds and is tested without matching present.
import type { MarketKind } from '../market-record.ts';

/** Why a record and a counterpart match, as matching names it ({ code: 'distance-km', params: { km: 4 } }). */
export interface MatchReason {
  code: string;
  params: Record<string, string | number>;
}

/** One match of a market record: an initiative or another market record, on this node or a partner's copy. */
export interface MarketMatch {
  recordIri: string;
  counterpart: { kind: 'initiative' | 'marketRecord'; iri: string; local: boolean };
  score: number;
  reasons: MatchReason[];
}

/** Matching stored new or changed matches of a market record (local, or a partner's copy). */
export interface MarketMatchedEvent {
  type: 'market.matched';
  record: { iri: string; handle: string; kind: MarketKind; local: boolean };
  matches: MarketMatch[];
}

export type Verdict = 'interested' | 'not-for-us' | 'question';

/** An answer an editor here gave to a partner's record: federation delivers it to the record's origin. */
export interface SentMarketAnswer {
  /** The answer's id on this node (one per answer given; a replay of the same id is refused at the origin). */
  id: string;
  recordIri: string;
  /** The actor IRI of the node the record comes from (where the answer goes). */
  recordOrigin: string;
  initiativeIri: string;
  initiativeName: string;
  verdict: Verdict;
  message?: string;
  sentAt: string;
}

export interface MarketAnswerSentEvent {
  type: 'market.answer.sent';
  answer: SentMarketAnswer;
}

/** An editor here opened a partner's record sent to their initiative (federation may carry it). */
export interface MarketSeenEvent {
  type: 'market.seen';
  recordIri: string;
  recordOrigin: string;
  initiativeIri: string;
  seenAt: string;
}
