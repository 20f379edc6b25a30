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

/** Where the ids of "told" marks are minted (ADR 0055): one per record and initiative, like "seen". */
export const TOLD_PATH_PREFIX = '/ap/market-told/';

export type MarketSeen = Omit<Extract<DomainEvent, { type: 'market.seen' }>, 'type'>;
export type MarketTold = Omit<Extract<DomainEvent, { type: 'market.told' }>, 'type'>;

/**
 * The marks a partner node sends the origin about its initiative and one of the origin's records,
 * in the order the buyer follows them: told (an Announce: the node called its initiative's
 * attention to the record) and seen (a View). Each has an id path of its own, on which the
 * origin's inbox routes.
 */
export const MARKS = {
  told: { type: 'Announce', prefix: TOLD_PATH_PREFIX },
  seen: { type: 'View', prefix: SEEN_PATH_PREFIX },
} as const;
export type MarkStage = keyof typeof MARKS;

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
  return markActivity(node, 'seen', { ...seen, at: seen.seenAt });
}

/**
 * The "told" mark (ADR 0055): an Announce of the record by this node's actor, on behalf of the
 * initiative it told (`attributedTo`, with its name), to the origin node actor only. Its id is
 * derived from the record and the initiative like the seen mark's: the origin takes it once.
 */
export function toldActivity(node: AnsweringNode, told: MarketTold): ActivityDocument {
  return markActivity(node, 'told', { ...told, at: told.toldAt });
}

function markActivity(
  node: AnsweringNode,
  stage: MarkStage,
  mark: { recordIri: string; recordOrigin: string; initiativeIri: string; initiativeName?: string; at: string },
): ActivityDocument {
  const key = createHash('sha256').update(`${mark.recordIri} ${mark.initiativeIri}`).digest('hex').slice(0, 32);
  return compact<ActivityDocument>({
    '@context': [...MARKET_DOCUMENT_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: new URL(`${MARKS[stage].prefix}${key}`, node.publicUrl).href,
    type: MARKS[stage].type,
    actor: node.actor,
    object: mark.recordIri,
    attributedTo: mark.initiativeIri,
    ...(mark.initiativeName === undefined ? {} : { name: mark.initiativeName }),
    to: mark.recordOrigin,
    published: mark.at,
  });
}
