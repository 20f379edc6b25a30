// What the node keeps of a market record sent to a party (ADR 0037): one entry per record and
// party, created when the party is first told (or, on the record's origin, when a partner's
// initiative first answers), holding when it was told and seen, its current answer and whether
// the buyer shortlisted it. Every answer given is also kept in the history, never replaced.
import type { Doc } from '../../store/store.ts';
import type { MatchReason, Verdict } from './market-answer-events.ts';

export type { Verdict } from './market-answer-events.ts';
export const VERDICTS: readonly Verdict[] = ['interested', 'not-for-us', 'question'];

/** The answers one party may give to one record: answering again replaces, but a flood stops here. */
export const MAX_ANSWERS_PER_ENTRY = 20;

export interface GivenAnswer {
  verdict: Verdict;
  /** The editor's words (required for a question); organisation-level, through the registry only. */
  message: string | null;
  at: string;
}

export type MarketAnswerEntry = Doc & {
  recordIri: string;
  /** The record's store id on this node: its handle when local, its IRI for a partner's copy. */
  recordId: string;
  recordLocal: boolean;
  /** For a partner's record: the actor IRI of its node, where answers go. */
  recordOrigin: string | null;
  /**
   * Who was told: an initiative (its editors answer for it), or an organisation's record (a
   * lender's offer matched with a need: the node's staff are told and cannot answer for it).
   */
  party: 'initiative' | 'organisation';
  /** The initiative's IRI, or the organisation's record IRI. */
  partyIri: string;
  /** The initiative's handle when it is this node's; null for a partner's initiative. */
  initiative: string | null;
  /** The name shown to the buyer (the initiative's, or the organisation's). */
  partyName: string;
  /** For a partner's initiative: the actor IRI of its node (who answered for it). */
  partyNode: string | null;
  reasons: MatchReason[];
  /** When this node told the party's editors; null for a partner's initiative (its node told it). */
  toldAt: string | null;
  seenAt: string | null;
  answer: GivenAnswer | null;
  /** How many answers were given (history), capped at MAX_ANSWERS_PER_ENTRY. */
  answerCount: number;
  shortlistedAt: string | null;
};

export type MarketAnswerHistoryEntry = Doc & {
  entry: string;
  verdict: Verdict;
  message: string | null;
  at: string;
  /** The account that answered here; null for an answer received from a partner. */
  by: string | null;
  /** For an answer received from a partner: the activity it came in (its _id is derived from it, so a replay is refused). */
  activityId?: string;
};
