// Questions between cities react to domain events (ADR 0046), like market answers (ADR 0038):
// `question.asked` sends the question to the asked node's actor, `question.answered` sends the
// answer back to the asking node's actor. Deliveries are queued, signed and retried; a partner
// being down never fails the staff's action, and errors are logged.
import type { Context, Federation } from '@fedify/fedify';
import { logger } from '../../config/logging.ts';
import { outsideDeadline } from '../../outgoing/outgoing-limits.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { queueForInbox } from '../fanout/follower-deliveries.ts';
import type { StoreMessageQueue } from '../queue/store-message-queue.ts';
import { answerActivity, questionActivity } from './city-question-activities.ts';

const log = logger('federation', 'questions');

export function connectQuestionBridge(federation: Federation<FederationData>, data: FederationData, queue: StoreMessageQueue): () => void {
  return data.services.events.subscribe((event) => {
    if (event.type !== 'question.asked' && event.type !== 'question.answered') return;
    const ctx = federation.createContext(data.services.config.publicUrl, data);
    return outsideDeadline(() =>
      event.type === 'question.asked' ? sendQuestion(ctx, queue, event.id) : sendAnswer(ctx, queue, event.id),
    ).catch((error: unknown) => log.error('Could not send {type} {id}: {error}', { type: event.type, id: event.id, error }));
  });
}

async function sendQuestion(ctx: Context<FederationData>, queue: StoreMessageQueue, id: string): Promise<void> {
  const question = await ctx.data.services.cityQuestions.findById(id);
  if (!question || question.direction !== 'sent') return;
  const partner = await ctx.data.follows.acceptedPartner(question.askedNode);
  if (!partner) {
    log.warning('Did not send the question {id}: {node} is no longer a partner this node follows', { id, node: question.askedNode });
    return;
  }
  await queueForInbox(ctx, queue, NODE_ACTOR, questionActivity(question), { actor: partner._id, inbox: partner.inbox });
  log.info('Sent the question {id} to {node}', { id, node: question.askedNode });
}

async function sendAnswer(ctx: Context<FederationData>, queue: StoreMessageQueue, id: string): Promise<void> {
  const question = await ctx.data.services.cityQuestions.findById(id);
  if (!question || question.direction !== 'received' || !question.answer) return;
  // The asking node follows this node (its question was taken only then); its inbox is known from that follow.
  const follower = await ctx.data.follows.findFollower(NODE_ACTOR, question.askingNode);
  const partner = follower?.state === 'accepted' ? null : await ctx.data.follows.acceptedPartner(question.askingNode);
  const inbox = follower?.state === 'accepted' ? follower.inbox : partner?.inbox;
  if (!inbox) {
    log.warning('Did not send the answer to {id}: {node} no longer follows this node', { id, node: question.askingNode });
    return;
  }
  await queueForInbox(ctx, queue, NODE_ACTOR, answerActivity(question), { actor: question.askingNode, inbox });
  log.info('Sent the answer to {id} to {node}', { id, node: question.askingNode });
}
