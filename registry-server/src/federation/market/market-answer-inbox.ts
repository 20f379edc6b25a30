// The origin's side of an answer's journey (contract C, ADR 0038): a partner node delivers, signed,
// a Create of a Note replying to one of this node's market records, or an Announce or a View of
// one (the "told" and "seen" marks, ADR 0055) on behalf of one of its initiatives
// (market-answer-activity.ts).
// What the wire can prove is checked here; the answers module then decides (MarketAnswers
// .receiveRemote: a record of this node, an initiative of the sender, no replay).
//   - the sender follows this node and was accepted: only a partner that received the record
//     can answer it;
//   - the answer, and the initiative it is from, are on the sender's own origin: a node answers
//     only for its own initiatives;
//   - it replies to a market record of this node; the verdict is one of three; the texts are
//     bounded.
// A refusal is logged and acknowledged (a retry would be refused again); a failure of the
// answers module that is not a refusal answers 500, so the partner's queue retries.
import type { InboxContext } from '@fedify/fedify';
import type { Announce, Create, View } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { handleFromIri, hostOf } from '../iri.ts';
import { htmlToText } from '../jsonld/html-text.ts';
import { sameOrigin } from '../partners/partner-origin.ts';
import { ANSWER_PATH_PREFIX, MARKS, type MarkStage } from './market-answer-activity.ts';
import { MARKET_ANSWER_VERDICTS, type MarketAnswerVerdict, type RemoteMarketAnswer } from './market-answers-port.ts';
import { isMarketRecordIri } from './market-objects.ts';

const log = logger('federation', 'market');

const MAX_MESSAGE = 4_000;
const MAX_NAME = 300;

/** Whether a Create carries an answer to a market record (its object's id is minted under ANSWER_PATH_PREFIX). */
export function isMarketAnswer(objectId: string): boolean {
  return URL.canParse(objectId) && new URL(objectId).pathname.startsWith(ANSWER_PATH_PREFIX);
}

export async function onMarketAnswer(ctx: InboxContext<FederationData>, activity: Create): Promise<void> {
  const sender = activity.actorId?.href;
  if (!sender || !activity.id) return;
  const read = await readAnswer(ctx, activity, sender);
  if ('refused' in read) {
    log.warning('Refused an answer {activity} from {sender}: {reason}', { activity: activity.id.href, sender, reason: read.refused });
    return;
  }
  const answers = ctx.data.marketAnswers;
  if (!answers) {
    // Acknowledged but not kept: this node has no answers module to give it to.
    log.warning('Could not take the answer {activity} from {sender}: market answers are not installed', {
      activity: activity.id.href,
      sender,
    });
    return;
  }
  if (await handOver(() => answers.receiveRemote(read.answer)))
    log.info('Received an answer to {record} from {initiative}', { record: read.answer.recordIri, initiative: read.answer.initiativeIri });
}

async function readAnswer(
  ctx: InboxContext<FederationData>,
  activity: Create,
  sender: string,
): Promise<{ answer: RemoteMarketAnswer } | { refused: string }> {
  // The signed body as received: the Note is embedded (answers are not served anywhere).
  const json = (await activity.toJsonLd()) as Record<string, unknown>;
  const note = json.object;
  if (note === null || typeof note !== 'object' || Array.isArray(note)) return { refused: 'the answer is not embedded in the activity' };
  const n = note as Record<string, unknown>;
  if (n.type !== 'Note' || typeof n.id !== 'string' || !sameOrigin(n.id, sender))
    return { refused: "the answer is not a Note on the sender's origin" };
  const reply = await partnerReplyError(ctx, sender, activity.id!.href, n.attributedTo, n.inReplyTo);
  if ('refused' in reply) return reply;
  const verdict = n.answerVerdict;
  if (!MARKET_ANSWER_VERDICTS.includes(verdict as MarketAnswerVerdict))
    return { refused: `the verdict ${JSON.stringify(verdict)} is not one of ${MARKET_ANSWER_VERDICTS.join(', ')}` };
  const initiativeName = typeof n.name === 'string' ? n.name.trim() : '';
  if (initiativeName.length === 0 || initiativeName.length > MAX_NAME)
    return { refused: `the initiative's name must be 1 to ${MAX_NAME} characters` };
  let message: string | undefined;
  if (n.content !== undefined) {
    if (typeof n.content !== 'string' || n.content.length > 8 * MAX_MESSAGE) return { refused: 'the message is not text, or far too long' };
    message = htmlToText(n.content).trim();
    if (message.length > MAX_MESSAGE) return { refused: `the message is longer than ${MAX_MESSAGE} characters` };
  }
  return {
    answer: {
      activityId: activity.id!.href,
      fromNode: sender,
      recordIri: reply.recordIri,
      initiativeIri: reply.initiativeIri,
      initiativeName,
      verdict: verdict as MarketAnswerVerdict,
      ...(message ? { message } : {}),
      sentAt: instantOr(n.published, ctx.data.services.now()),
    },
  };
}

/**
 * What answers and "seen" marks share: the sender is a partner that follows this node (so it
 * received our records), the activity and the initiative are on the sender's own origin, and
 * the record is a market record of this node.
 */
async function partnerReplyError(
  ctx: InboxContext<FederationData>,
  sender: string,
  activityId: string,
  initiativeIri: unknown,
  recordIri: unknown,
): Promise<{ initiativeIri: string; recordIri: string } | { refused: string }> {
  const follower = await ctx.data.follows.findFollower(NODE_ACTOR, sender);
  if (!follower || follower.state !== 'accepted' || !follower.isRegistryNode)
    return { refused: 'the sender is not a partner that follows this node, so it never received our records' };
  if (!sameOrigin(activityId, sender)) return { refused: "the activity's id is not on the sender's origin" };
  if (typeof initiativeIri !== 'string' || !sameOrigin(initiativeIri, sender))
    return { refused: `the answer is from ${JSON.stringify(initiativeIri)}, not an initiative of the sending node` };
  const ownOrigin = ctx.data.services.config.publicUrl.origin;
  if (typeof recordIri !== 'string' || !sameOrigin(recordIri, ownOrigin) || !isMarketRecordIri(recordIri))
    return { refused: `the answer replies to ${JSON.stringify(recordIri)}, not a market record of this node` };
  const record = await ctx.data.services.marketRecords.findById(handleFromIri(recordIri) ?? '');
  // Published: partners received it. An expired one still is (an answer sent just before the
  // instant may arrive after it); a draft never reached a partner, whatever its IRI.
  if (!record || record.origin.kind !== 'local' || record.publication.state !== 'published')
    return { refused: `${recordIri} is not a published market record of this node` };
  return { initiativeIri, recordIri };
}

/** Whether an activity id is minted as a mark of this stage (its path starts with the stage's prefix). */
export function isMarketMark(stage: MarkStage, activityId: string): boolean {
  return URL.canParse(activityId) && new URL(activityId).pathname.startsWith(MARKS[stage].prefix);
}

/** A partner's editor opened one of our records: the answers module notes it for the buyer. */
export function onMarketSeen(ctx: InboxContext<FederationData>, view: View): Promise<void> {
  return onMarketMark(ctx, 'seen', view);
}

/** A partner's node told its initiative of one of our records (ADR 0055): the buyer sees whom it told. */
export function onMarketTold(ctx: InboxContext<FederationData>, announce: Announce): Promise<void> {
  return onMarketMark(ctx, 'told', announce);
}

/**
 * A told or seen mark: the same checks as an answer (partnerReplyError: a partner that follows
 * this node, the activity and the initiative on its origin, a published record of this node);
 * anything else of that type (a boost, a View of something else) is not ours and is ignored.
 */
async function onMarketMark(ctx: InboxContext<FederationData>, stage: MarkStage, activity: View | Announce): Promise<void> {
  const sender = activity.actorId?.href;
  if (!sender || !activity.id || !isMarketMark(stage, activity.id.href)) return;
  if (await ctx.data.follows.isBlocked(hostOf(sender))) return;
  const json = (await activity.toJsonLd()) as Record<string, unknown>;
  const reply = await partnerReplyError(ctx, sender, activity.id.href, json.attributedTo, json.object);
  if ('refused' in reply) {
    log.warning('Refused a {stage} mark {activity} from {sender}: {reason}', {
      stage,
      activity: activity.id.href,
      sender,
      reason: reply.refused,
    });
    return;
  }
  const answers = ctx.data.marketAnswers;
  const at = instantOr(json.published, ctx.data.services.now());
  const common = { activityId: activity.id.href, fromNode: sender, recordIri: reply.recordIri, initiativeIri: reply.initiativeIri };
  if (stage === 'seen') {
    const receiveSeen = answers?.receiveSeen?.bind(answers);
    if (receiveSeen) await handOver(() => receiveSeen({ ...common, seenAt: at }));
    return;
  }
  const receiveTold = answers?.receiveTold?.bind(answers);
  // The name is only shown when this node holds no copy of the initiative; a bad one is left out.
  const name = typeof json.name === 'string' ? json.name.trim() : '';
  if (receiveTold)
    await handOver(() =>
      receiveTold({ ...common, ...(name.length > 0 && name.length <= MAX_NAME ? { initiativeName: name } : {}), toldAt: at }),
    );
}

/** Runs a call into the answers module: a refusal (a typed error, with a code) is logged and acknowledged; anything else is thrown (500, retried). */
async function handOver(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
      log.warning('The answers module refused what a partner sent: {error}', { error: error.message });
      return false;
    }
    throw error;
  }
}

function instantOr(value: unknown, fallback: Date): string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : fallback.toISOString();
}
