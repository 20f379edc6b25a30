// The domain events answers consumes and emits (issue 15 contracts B and C, ADR 0037).
// `market.matched` is matching's (market/matching/, ADR 0036).
import type { MarketKind } from '../market-record.ts';
import type { MarketMatch } from '../matching/market-match.ts';

export type { MarketMatch, MatchReason } from '../matching/market-match.ts';

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

/**
 * This node told one of its initiatives of a partner's record (ADR 0055): federation carries it
 * to the record's origin, so the buyer sees whom the partner told.
 */
export interface MarketToldEvent {
  type: 'market.told';
  recordIri: string;
  recordOrigin: string;
  initiativeIri: string;
  initiativeName: string;
  toldAt: string;
}
