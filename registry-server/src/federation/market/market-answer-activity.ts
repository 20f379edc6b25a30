// An answer to a partner's market record, as it travels to the record's origin node (contract C,
// ADR 0038): a Create of a Note, from this node's actor to the origin node's actor only (never
// public: the answer is for the buyer and the origin's staff), replying to the record, attributed
// to the answering initiative, with the verdict as our `answerVerdict` term and the editor's
// message as the content. The Note is embedded and not served anywhere: the origin reads it from
// the signed activity (market-answer-inbox.ts).
import type { Context } from '@fedify/fedify';
import type { MarketAnswerSent } from '../../events/domain-events.ts';
import { compact } from '../jsonld/compact.ts';
import { DATA_INTEGRITY_CONTEXT, type ActivityDocument } from '../fanout/follower-deliveries.ts';
import { textToHtml } from '../jsonld/html-text.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { MARKET_DOCUMENT_CONTEXT } from './market-record-jsonld.ts';

/** Where the ids of answers are minted on the answering node; the origin's inbox routes on it. */
export const ANSWER_PATH_PREFIX = '/ap/market-answers/';

export function answerActivity(ctx: Context<FederationData>, answer: MarketAnswerSent): ActivityDocument {
  const noteId = new URL(`${ANSWER_PATH_PREFIX}${encodeURIComponent(answer.id)}`, ctx.data.services.config.publicUrl).href;
  return compact<ActivityDocument>({
    '@context': [...MARKET_DOCUMENT_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: `${noteId}/create`,
    type: 'Create',
    actor: ctx.getActorUri(NODE_ACTOR).href,
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
