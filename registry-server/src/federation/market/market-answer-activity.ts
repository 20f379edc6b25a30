// An answer to a partner's market record, as it travels to the record's origin node (contract C,
// ADR 0038): a Create of a Note, from this node's actor to the origin node's actor only (never
// public: the answer is for the buyer and the origin's staff), replying to the record, attributed
// to the answering initiative, with the verdict as our `answerVerdict` term and the editor's
// message as the content. The Note is embedded and not served anywhere: the origin reads it from
// the signed activity (market-answer-inbox.ts).
import { createHash } from 'node:crypto';
import type { DomainEvent, MarketAnswerSent } from '../../events/domain-events.ts';
import { compact } from '../jsonld/compact.ts';
import { DATA_INTEGRITY_CONTEXT, type ActivityDocument } from '../fanout/follower-deliveries.ts';
import { textToHtml } from '../jsonld/html-text.ts';
import { MARKET_DOCUMENT_CONTEXT } from './market-record-jsonld.ts';

/** Where the ids of answers are minted on the answering node; the origin's inbox routes on it. */
export const ANSWER_PATH_PREFIX = '/ap/market-answers/';

/** Where the ids of "seen" marks are minted: one per record and initiative, so the origin's inbox takes it once. */
export const SEEN_PATH_PREFIX = '/ap/market-seen/';

export type MarketSeen = Omit<Extract<DomainEvent, { type: 'market.seen' }>, 'type'>;

/** Who sends: this node's public URL and its node actor's IRI. */
export interface AnsweringNode {
  publicUrl: URL;
  actor: string;
}

export function answerActivity(node: AnsweringNode, answer: MarketAnswerSent): ActivityDocument {
  const noteId = new URL(`${ANSWER_PATH_PREFIX}${encodeURIComponent(answer.id)}`, node.publicUrl).href;
  return compact<ActivityDocument>({
    '@context': [...MARKET_DOCUMENT_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: `${noteId}/create`,
    type: 'Create',
    actor: node.actor,
    to: answer.recordOrigin,
    published: answer.sentAt,
    object: {
      id: noteId,
      type: 'Note',
      attributedTo: answer.initiativeIri,
      name: answer.initiativeName,
      inReplyTo: answer.recordIri,
      to: answer.recordOrigin,
      published: answer.sentAt,
      answerVerdict: answer.verdict,
      content: answer.message === undefined ? undefined : textToHtml(answer.message),
    },
  });
}

/**
 * The "seen" mark: a View of the record by this node's actor, on behalf of the initiative whose
 * editor opened it (`attributedTo`), to the origin node actor only. Its id is derived from the
 * record and the initiative, so a second mark is the same activity, which the origin's inbox
 * drops as a replay: the first opening is what the buyer follows.
 */
export function seenActivity(node: AnsweringNode, seen: MarketSeen): ActivityDocument {
  const key = createHash('sha256').update(`${seen.recordIri} ${seen.initiativeIri}`).digest('hex').slice(0, 32);
  return compact<ActivityDocument>({
    '@context': [...MARKET_DOCUMENT_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: new URL(`${SEEN_PATH_PREFIX}${key}`, node.publicUrl).href,
    type: 'View',
    actor: node.actor,
    object: seen.recordIri,
    attributedTo: seen.initiativeIri,
    to: seen.recordOrigin,
    published: seen.seenAt,
  });
}
